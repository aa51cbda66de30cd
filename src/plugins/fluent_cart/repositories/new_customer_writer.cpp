#include "repositories/new_customer_writer.hpp"

#include <cartpress/core/log.hpp>
#include <cartpress/site/email_identity.hpp>
#include <cartpress/site/wordpress_user_writer.hpp>
#include <vector>

namespace cartpress::plugins::fluent_cart {
namespace {

constexpr std::int64_t kLockTimeoutSeconds = 5;  // storefront-v1.md §4

// A WordPress user with the customer's email: kept when one exists, else created (§9.3).
// False when it cannot be created (no way configured, or no free login / the insert failed);
// a lost connection or a deadlock stays an error (503 or a retry).
core::Result<bool, db::DbError> ensure_wordpress_user(db::Session& session, const NewCustomer& c,
                                                      const WordPressUserCreation* wp_user,
                                                      const std::string& now) {
    if (!wp_user) return false;
    auto existing = site::find_user_id_by_email(session, wp_user->queries, c.email);
    if (!existing) return core::fail(existing.error());
    if (*existing) return true;
    auto created = site::create_wordpress_user(
        session, wp_user->queries, {c.email, c.first_name, c.last_name}, wp_user->hash_format,
        wp_user->db_version, wp_user->random, now);
    if (created) return true;
    const auto kind = created.error().kind;
    if (kind == db::DbError::Kind::kRetry || kind == db::DbError::Kind::kConnectionLost) {
        return core::fail(created.error());
    }
    core::log_warn("creating a WordPress user failed: " + created.error().message);
    return false;
}

}  // namespace

NewCustomerQueries::NewCustomerQueries(const std::string& p) {
    const std::string customers = p + "fct_customers";
    get_lock = "SELECT GET_LOCK(?, ?)";
    release_lock = "SELECT RELEASE_LOCK(?)";
    // Insert and exist re-check in one statement: under the email lock a READ COMMITTED read
    // sees every customer an earlier holder committed.
    insert_customer =
        "INSERT INTO " + customers +
        " (user_id, contact_id, email, first_name, last_name, status, purchase_value, "
        "purchase_count, ltv, first_purchase_date, last_purchase_date, aov, notes, uuid, country, "
        "city, state, postcode, created_at, updated_at) SELECT COALESCE((SELECT u.ID FROM " +
        p +
        "users u WHERE u.user_email = ? ORDER BY u.ID LIMIT 1), 0), 0, ?, ?, ?, ?, '[]', 0, 0, "
        "NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM " +
        customers + " x WHERE x.email = ? AND x.id <> ?) RETURNING id, user_id";
}

EmailLock::EmailLock(db::Session& session, const NewCustomerQueries& queries,
                     std::string_view email)
    : session_(session), queries_(queries), name_(site::email_lock_name(site::email_key(email))) {}

EmailLock::~EmailLock() {
    if (!held_ || session_.broken()) return;  // the server dropped it with the connection
    auto r = session_.query(queries_.release_lock, {std::string_view(name_)});
    if (!r) core::log_warn("RELEASE_LOCK failed: " + r.error().message);
}

core::Result<EmailLock::Status, db::DbError> EmailLock::acquire() {
    auto granted =
        session_.query(queries_.get_lock, {std::string_view(name_), kLockTimeoutSeconds});
    if (!granted) return core::fail(granted.error());
    if (granted->empty() || (*granted)[0].is_null(0)) {
        return core::fail(db::DbError{db::DbError::Kind::kInternal, 0, "GET_LOCK returned NULL"});
    }
    if ((*granted)[0].i64(0) != 1) return Status::kBusy;
    held_ = true;
    return Status::kHeld;
}

core::Result<InsertedCustomer, db::DbError> insert_new_customer(
    db::Session& session, const NewCustomerQueries& queries, const NewCustomer& c,
    const WordPressUserCreation* wp_user, const std::string& now) {
    // §9.3 before the customer row, so that the insert's own lookup links the new user.
    if (c.wp_user) {
        auto created = ensure_wordpress_user(session, c, wp_user, now);
        if (!created) return core::fail(created.error());
        if (!*created) return InsertedCustomer{InsertOutcome::kUserFailed, 0, 0};
    }
    const std::vector<db::Param> insert = {
        std::string_view(c.email),      std::string_view(c.email),
        std::string_view(c.first_name), std::string_view(c.last_name),
        std::string_view(c.status),     std::string_view(c.aov),
        std::string_view(c.notes),      std::string_view(c.uuid),
        std::string_view(c.country),    std::string_view(c.city),
        std::string_view(c.state),      std::string_view(c.postcode),
        std::string_view(now),          std::string_view(now),
        std::string_view(c.email),      c.exist_exclude_id};
    auto inserted = session.query(queries.insert_customer, insert);
    if (!inserted) return core::fail(inserted.error());
    if (inserted->empty()) return InsertedCustomer{InsertOutcome::kEmailExists, 0, 0};
    return InsertedCustomer{InsertOutcome::kInserted, (*inserted)[0].i64(0), (*inserted)[0].i64(1)};
}

}  // namespace cartpress::plugins::fluent_cart
