#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cartpress::plugins::storefront {

// Rows of {p}cartpress_customer_tokens and {p}cartpress_throttle, and the customer/user facts a
// login needs (storefront-v1.md §6). Times are UTC 'YYYY-MM-DD HH:MM:SS' text, which orders
// like the times themselves; token hashes travel as hex (a BINARY(32) column, UNHEX in SQL).

// The account behind an email key: the lowest customer id with that key and its linked user.
struct LoginAccount {
    std::int64_t customer_id = 0;
    std::string customer_status;
    std::optional<std::int64_t> user_id;  // a {p}users row exists
    std::string user_pass;
    std::int64_t user_status = 0;
};

struct NewToken {
    std::string token_hash_hex;
    std::int64_t customer_id = 0;
    std::string session_id_hex;  // 16 bytes: the refresh chain's session
    std::string created_at;
    std::string expires_at;
    std::string session_expires_at;
    std::string ip;
    std::string user_agent;
};

struct TokenRow {
    std::int64_t id = 0;
    std::int64_t customer_id = 0;
    std::string expires_at;
    std::string session_id_hex;
    std::string session_expires_at;
    bool revoked = false;
    std::optional<std::string> last_used_at;
    bool customer_exists = false;
    std::string customer_status;
};

// A throttle bucket as read: hits in the window that started at window_start.
struct ThrottleBucket {
    std::string bucket;
    std::string window_start;
    std::int64_t hits = 0;
};

struct TokenQueries {
    explicit TokenQueries(const std::string& table_prefix);
    std::string login_account_ci;  // email = key (case-insensitive column)
    std::string login_account_cs;  // LOWER(TRIM(email)) = key
    std::string insert_token;
    std::string find_token;
    std::string touch_token;
    std::string revoke_token;
    std::string revoke_customer_tokens;
    std::string read_throttle;
    std::string hit_throttle;
    std::string clear_throttle;
};

class TokenRepository {
public:
    TokenRepository(db::Session& session, const TokenQueries& queries)
        : session_(session), q_(queries) {}

    core::Result<std::optional<LoginAccount>, db::DbError> login_account(std::string_view email_key,
                                                                         bool email_column_ci);
    // Returns the new row's id.
    core::Result<std::int64_t, db::DbError> insert(const NewToken& token);
    core::Result<std::optional<TokenRow>, db::DbError> find(std::string_view token_hash_hex);
    // last_used_at = now, unless another request did so within the last minute (`since`).
    core::Result<void, db::DbError> touch(std::int64_t id, std::string_view now,
                                          std::string_view since);
    core::Result<void, db::DbError> revoke(std::int64_t id, std::string_view now);
    // Every live token of the customer except `keep_id` (0: all). Returns how many.
    core::Result<std::uint64_t, db::DbError> revoke_customer(std::int64_t customer_id,
                                                             std::string_view now,
                                                             std::int64_t keep_id = 0);

    core::Result<std::vector<ThrottleBucket>, db::DbError> throttle(std::string_view a,
                                                                    std::string_view b);
    // One more failure in each bucket; a window older than `window_floor` starts over at now.
    core::Result<void, db::DbError> hit(std::string_view bucket, std::string_view now,
                                        std::string_view window_floor);
    core::Result<void, db::DbError> clear(std::string_view bucket);

private:
    db::Session& session_;
    const TokenQueries& q_;
};

}  // namespace cartpress::plugins::storefront
