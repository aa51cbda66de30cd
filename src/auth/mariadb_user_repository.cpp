#include <cartpress/auth/application_passwords.hpp>
#include <cartpress/auth/user_repository.hpp>
#include <cartpress/core/php_serialize.hpp>
#include <cartpress/db/statement_prefixes.hpp>
#include <cartpress/db/transaction.hpp>

namespace cartpress::auth {
namespace {

constexpr std::string_view kAppPasswordsKey = "_application_passwords";

// A user's record with the places of the meta rows it was read from.
struct FoundUser {
    UserAuthRecord user;
    std::int64_t passwords_meta_id = 0;
    std::int64_t capabilities_meta_id = 0;
};

// Rows of (ID, user_login, user_email, meta_key, meta_value, umeta_id, meta user_id), meta
// NULL for a user without either key.
class MariaDbUserRepository final : public UserRepository {
public:
    MariaDbUserRepository(db::Session& session, const UserQueries& queries,
                          UserRowLocations& locations)
        : session_(session), queries_(queries), locations_(locations) {}

    core::Result<std::optional<UserAuthRecord>, db::DbError> find_by_login(
        std::string_view login) override {
        return find(UserRowLocations::By::kLogin, login);
    }

    core::Result<std::optional<UserAuthRecord>, db::DbError> find_by_email(
        std::string_view email) override {
        return find(UserRowLocations::By::kEmail, email);
    }

    core::Result<void, db::DbError> record_app_password_use(std::int64_t user_id,
                                                            std::string_view uuid, std::int64_t now,
                                                            std::string_view ip,
                                                            std::int64_t interval) override {
        db::Transaction tx(session_);
        if (!tx.started()) return core::fail(tx.started().error());
        auto rows = session_.query(queries_.lock_app_passwords, {user_id});
        if (!rows) return core::fail(rows.error());
        if (rows->empty()) return {};
        const auto umeta_id = (*rows)[0].i64(0);
        auto updated = mark_used((*rows)[0].str(1), uuid, now, ip, interval);
        if (!updated) return {};  // already recorded by someone else, or the item is gone
        auto exec = session_.execute(queries_.update_meta, {std::string_view(*updated), umeta_id});
        if (!exec) return core::fail(exec.error());
        return tx.commit();
    }

private:
    using By = UserRowLocations::By;

    core::Result<std::optional<UserAuthRecord>, db::DbError> find(By by, std::string_view value) {
        if (const auto ids = locations_.find(by, value)) {
            const std::string& sql = by == By::kLogin ? queries_.at_by_login : queries_.at_by_email;
            auto rows = session_.query(
                sql, {ids->passwords_meta_id, ids->capabilities_meta_id, ids->user_id, value});
            if (!rows) return core::fail(rows.error());
            if (auto user = still_in_place(*rows, *ids)) return std::optional(std::move(*user));
            locations_.forget(by, value);  // moved, deleted or renamed: search again
        }
        const std::string& sql = by == By::kLogin ? queries_.by_login : queries_.by_email;
        auto rows = session_.query(sql, {std::string_view(queries_.capabilities_key), value});
        if (!rows) return core::fail(rows.error());
        auto found = first_rows(*rows);
        if (!found) return std::optional<UserAuthRecord>();
        // Only a user with both rows: a row added later could not be seen at a known place.
        if (found->passwords_meta_id != 0 && found->capabilities_meta_id != 0) {
            locations_.remember(
                by, value, {found->user.id, found->passwords_meta_id, found->capabilities_meta_id});
        }
        return std::optional(std::move(found->user));
    }

    // The search's rows: the lowest user ID wins (user_login has no unique index), and for
    // each key the lowest umeta_id, as WordPress's get_user_meta reads. No ORDER BY in SQL:
    // sorting a join with TEXT columns costs MariaDB an on-disk temporary table per request.
    std::optional<FoundUser> first_rows(const db::Rows& rows) const {
        if (rows.empty()) return std::nullopt;
        std::size_t first = 0;
        for (std::size_t i = 1; i < rows.size(); ++i) {
            if (rows[i].i64(0) < rows[first].i64(0)) first = i;
        }
        FoundUser found;
        found.user = user_of(rows[first]);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto row = rows[i];
            // No meta, or a meta row of another user (another user of the login in the search;
            // a row given away since, at a known place).
            if (row.is_null(3) || row.i64(6) != found.user.id) continue;
            const std::int64_t umeta_id = row.i64(5);
            const std::string key = row.str(3);
            if (key == kAppPasswordsKey &&
                (!found.user.application_passwords || umeta_id < found.passwords_meta_id)) {
                found.user.application_passwords = row.str(4);
                found.passwords_meta_id = umeta_id;
            } else if (key == queries_.capabilities_key &&
                       (!found.user.capabilities || umeta_id < found.capabilities_meta_id)) {
                found.user.capabilities = row.str(4);
                found.capabilities_meta_id = umeta_id;
            }
        }
        return found;
    }

    // The rows at their known places, if each still is what it was: the user (still under the
    // login asked for) and its first row of each key, at the same umeta_ids. A lower umeta_id
    // of a key cannot appear later (AUTO_INCREMENT), so the rows found are still the first ones.
    std::optional<UserAuthRecord> still_in_place(const db::Rows& rows,
                                                 const UserRowIds& ids) const {
        auto found = first_rows(rows);
        if (!found || found->user.id != ids.user_id ||
            found->passwords_meta_id != ids.passwords_meta_id ||
            found->capabilities_meta_id != ids.capabilities_meta_id) {
            return std::nullopt;
        }
        return std::move(found->user);
    }

    static UserAuthRecord user_of(const db::Rows::Row& row) {
        UserAuthRecord user;
        user.id = row.i64(0);
        user.login = row.str(1);
        user.email = row.str(2);
        return user;
    }

    db::Session& session_;
    const UserQueries& queries_;
    UserRowLocations& locations_;
};

}  // namespace

UserQueries::UserQueries(const std::string& p) : capabilities_key(p + "capabilities") {
    const std::string select =
        std::string(db::kEstimateEqualitiesFromStatistics) +
        "SELECT u.ID, u.user_login, u.user_email, m.meta_key, m.meta_value, m.umeta_id, "
        "m.user_id FROM " +
        p + "users u LEFT JOIN " + p +
        "usermeta m ON m.user_id = u.ID AND m.meta_key IN ('_application_passwords', ?) ";
    by_login = select + "WHERE u.user_login = ?";
    by_email = select + "WHERE u.user_email = ?";
    // Both rows by primary key, the user by ID: constant lookups. The meta rows' user is
    // compared in C++: `m.user_id = u.ID` in SQL makes MariaDB range-scan the user_id index
    // instead (182 k instructions against 135 k, bench/sql-instructions).
    const std::string at =
        "SELECT u.ID, u.user_login, u.user_email, m.meta_key, m.meta_value, m.umeta_id, "
        "m.user_id FROM " +
        p + "users u JOIN " + p + "usermeta m ON m.umeta_id IN (?, ?) WHERE u.ID = ? AND ";
    at_by_login = at + "u.user_login = ?";
    at_by_email = at + "u.user_email = ?";
    lock_app_passwords = "SELECT umeta_id, meta_value FROM " + p +
                         "usermeta WHERE user_id = ? AND meta_key = '_application_passwords' "
                         "ORDER BY umeta_id LIMIT 1 FOR UPDATE";
    update_meta = "UPDATE " + p + "usermeta SET meta_value = ? WHERE umeta_id = ?";
}

std::unique_ptr<UserRepository> make_mariadb_user_repository(db::Session& session,
                                                             const UserQueries& queries,
                                                             UserRowLocations& locations) {
    return std::make_unique<MariaDbUserRepository>(session, queries, locations);
}

}  // namespace cartpress::auth
