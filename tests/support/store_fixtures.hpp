#pragma once

#include <string>

#include "support/mariadb_instance.hpp"

namespace cartpress::test {

// Credentials of the reference store (shared/reference/credentials.env).
struct ReferenceCredentials {
    std::string admin_user = "admin";
    std::string admin_app_password;
    std::string subscriber_user = "subscriber1";
    std::string subscriber_app_password;
};
ReferenceCredentials reference_credentials();

// A SQL string literal for fixture SQL (the product itself binds parameters).
std::string sql_quote(const std::string& s);

enum class HashKind { kGeneric, kPhpass };

// Adds a WordPress user with one role and one application password.
void add_user(const MariaDbInstance& db, const std::string& database, const std::string& prefix,
              int id, const std::string& login, const std::string& email, const std::string& role,
              const std::string& app_password, HashKind kind);

// Appends another application password to a user's list (e.g. a legacy $P$ one).
void add_app_password(const MariaDbInstance& db, const std::string& database,
                      const std::string& prefix, int user_id, const std::string& name,
                      const std::string& app_password, HashKind kind);

// Adds a role to <prefix>user_roles with the given capabilities (all granted).
void add_role(const MariaDbInstance& db, const std::string& database, const std::string& prefix,
              const std::string& role, const std::string& display_name,
              const std::vector<std::string>& capabilities);

// The _application_passwords value of a user (lowest umeta_id), as stored.
std::string app_passwords_meta(const MariaDbInstance& db, const std::string& database,
                               const std::string& prefix, int user_id);

// Runs `sql` on `database` when it goes out of scope: a test that changes shared fixture rows
// puts them back even when an assertion stops it early.
class SqlOnExit {
public:
    SqlOnExit(const MariaDbInstance& db, std::string database, std::string sql)
        : db_(db), database_(std::move(database)), sql_(std::move(sql)) {}
    ~SqlOnExit() { db_.exec(database_, sql_); }
    SqlOnExit(const SqlOnExit&) = delete;
    SqlOnExit& operator=(const SqlOnExit&) = delete;

private:
    const MariaDbInstance& db_;
    std::string database_;
    std::string sql_;
};

// One value from a query through the mariadb client (fixtures and assertions only).
std::string query_value(const MariaDbInstance& db, const std::string& database,
                        const std::string& sql);

}  // namespace cartpress::test
