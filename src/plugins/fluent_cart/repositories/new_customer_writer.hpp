#pragma once

#include <cartpress/config/settings.hpp>
#include <cartpress/core/random.hpp>
#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace cartpress::site {
struct WordPressUserQueries;
}

namespace cartpress::plugins::fluent_cart {

// The new customer row of spec §9.2, values as they are stored.
struct NewCustomer {
    std::string email;  // as sent
    std::string first_name;
    std::string last_name;
    std::string status;
    std::string aov;  // MariaDB converts it to DECIMAL(18,2) as WordPress's MySQL would
    std::string notes;
    std::string uuid;
    std::string country;
    std::string city;
    std::string state;
    std::string postcode;
    std::int64_t exist_exclude_id = 0;  // the `exist` rule skips this id (body.id, spec §7.1)
    bool wp_user = false;  // `wp_user: "yes"`: create a WordPress user when none has the email
};

// What creating a WordPress user needs (spec §9.3; wordpress-rest.md §11.5 for the hash).
struct WordPressUserCreation {
    const site::WordPressUserQueries& queries;
    config::HashFormat hash_format;
    std::int64_t db_version;
    core::Random& random;
};

// SQL shared by every route that creates a customer (both plugins serialise on one lock name,
// storefront-v1.md §4).
struct NewCustomerQueries {
    explicit NewCustomerQueries(const std::string& table_prefix);
    std::string get_lock;
    std::string release_lock;
    // The §9.2 row unless a customer has the email (exist re-check), RETURNING id, user_id.
    std::string insert_customer;
};

// The named lock on a normalised email (site::email_lock_name), held from acquire() until the
// object is destroyed: after the caller's COMMIT or ROLLBACK, on every path.
class EmailLock {
public:
    enum class Status { kHeld, kBusy };  // kBusy: not granted within 5 s

    EmailLock(db::Session& session, const NewCustomerQueries& queries, std::string_view email);
    ~EmailLock();
    EmailLock(const EmailLock&) = delete;
    EmailLock& operator=(const EmailLock&) = delete;

    core::Result<Status, db::DbError> acquire();

private:
    db::Session& session_;
    const NewCustomerQueries& queries_;
    std::string name_;
    bool held_ = false;
};

enum class InsertOutcome { kInserted, kEmailExists, kUserFailed };

struct InsertedCustomer {
    InsertOutcome outcome = InsertOutcome::kInserted;
    std::int64_t id = 0;
    std::int64_t user_id = 0;  // the linked WordPress user, 0 for none
};

// Inside the caller's transaction and under its EmailLock: the WordPress user when the customer
// asks for one (§9.3; kUserFailed when it cannot be made, or `wp_user` is null), then the row of
// §9.2 (kEmailExists when another customer has the email by now). `now` is the rows' time.
core::Result<InsertedCustomer, db::DbError> insert_new_customer(
    db::Session& session, const NewCustomerQueries& queries, const NewCustomer& customer,
    const WordPressUserCreation* wp_user, const std::string& now);

}  // namespace cartpress::plugins::fluent_cart
