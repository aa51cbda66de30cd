#include "support/store_fixtures.hpp"

#include <cartpress/auth/password_hash.hpp>
#include <cartpress/core/php_serialize.hpp>
#include <cartpress/core/random.hpp>
#include <cstdio>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace cartpress::test {
namespace {

core::PhpValue password_item(const std::string& name, const std::string& plain, HashKind kind) {
    core::SecureRandom random;
    const std::string normalized = auth::normalize_app_password(plain);
    const std::string hash = kind == HashKind::kGeneric ? auth::wp_fast_hash(normalized)
                                                        : auth::hash_phpass(normalized, random);
    auto item = core::PhpValue::empty_array();
    char uuid[40];
    std::snprintf(
        uuid, sizeof uuid, "00000000-0000-4000-8000-%012llx",
        static_cast<unsigned long long>(std::hash<std::string>{}(name)&0xFFFFFFFFFFFFULL));
    item.set("uuid", core::PhpValue::from_string(uuid));
    item.set("app_id", core::PhpValue::from_string(""));
    item.set("name", core::PhpValue::from_string(name));
    item.set("password", core::PhpValue::from_string(hash));
    item.set("created", core::PhpValue::from_int(1795692442));
    item.set("last_used", core::PhpValue::null());
    item.set("last_ip", core::PhpValue::null());
    return item;
}

}  // namespace

ReferenceCredentials reference_credentials() {
    ReferenceCredentials c;
    std::istringstream in(read_file(reference_dir() + "/credentials.env"));
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq == std::string::npos || line[0] == '#') continue;
        const std::string key = line.substr(0, eq);
        const std::string value = line.substr(eq + 1);
        if (key == "ADMIN_APP_PASSWORD") c.admin_app_password = value;
        if (key == "SUBSCRIBER_APP_PASSWORD") c.subscriber_app_password = value;
    }
    if (c.admin_app_password.empty()) throw std::runtime_error("credentials.env unreadable");
    return c;
}

std::string sql_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out + "'";
}

void add_user(const MariaDbInstance& db, const std::string& database, const std::string& prefix,
              int id, const std::string& login, const std::string& email, const std::string& role,
              const std::string& app_password, HashKind kind) {
    auto caps = core::PhpValue::empty_array();
    caps.set(role, core::PhpValue::from_bool(true));
    auto list = core::PhpValue::empty_array();
    list.append(password_item("test-" + login, app_password, kind));
    const std::string sid = std::to_string(id);
    db.exec(
        database,
        "INSERT INTO " + prefix +
            "users (ID, user_login, user_pass, user_nicename, user_email, "
            "user_url, user_registered, user_activation_key, user_status, display_name) VALUES (" +
            sid + ", " + sql_quote(login) + ", '', " + sql_quote(login) + ", " + sql_quote(email) +
            ", '', '2026-01-01 00:00:00', '', 0, " + sql_quote(login) +
            ");\n"
            "INSERT INTO " +
            prefix + "usermeta (user_id, meta_key, meta_value) VALUES (" + sid + ", " +
            sql_quote(prefix + "capabilities") + ", " + sql_quote(core::php_serialize(caps)) +
            "), (" + sid + ", '_application_passwords', " + sql_quote(core::php_serialize(list)) +
            ");");
}

void add_app_password(const MariaDbInstance& db, const std::string& database,
                      const std::string& prefix, int user_id, const std::string& name,
                      const std::string& app_password, HashKind kind) {
    auto parsed = core::php_unserialize(app_passwords_meta(db, database, prefix, user_id));
    if (!parsed) throw std::runtime_error("corrupt _application_passwords");
    parsed->append(password_item(name, app_password, kind));
    db.exec(database, "UPDATE " + prefix +
                          "usermeta SET meta_value = " + sql_quote(core::php_serialize(*parsed)) +
                          " WHERE user_id = " + std::to_string(user_id) +
                          " AND meta_key = '_application_passwords'");
}

void add_role(const MariaDbInstance& db, const std::string& database, const std::string& prefix,
              const std::string& role, const std::string& display_name,
              const std::vector<std::string>& capabilities) {
    const std::string option = prefix + "user_roles";
    auto parsed = core::php_unserialize(query_value(
        db, database,
        "SELECT option_value FROM " + prefix + "options WHERE option_name = " + sql_quote(option)));
    if (!parsed) throw std::runtime_error("corrupt user_roles");
    auto caps = core::PhpValue::empty_array();
    for (const auto& c : capabilities) caps.set(c, core::PhpValue::from_bool(true));
    auto def = core::PhpValue::empty_array();
    def.set("name", core::PhpValue::from_string(display_name));
    def.set("capabilities", std::move(caps));
    parsed->set(role, std::move(def));
    db.exec(database, "UPDATE " + prefix +
                          "options SET option_value = " + sql_quote(core::php_serialize(*parsed)) +
                          " WHERE option_name = " + sql_quote(option));
}

std::string app_passwords_meta(const MariaDbInstance& db, const std::string& database,
                               const std::string& prefix, int user_id) {
    return query_value(db, database,
                       "SELECT meta_value FROM " + prefix +
                           "usermeta WHERE user_id = " + std::to_string(user_id) +
                           " AND meta_key = '_application_passwords' ORDER BY umeta_id LIMIT 1");
}

std::string query_value(const MariaDbInstance& db, const std::string& database,
                        const std::string& sql) {
    std::string out;
    // -N -B -r: no column names, tab-separated, raw (no escaping of the value).
    if (run_command({"mariadb", "--no-defaults", "--socket=" + db.socket(), "-uroot", "-N", "-B",
                     "-r", database, "-e", sql},
                    &out) != 0) {
        throw std::runtime_error("query failed: " + sql);
    }
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

}  // namespace cartpress::test
