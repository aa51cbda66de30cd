#pragma once

// Creating a WordPress user the way FluentCart's `wp_user: "yes"` does (fluent-cart-v2.md §9.3,
// storefront-v1.md §5.4), as one step of a caller's transaction: no BEGIN/COMMIT here, no
// e-mails, no hooks.

#include <cartpress/config/settings.hpp>
#include <cartpress/core/random.hpp>
#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cartpress::site {

// `users.user_login` is varchar(60).
inline constexpr std::size_t kMaxLoginLength = 60;
// A cleaned name part shorter than this is not used as a login (§9.3).
inline constexpr std::size_t kMinLoginLength = 3;
// The first db_version WordPress writes with the 6.8 hash formats (wordpress-rest.md §11.5).
inline constexpr std::int64_t kModernHashDbVersion = 60421;
// Counter suffixes tried before giving up (local2 ... local1000): bounds the look-ups.
inline constexpr std::int64_t kMaxLoginCounter = 1000;

struct NewWordPressUser {
    std::string email;  // stored as given; the caller has checked no user has it
    std::string first_name;
    std::string last_name;
    // The login password the person chose (storefront-v1.md §5.4, already trimmed): hashed,
    // no `default_password_nag`, and usermeta `cartpress_created` = 1 marks the account as
    // Cartpress's own. Empty: a random password nobody learns (fluent-cart-v2.md §9.3).
    std::string chosen_password;
};

// Lower-cased ASCII with every byte outside [a-z0-9_] dropped ("Anne-Marie" -> "annemarie",
// "José" -> "jos"). Not truncated.
std::string clean_login_part(std::string_view part);

// The §9.3 derivation, without the database: `preferred` are the cleaned local part of the email,
// first name and last name, in that order, each kept only when it has at least kMinLoginLength
// characters (truncated to kMaxLoginLength, duplicates dropped); the first free one wins. When
// none is free the login is counter_login(counter_base, n) for n = 2, 3, ...
struct LoginPlan {
    std::vector<std::string> preferred;
    // The cleaned local part, even when shorter than kMinLoginLength ("ab" -> ab2, ab3, ...);
    // "user" when nothing of it survives cleaning, so that no login is a bare number.
    std::string counter_base;
};
LoginPlan plan_login(std::string_view email, std::string_view first_name,
                     std::string_view last_name);

// base + decimal n, the base truncated so that the whole stays within kMaxLoginLength.
std::string counter_login(std::string_view base, std::int64_t n);

// WordPress's alternative user_nicename when the nicename is taken: base + "-" + n, the base
// truncated so that the whole stays within the column's 50 characters.
std::string counter_nicename(std::string_view base, std::int64_t n);

// PHP serialize() of [role => true]: the `<p>capabilities` value of a user with one role.
std::string capabilities_value(std::string_view role);

// "first last" trimmed of ASCII whitespace, or the login when that is empty.
std::string display_name_for(std::string_view first_name, std::string_view last_name,
                             std::string_view login);

// `length` characters of [A-Za-z0-9], uniformly drawn (rejection sampling, no modulo bias).
std::string random_alphanumeric(core::Random& random, std::size_t length);

// The format new login passwords are written in (wordpress-rest.md §11.5): kModern or kLegacy,
// never kAuto. kAuto means kModern when db_version >= kModernHashDbVersion or the store already
// holds a 6.8-format hash (`modern_hash_present`), else kLegacy.
config::HashFormat resolve_hash_format(config::HashFormat setting, std::int64_t db_version,
                                       bool modern_hash_present);

// Candidate names checked per round trip.
inline constexpr std::size_t kLoginBatch = 8;

// SQL for the users tables of one prefix, built once.
struct WordPressUserQueries {
    explicit WordPressUserQueries(const std::string& table_prefix);
    std::string capabilities_key;  // <p>capabilities
    std::string user_level_key;    // <p>user_level
    std::string user_by_email;
    std::string logins_taken;     // kLoginBatch EXISTS columns, one per candidate login
    std::string nicenames_taken;  // the same for user_nicename
    std::string modern_hash_present;
    std::string default_role;
    std::string insert_user;
    std::string insert_metas;
    std::string insert_metas_chosen_password;
};

// The lowest user ID with `user_email = ?` (the column's collation decides equality, as in
// WordPress's get_user_by('email')).
core::Result<std::optional<std::int64_t>, db::DbError> find_user_id_by_email(
    db::Session& session, const WordPressUserQueries& queries, std::string_view email);

// Whether any users.user_pass or usermeta `_application_passwords` value holds a `$wp$` or
// `$generic$` hash: a WordPress 6.8.0/6.8.1 that still reports db_version 58975 writes them.
core::Result<bool, db::DbError> modern_hash_present(db::Session& session,
                                                    const WordPressUserQueries& queries);

// The hash a new login password gets in this store: `hash_format` resolved with db_version and
// (for kAuto below kModernHashDbVersion) modern_hash_present, then bcrypt or phpass.
core::Result<std::string, db::DbError> hash_login_password(
    db::Session& session, const WordPressUserQueries& queries, std::string_view password,
    config::HashFormat hash_format, std::int64_t db_version, core::Random& random);

// Inserts the user and its usermeta rows (§9.3) and returns the new ID. Runs inside the caller's
// transaction (which should hold the email's lock and have checked find_user_id_by_email): it
// never begins, commits or rolls back, so on an error the caller rolls back the partial writes.
// The password is user.chosen_password, or else random_alphanumeric(8) that is wiped after hashing
// (nobody learns it; the user resets it by e-mail), hashed as hash_login_password does.
// `now` is the UTC time as 'YYYY-MM-DD HH:MM:SS'. Fails with kConflict when every login up to
// kMaxLoginCounter is taken.
core::Result<std::int64_t, db::DbError> create_wordpress_user(
    db::Session& session, const WordPressUserQueries& queries, const NewWordPressUser& user,
    config::HashFormat hash_format, std::int64_t db_version, core::Random& random,
    std::string_view now);

}  // namespace cartpress::site
