#include <openssl/crypto.h>

#include <algorithm>
#include <array>
#include <cartpress/auth/password_hash.hpp>
#include <cartpress/core/php_serialize.hpp>
#include <cartpress/site/wordpress_user_writer.hpp>

namespace cartpress::site {
namespace {

// user_nicename is varchar(50); WordPress cuts there (mb_substr, but ours is ASCII).
constexpr std::size_t kMaxNicenameLength = 50;
constexpr std::size_t kPasswordLength = 8;
constexpr std::string_view kFallbackRole = "subscriber";
constexpr std::string_view kFallbackCounterBase = "user";

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string truncated(std::string s, std::size_t max) {
    if (s.size() > max) s.resize(max);
    return s;
}

// The first of `candidates` (at most kLoginBatch) that `sql` (one EXISTS column per
// placeholder) reports as absent. The column's collation decides equality, as in WordPress's
// `WHERE user_login = %s`: "Bob" or "bób" takes "bob".
core::Result<std::optional<std::string>, db::DbError> first_free(
    db::Session& session, const std::string& sql, const std::vector<std::string>& candidates) {
    std::array<db::Param, kLoginBatch> params;
    params.fill(std::string_view());  // unused slots: their answers are ignored
    const std::size_t count = std::min(candidates.size(), kLoginBatch);
    for (std::size_t i = 0; i < count; ++i) params[i] = std::string_view(candidates[i]);
    auto rows = session.query(sql, std::span<const db::Param>(params));
    if (!rows) return core::fail(rows.error());
    if (rows->size() != 1 || rows->width() < count) {
        return core::fail(db::DbError{db::DbError::Kind::kInternal, 0, "login check: bad shape"});
    }
    for (std::size_t i = 0; i < count; ++i) {
        if ((*rows)[0].i64(i) == 0) return std::optional<std::string>(candidates[i]);
    }
    return std::optional<std::string>();
}

// `preferred` in order, then make(base, 2), make(base, 3), ... up to kMaxLoginCounter.
template <class Make>
core::Result<std::string, db::DbError> first_free_name(db::Session& session, const std::string& sql,
                                                       const std::vector<std::string>& preferred,
                                                       std::string_view base, Make make,
                                                       std::string_view what) {
    for (std::size_t i = 0; i < preferred.size(); i += kLoginBatch) {
        const std::vector<std::string> batch(
            preferred.begin() + static_cast<std::ptrdiff_t>(i),
            preferred.begin() +
                static_cast<std::ptrdiff_t>(std::min(i + kLoginBatch, preferred.size())));
        auto free = first_free(session, sql, batch);
        if (!free) return core::fail(free.error());
        if (*free) return std::move(**free);
    }
    std::vector<std::string> batch;
    for (std::int64_t n = 2; n <= kMaxLoginCounter;) {
        batch.clear();
        for (; n <= kMaxLoginCounter && batch.size() < kLoginBatch; ++n) {
            batch.push_back(make(base, n));
        }
        auto free = first_free(session, sql, batch);
        if (!free) return core::fail(free.error());
        if (*free) return std::move(**free);
    }
    return core::fail(
        db::DbError{db::DbError::Kind::kConflict, 0,
                    "no free " + std::string(what) + " for base '" + std::string(base) + "'"});
}

core::Result<std::string, db::DbError> default_role(db::Session& session,
                                                    const WordPressUserQueries& queries) {
    auto rows = session.query(queries.default_role);
    if (!rows) return core::fail(rows.error());
    std::string role = rows->empty() ? std::string() : (*rows)[0].str(0);
    if (role.empty()) role = kFallbackRole;
    return role;
}

// Hashes a fresh random password and wipes the plaintext: the caller never sees it.
std::string password_hash(config::HashFormat format, std::string_view password,
                          core::Random& random) {
    return format == config::HashFormat::kModern ? auth::hash_wp_bcrypt(password, random)
                                                 : auth::hash_phpass(password, random);
}

}  // namespace

std::string clean_login_part(std::string_view part) {
    std::string out;
    out.reserve(part.size());
    for (char c : part) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') out += c;
    }
    return out;
}

LoginPlan plan_login(std::string_view email, std::string_view first_name,
                     std::string_view last_name) {
    // The last '@' splits an address ("a@b"@example.com has local part "a@b").
    const auto at = email.rfind('@');
    const std::string local = clean_login_part(email.substr(0, at));
    LoginPlan plan;
    for (const std::string& part :
         {local, clean_login_part(first_name), clean_login_part(last_name)}) {
        if (part.size() < kMinLoginLength) continue;
        std::string login = truncated(part, kMaxLoginLength);
        if (std::find(plan.preferred.begin(), plan.preferred.end(), login) ==
            plan.preferred.end()) {
            plan.preferred.push_back(std::move(login));
        }
    }
    plan.counter_base = local.empty() ? std::string(kFallbackCounterBase) : local;
    return plan;
}

std::string counter_login(std::string_view base, std::int64_t n) {
    const std::string digits = std::to_string(n);
    return std::string(base.substr(0, kMaxLoginLength - digits.size())) + digits;
}

std::string counter_nicename(std::string_view base, std::int64_t n) {
    const std::string suffix = "-" + std::to_string(n);
    return std::string(base.substr(0, kMaxNicenameLength - suffix.size())) + suffix;
}

std::string capabilities_value(std::string_view role) {
    core::PhpValue::Array entries;
    entries.emplace_back(core::PhpKey(role), core::PhpValue::from_bool(true));
    return core::php_serialize(core::PhpValue::from_entries(std::move(entries)));
}

std::string display_name_for(std::string_view first_name, std::string_view last_name,
                             std::string_view login) {
    const std::string full = std::string(first_name) + " " + std::string(last_name);
    const std::string_view trimmed = trim(full);
    return std::string(trimmed.empty() ? login : trimmed);
}

std::string random_alphanumeric(core::Random& random, std::size_t length) {
    static constexpr std::string_view kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    // 248 = 4 * 62: bytes at or above it are dropped so every character is equally likely.
    constexpr unsigned kLimit = 4 * kAlphabet.size();
    std::string out;
    out.reserve(length);
    std::array<std::uint8_t, 32> buffer{};
    while (out.size() < length) {
        random.fill(buffer);
        for (std::uint8_t b : buffer) {
            if (b >= kLimit) continue;
            out += kAlphabet[b % kAlphabet.size()];
            if (out.size() == length) break;
        }
    }
    OPENSSL_cleanse(buffer.data(), buffer.size());
    return out;
}

config::HashFormat resolve_hash_format(config::HashFormat setting, std::int64_t db_version,
                                       bool modern_hash_present) {
    if (setting != config::HashFormat::kAuto) return setting;
    return db_version >= kModernHashDbVersion || modern_hash_present ? config::HashFormat::kModern
                                                                     : config::HashFormat::kLegacy;
}

WordPressUserQueries::WordPressUserQueries(const std::string& p)
    : capabilities_key(p + "capabilities"), user_level_key(p + "user_level") {
    const std::string users = p + "users";
    const std::string usermeta = p + "usermeta";
    user_by_email = "SELECT ID FROM " + users + " WHERE user_email = ? ORDER BY ID LIMIT 1";
    // One EXISTS per candidate: each is one index look-up, and the answers come back in
    // candidate order, compared with the column's collation (which a C++ compare could not do).
    const auto exists_columns = [&](const std::string& column) {
        std::string sql = "SELECT ";
        for (std::size_t i = 0; i < kLoginBatch; ++i) {
            if (i > 0) sql += ", ";
            sql += "EXISTS(SELECT 1 FROM " + users + " WHERE " + column + " = ?)";
        }
        return sql;
    };
    logins_taken = exists_columns("user_login");
    nicenames_taken = exists_columns("user_nicename");
    modern_hash_present =
        "SELECT EXISTS(SELECT 1 FROM " + users +
        " WHERE user_pass LIKE '$wp$%' OR user_pass LIKE '$generic$%') OR EXISTS(SELECT 1 FROM " +
        usermeta +
        " WHERE meta_key = '_application_passwords' AND (meta_value LIKE '%$generic$%' OR "
        "meta_value LIKE '%$wp$%'))";
    default_role = "SELECT option_value FROM " + p +
                   "options WHERE option_name = 'default_role' ORDER BY option_id LIMIT 1";
    insert_user = "INSERT INTO " + users +
                  " (user_login, user_pass, user_nicename, user_email, user_url, user_registered, "
                  "user_activation_key, user_status, display_name) "
                  "VALUES (?, ?, ?, ?, '', ?, '', 0, ?)";
    // wp_insert_user's order: nickname, first_name, last_name, then set_role's two keys.
    insert_metas = "INSERT INTO " + usermeta +
                   " (user_id, meta_key, meta_value) VALUES (?, 'nickname', ?), "
                   "(?, 'first_name', ?), (?, 'last_name', ?), (?, ?, ?), (?, ?, '0'), "
                   "(?, 'default_password_nag', '1')";
    insert_metas_chosen_password = "INSERT INTO " + usermeta +
                                   " (user_id, meta_key, meta_value) VALUES (?, 'nickname', ?), "
                                   "(?, 'first_name', ?), (?, 'last_name', ?), (?, ?, ?), "
                                   "(?, ?, '0'), (?, 'cartpress_created', '1')";
}

core::Result<std::optional<std::int64_t>, db::DbError> find_user_id_by_email(
    db::Session& session, const WordPressUserQueries& queries, std::string_view email) {
    auto rows = session.query(queries.user_by_email, {email});
    if (!rows) return core::fail(rows.error());
    if (rows->empty()) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>((*rows)[0].i64(0));
}

core::Result<bool, db::DbError> modern_hash_present(db::Session& session,
                                                    const WordPressUserQueries& queries) {
    auto rows = session.query(queries.modern_hash_present);
    if (!rows) return core::fail(rows.error());
    return !rows->empty() && (*rows)[0].i64(0) != 0;
}

core::Result<std::string, db::DbError> hash_login_password(
    db::Session& session, const WordPressUserQueries& queries, std::string_view password,
    config::HashFormat hash_format, std::int64_t db_version, core::Random& random) {
    bool modern_present = false;
    if (hash_format == config::HashFormat::kAuto && db_version < kModernHashDbVersion) {
        auto present = modern_hash_present(session, queries);
        if (!present) return core::fail(present.error());
        modern_present = *present;
    }
    return password_hash(resolve_hash_format(hash_format, db_version, modern_present), password,
                         random);
}

core::Result<std::int64_t, db::DbError> create_wordpress_user(
    db::Session& session, const WordPressUserQueries& queries, const NewWordPressUser& user,
    config::HashFormat hash_format, std::int64_t db_version, core::Random& random,
    std::string_view now) {
    // Plain (non-locking) reads, as WordPress's username_exists: user_login has no unique index,
    // and locking reads would take gap locks that make concurrent creations deadlock.
    const LoginPlan plan = plan_login(user.email, user.first_name, user.last_name);
    auto login = first_free_name(session, queries.logins_taken, plan.preferred, plan.counter_base,
                                 counter_login, "user_login");
    if (!login) return core::fail(login.error());

    // The login is already [a-z0-9_], which sanitize_title keeps as is; only its length and
    // WordPress's uniqueness rule (another user's nicename, e.g. "john.smith" -> "johnsmith",
    // gives "johnsmith-2") can change it.
    const std::string nicename_base = truncated(*login, kMaxNicenameLength);
    auto nicename = first_free_name(session, queries.nicenames_taken, {nicename_base},
                                    nicename_base, counter_nicename, "user_nicename");
    if (!nicename) return core::fail(nicename.error());

    std::string password = user.chosen_password.empty()
                               ? random_alphanumeric(random, kPasswordLength)
                               : user.chosen_password;
    auto hash = hash_login_password(session, queries, password, hash_format, db_version, random);
    OPENSSL_cleanse(password.data(), password.size());
    if (!hash) return core::fail(hash.error());

    auto role = default_role(session, queries);
    if (!role) return core::fail(role.error());
    const std::string capabilities = capabilities_value(*role);
    const std::string display_name = display_name_for(user.first_name, user.last_name, *login);

    auto inserted = session.execute(
        queries.insert_user,
        {std::string_view(*login), std::string_view(*hash), std::string_view(*nicename),
         std::string_view(user.email), now, std::string_view(display_name)});
    if (!inserted) return core::fail(inserted.error());
    auto id = session.last_insert_id();
    if (!id) return core::fail(id.error());
    const auto user_id = static_cast<std::int64_t>(*id);

    auto metas = session.execute(
        user.chosen_password.empty() ? queries.insert_metas : queries.insert_metas_chosen_password,
        {user_id, std::string_view(*login), user_id, std::string_view(user.first_name), user_id,
         std::string_view(user.last_name), user_id, std::string_view(queries.capabilities_key),
         std::string_view(capabilities), user_id, std::string_view(queries.user_level_key),
         user_id});
    if (!metas) return core::fail(metas.error());
    return user_id;
}

}  // namespace cartpress::site
