#include "storefront/repositories/token_repository.hpp"

namespace cartpress::plugins::storefront {

TokenQueries::TokenQueries(const std::string& p) {
    const std::string tokens = p + "cartpress_customer_tokens";
    const std::string throttle_table = p + "cartpress_throttle";
    const std::string account = "SELECT c.id, c.status, u.ID, u.user_pass, u.user_status FROM " +
                                p + "fct_customers c LEFT JOIN " + p +
                                "users u ON u.ID = c.user_id AND c.user_id > 0 WHERE ";
    login_account_ci = account + "c.email = ? ORDER BY c.id LIMIT 1";
    login_account_cs = account + "LOWER(TRIM(c.email)) = ? ORDER BY c.id LIMIT 1";
    insert_token = "INSERT INTO " + tokens +
                   " (token_hash, customer_id, session_id, created_at, expires_at, "
                   "session_expires_at, ip, user_agent) VALUES (UNHEX(?), ?, UNHEX(?), ?, ?, ?, "
                   "?, ?)";
    find_token =
        "SELECT t.id, t.customer_id, t.expires_at, HEX(t.session_id), "
        "t.session_expires_at, t.revoked_at IS NOT NULL, t.last_used_at, "
        "c.id IS NOT NULL, c.status FROM " +
        tokens + " t LEFT JOIN " + p +
        "fct_customers c ON c.id = t.customer_id WHERE t.token_hash = UNHEX(?)";
    touch_token = "UPDATE " + tokens +
                  " SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR "
                  "last_used_at < ?)";
    revoke_token = "UPDATE " + tokens + " SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";
    revoke_customer_tokens = "UPDATE " + tokens +
                             " SET revoked_at = ? WHERE customer_id = ? AND revoked_at IS NULL "
                             "AND id <> ?";
    read_throttle =
        "SELECT bucket, window_start, hits FROM " + throttle_table + " WHERE bucket IN (?, ?)";
    // MariaDB applies the assignments left to right: hits reads the old window_start.
    hit_throttle = "INSERT INTO " + throttle_table +
                   " (bucket, window_start, hits) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE "
                   "hits = IF(window_start < ?, 1, hits + 1), "
                   "window_start = IF(window_start < ?, VALUES(window_start), window_start)";
    clear_throttle = "DELETE FROM " + throttle_table + " WHERE bucket = ?";
}

core::Result<std::optional<LoginAccount>, db::DbError> TokenRepository::login_account(
    std::string_view email_key, bool email_column_ci) {
    auto rows =
        session_.query(email_column_ci ? q_.login_account_ci : q_.login_account_cs, {email_key});
    if (!rows) return core::fail(rows.error());
    if (rows->empty()) return std::optional<LoginAccount>();
    const auto r = (*rows)[0];
    LoginAccount a;
    a.customer_id = r.i64(0);
    a.customer_status = r.str(1);
    a.user_id = r.opt_i64(2);
    a.user_pass = r.str(3);
    a.user_status = r.i64(4);
    return std::optional<LoginAccount>(std::move(a));
}

core::Result<std::int64_t, db::DbError> TokenRepository::insert(const NewToken& t) {
    auto done = session_.execute(
        q_.insert_token, {std::string_view(t.token_hash_hex), t.customer_id,
                          std::string_view(t.session_id_hex), std::string_view(t.created_at),
                          std::string_view(t.expires_at), std::string_view(t.session_expires_at),
                          std::string_view(t.ip), std::string_view(t.user_agent)});
    if (!done) return core::fail(done.error());
    auto id = session_.last_insert_id();
    if (!id) return core::fail(id.error());
    return static_cast<std::int64_t>(*id);
}

core::Result<std::optional<TokenRow>, db::DbError> TokenRepository::find(
    std::string_view token_hash_hex) {
    auto rows = session_.query(q_.find_token, {token_hash_hex});
    if (!rows) return core::fail(rows.error());
    if (rows->empty()) return std::optional<TokenRow>();
    const auto r = (*rows)[0];
    TokenRow t;
    t.id = r.i64(0);
    t.customer_id = r.i64(1);
    t.expires_at = r.str(2);
    t.session_id_hex = r.str(3);
    t.session_expires_at = r.str(4);
    t.revoked = r.i64(5) != 0;
    if (!r.is_null(6)) t.last_used_at = r.str(6);
    t.customer_exists = r.i64(7) != 0;
    t.customer_status = r.str(8);
    return std::optional<TokenRow>(std::move(t));
}

core::Result<void, db::DbError> TokenRepository::touch(std::int64_t id, std::string_view now,
                                                       std::string_view since) {
    auto done = session_.execute(q_.touch_token, {now, id, since});
    if (!done) return core::fail(done.error());
    return {};
}

core::Result<void, db::DbError> TokenRepository::revoke(std::int64_t id, std::string_view now) {
    auto done = session_.execute(q_.revoke_token, {now, id});
    if (!done) return core::fail(done.error());
    return {};
}

core::Result<std::uint64_t, db::DbError> TokenRepository::revoke_customer(std::int64_t customer_id,
                                                                          std::string_view now,
                                                                          std::int64_t keep_id) {
    auto done = session_.execute(q_.revoke_customer_tokens, {now, customer_id, keep_id});
    if (!done) return core::fail(done.error());
    return done->affected_rows;
}

core::Result<std::vector<ThrottleBucket>, db::DbError> TokenRepository::throttle(
    std::string_view a, std::string_view b) {
    auto rows = session_.query(q_.read_throttle, {a, b});
    if (!rows) return core::fail(rows.error());
    std::vector<ThrottleBucket> out;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const auto r = (*rows)[i];
        out.push_back({r.str(0), r.str(1), r.i64(2)});
    }
    return out;
}

core::Result<void, db::DbError> TokenRepository::hit(std::string_view bucket, std::string_view now,
                                                     std::string_view window_floor) {
    auto done = session_.execute(q_.hit_throttle, {bucket, now, window_floor, window_floor});
    if (!done) return core::fail(done.error());
    return {};
}

core::Result<void, db::DbError> TokenRepository::clear(std::string_view bucket) {
    auto done = session_.execute(q_.clear_throttle, {bucket});
    if (!done) return core::fail(done.error());
    return {};
}

}  // namespace cartpress::plugins::storefront
