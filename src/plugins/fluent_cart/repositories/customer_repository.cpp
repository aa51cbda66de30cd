#include "repositories/customer_repository.hpp"

#include <cartpress/db/transaction.hpp>

#include "repositories/customer_change_repository.hpp"
#include "repositories/sql_columns.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

// Stored with single backslashes; bound as a parameter so no sql_mode changes its escaping.
constexpr std::string_view kCustomerModel = "FluentCart\\App\\Models\\Customer";

class MariaDbCustomerRepository final : public CustomerRepository {
public:
    MariaDbCustomerRepository(db::Session& session, const CustomerQueries& queries,
                              const WordPressUserCreation* wp_user)
        : session_(session), q_(queries), wp_user_(wp_user) {}

    core::Result<std::optional<CustomerDetail>, db::DbError> find(std::int64_t id) override {
        auto rows = session_.query(q_.find, {id});
        if (!rows) return core::fail(rows.error());
        if (rows->empty()) return std::optional<CustomerDetail>();
        CustomerDetail detail;
        const auto row = (*rows)[0];
        detail.customer = read_customer_record(row, 0);
        auto labels = session_.query(q_.labels, {kCustomerModel, id});
        if (!labels) return core::fail(labels.error());
        for (std::size_t i = 0; i < labels->size(); ++i) {
            detail.labels.push_back(read_record((*labels)[i], 0, kLabelRelationshipColumns.size()));
        }
        return std::optional<CustomerDetail>(std::move(detail));
    }

    core::Result<CustomerFormLookup, db::DbError> lookup_form(std::optional<std::string_view> email,
                                                              std::int64_t exclude_id) override {
        const db::Param email_param = email ? db::Param(*email) : db::Param(nullptr);
        auto rows = session_.query(q_.lookup_form, {email_param, exclude_id});
        if (!rows) return core::fail(rows.error());
        CustomerFormLookup out;
        if (rows->empty()) return out;
        if (auto fields = (*rows)[0].get(0)) out.checkout_fields = std::string(*fields);
        out.email_exists = (*rows)[0].i64(1) != 0;
        return out;
    }

    core::Result<CreatedCustomer, db::DbError> create(const NewCustomer& customer,
                                                      std::int64_t now_unix) override {
        EmailLock lock(session_, q_.new_customer, customer.email);
        auto granted = lock.acquire();
        if (!granted) return core::fail(granted.error());
        if (*granted == EmailLock::Status::kBusy) return CreatedCustomer{CreateOutcome::kBusy};

        db::Transaction tx(session_, db::Isolation::kReadCommitted);
        if (!tx.started()) return core::fail(tx.started().error());
        auto inserted = insert_new_customer(session_, q_.new_customer, customer, wp_user_,
                                            mysql_datetime(now_unix));
        if (!inserted) return core::fail(inserted.error());
        switch (inserted->outcome) {
            case InsertOutcome::kInserted:
                break;
            case InsertOutcome::kEmailExists:
                return CreatedCustomer{CreateOutcome::kEmailExists};
            case InsertOutcome::kUserFailed:
                return CreatedCustomer{CreateOutcome::kUserFailed};
        }
        if (auto committed = tx.commit(); !committed) return core::fail(committed.error());
        return CreatedCustomer{CreateOutcome::kCreated, inserted->id, inserted->user_id};
    }

    core::Result<UpdateOutcome, db::DbError> update(std::int64_t id, const CustomerUpdate& u,
                                                    std::int64_t now_unix) override {
        // The same lock as a create with this email: an update can never make two customers
        // share an address that a concurrent create is inserting.
        EmailLock lock(session_, q_.new_customer, u.email);
        auto granted = lock.acquire();
        if (!granted) return core::fail(granted.error());
        if (*granted == EmailLock::Status::kBusy) return UpdateOutcome::kBusy;

        db::Transaction tx(session_, db::Isolation::kReadCommitted);
        if (!tx.started()) return core::fail(tx.started().error());
        auto locked = session_.query(q_.lock_customer, {id});
        if (!locked) return core::fail(locked.error());
        if (locked->empty()) return UpdateOutcome::kNotFound;
        const std::int64_t linked_user = (*locked)[0].i64(1);
        const std::string stored_email = (*locked)[0].str(2);
        // With a WordPress user linked, FluentCart keeps the stored email (spec §8.4).
        const std::string& email = linked_user > 0 ? stored_email : u.email;
        auto taken = session_.query(q_.email_taken, {std::string_view(email), id});
        if (!taken) return core::fail(taken.error());
        if (!taken->empty()) return UpdateOutcome::kEmailExists;

        const std::string now = mysql_datetime(now_unix);
        const db::Param user_id = u.user_id ? db::Param(*u.user_id) : db::Param(nullptr);
        auto written = session_.execute(
            q_.update, {std::string_view(email), std::string_view(u.first_name),
                        std::string_view(u.last_name), std::string_view(u.status),
                        std::string_view(u.aov.empty() ? std::string_view("0.00") : u.aov),
                        std::string_view(u.notes), std::string_view(u.country),
                        std::string_view(u.city), std::string_view(u.state),
                        std::string_view(u.postcode), user_id, user_id, std::string_view(now), id});
        if (!written) return core::fail(written.error());
        if (linked_user > 0) {
            if (auto r = update_linked_user(linked_user, u); !r) return core::fail(r.error());
        }
        if (auto committed = tx.commit(); !committed) return core::fail(committed.error());
        return UpdateOutcome::kUpdated;
    }

private:
    // The linked user's names follow the customer's (spec §8.4): display_name "first last",
    // and the first_name, last_name and nickname meta rows it has.
    core::Result<void, db::DbError> update_linked_user(std::int64_t user_id,
                                                       const CustomerUpdate& u) {
        const std::string display = u.first_name + " " + u.last_name;
        auto user = session_.execute(q_.update_user, {std::string_view(display), user_id});
        if (!user) return core::fail(user.error());
        auto meta = session_.execute(q_.update_user_meta,
                                     {std::string_view(u.first_name), std::string_view(u.last_name),
                                      std::string_view(display), user_id});
        if (!meta) return core::fail(meta.error());
        return {};
    }

    db::Session& session_;
    const CustomerQueries& q_;
    const WordPressUserCreation* wp_user_;
};

}  // namespace

CustomerQueries::CustomerQueries(const std::string& p) : new_customer(p) {
    const std::string customers = p + "fct_customers";
    find = "SELECT " + select_columns(kCustomerColumns, "c") + ", " + customer_photo_sql(p, "c") +
           " FROM " + customers + " c WHERE c.id = ?";
    labels = "SELECT " + select_columns(kLabelRelationshipColumns, "l") + " FROM " + p +
             "fct_label_relationships l WHERE l.labelable_type = ? AND l.labelable_id = ? "
             "ORDER BY l.id";
    lookup_form = "SELECT (SELECT m.meta_value FROM " + p +
                  "fct_meta m WHERE m.object_type = 'option' AND m.meta_key = "
                  "'_fc_checkout_fields' ORDER BY m.id LIMIT 1), EXISTS(SELECT 1 FROM " +
                  customers + " c WHERE c.email = ? AND c.id <> ?)";
    lock_customer = "SELECT id, user_id, email FROM " + customers + " WHERE id = ? FOR UPDATE";
    email_taken = "SELECT id FROM " + customers + " WHERE email = ? AND id <> ? LIMIT 1";
    update = "UPDATE " + customers +
             " SET email = ?, first_name = ?, last_name = ?, status = ?, aov = ?, notes = ?, "
             "country = ?, city = ?, state = ?, postcode = ?, user_id = IF(? IS NULL, user_id, "
             "?), updated_at = ? WHERE id = ?";
    update_user = "UPDATE " + p + "users SET display_name = ? WHERE ID = ?";
    update_user_meta = "UPDATE " + p +
                       "usermeta SET meta_value = CASE meta_key WHEN 'first_name' THEN ? WHEN "
                       "'last_name' THEN ? ELSE ? END WHERE user_id = ? AND meta_key IN "
                       "('first_name', 'last_name', 'nickname')";
}

std::unique_ptr<CustomerRepository> make_mariadb_customer_repository(
    db::Session& session, const CustomerQueries& queries, const WordPressUserCreation* wp_user) {
    return std::make_unique<MariaDbCustomerRepository>(session, queries, wp_user);
}

}  // namespace cartpress::plugins::fluent_cart
