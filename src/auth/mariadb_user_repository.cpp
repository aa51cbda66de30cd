#include <cartpress/auth/application_passwords.hpp>
#include <cartpress/auth/user_repository.hpp>
#include <cartpress/core/php_serialize.hpp>
#include <cartpress/db/statement_prefixes.hpp>
#include <cartpress/db/transaction.hpp>

namespace cartpress::auth {
namespace {

constexpr std::string_view kAppPasswordsKey = "_application_passwords";

class MariaDbUserRepository final : public UserRepository {
public:
    MariaDbUserRepository(db::Session& session, const UserQueries& queries)
        : session_(session), queries_(queries) {}

    core::Result<std::optional<UserAuthRecord>, db::DbError> find_by_login(
        std::string_view login) override {
        return find(queries_.by_login, login);
    }

    core::Result<std::optional<UserAuthRecord>, db::DbError> find_by_email(
        std::string_view email) override {
        return find(queries_.by_email, email);
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
    core::Result<std::optional<UserAuthRecord>, db::DbError> find(const std::string& sql,
                                                                  std::string_view value) {
        auto rows = session_.query(sql, {std::string_view(queries_.capabilities_key), value});
        if (!rows) return core::fail(rows.error());
        if (rows->empty()) return std::optional<UserAuthRecord>();
        // No ORDER BY in SQL: sorting a join with TEXT columns costs MariaDB an on-disk
        // temporary table per request. The lowest user ID wins (user_login has no unique
        // index), and for each key the lowest umeta_id, as WordPress's get_user_meta reads.
        std::size_t first = 0;
        for (std::size_t i = 1; i < rows->size(); ++i) {
            if ((*rows)[i].i64(0) < (*rows)[first].i64(0)) first = i;
        }
        UserAuthRecord user;
        user.id = (*rows)[first].i64(0);
        user.login = (*rows)[first].str(1);
        user.email = (*rows)[first].str(2);
        std::int64_t passwords_meta = 0;
        std::int64_t capabilities_meta = 0;
        for (std::size_t i = 0; i < rows->size(); ++i) {
            const auto row = (*rows)[i];
            if (row.i64(0) != user.id || row.is_null(3)) continue;  // another user, no meta
            const std::int64_t umeta_id = row.i64(5);
            const std::string key = row.str(3);
            if (key == kAppPasswordsKey &&
                (!user.application_passwords || umeta_id < passwords_meta)) {
                user.application_passwords = row.str(4);
                passwords_meta = umeta_id;
            } else if (key == queries_.capabilities_key &&
                       (!user.capabilities || umeta_id < capabilities_meta)) {
                user.capabilities = row.str(4);
                capabilities_meta = umeta_id;
            }
        }
        return std::optional<UserAuthRecord>(std::move(user));
    }

    db::Session& session_;
    const UserQueries& queries_;
};

}  // namespace

UserQueries::UserQueries(const std::string& p) : capabilities_key(p + "capabilities") {
    const std::string select =
        std::string(db::kEstimateEqualitiesFromStatistics) +
        "SELECT u.ID, u.user_login, u.user_email, m.meta_key, m.meta_value, m.umeta_id FROM " + p +
        "users u LEFT JOIN " + p +
        "usermeta m ON m.user_id = u.ID AND m.meta_key IN ('_application_passwords', ?) ";
    by_login = select + "WHERE u.user_login = ?";
    by_email = select + "WHERE u.user_email = ?";
    lock_app_passwords = "SELECT umeta_id, meta_value FROM " + p +
                         "usermeta WHERE user_id = ? AND meta_key = '_application_passwords' "
                         "ORDER BY umeta_id LIMIT 1 FOR UPDATE";
    update_meta = "UPDATE " + p + "usermeta SET meta_value = ? WHERE umeta_id = ?";
}

std::unique_ptr<UserRepository> make_mariadb_user_repository(db::Session& session,
                                                             const UserQueries& queries) {
    return std::make_unique<MariaDbUserRepository>(session, queries);
}

}  // namespace cartpress::auth
