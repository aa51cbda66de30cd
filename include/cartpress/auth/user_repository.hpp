#pragma once

#include <cartpress/auth/user_row_locations.hpp>
#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace cartpress::auth {

// What authentication needs of a WordPress user, read in one statement.
struct UserAuthRecord {
    std::int64_t id = 0;
    std::string login;
    std::string email;
    std::optional<std::string> application_passwords;  // usermeta _application_passwords
    std::optional<std::string> capabilities;           // usermeta <prefix>capabilities
};

class UserRepository {
public:
    virtual ~UserRepository() = default;
    // user_login = ? (the column's collation makes it case-insensitive, as in WordPress). Read
    // by primary key where the rows were found before (UserRowLocations), else searched.
    virtual core::Result<std::optional<UserAuthRecord>, db::DbError> find_by_login(
        std::string_view login) = 0;
    virtual core::Result<std::optional<UserAuthRecord>, db::DbError> find_by_email(
        std::string_view email) = 0;
    // Sets last_used/last_ip of one application password (§11.6) under a row lock, re-reading
    // the row first; no-op when another request already recorded a use within `interval`.
    virtual core::Result<void, db::DbError> record_app_password_use(std::int64_t user_id,
                                                                    std::string_view uuid,
                                                                    std::int64_t now,
                                                                    std::string_view ip,
                                                                    std::int64_t interval) = 0;
};

// SQL for the users tables of one prefix, built once at startup.
struct UserQueries {
    explicit UserQueries(const std::string& table_prefix);
    std::string capabilities_key;
    std::string by_login;
    std::string by_email;
    std::string at_by_login;  // the rows at known places, if the login still names that user
    std::string at_by_email;
    std::string lock_app_passwords;
    std::string update_meta;
};

std::unique_ptr<UserRepository> make_mariadb_user_repository(db::Session& session,
                                                             const UserQueries& queries,
                                                             UserRowLocations& locations);

}  // namespace cartpress::auth
