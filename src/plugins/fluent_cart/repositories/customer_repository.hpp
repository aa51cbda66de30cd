#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/order_graph.hpp"
#include "repositories/new_customer_writer.hpp"

namespace cartpress::plugins::fluent_cart {

// GET customers/{id} (spec §8.3): the row with its photo and its label relationships.
struct CustomerDetail {
    CustomerRecord customer;
    std::vector<Record> labels;  // {p}fct_label_relationships of the customer, by id
};

// What validating a customer form needs (spec §7.1), read in one statement.
struct CustomerFormLookup {
    std::optional<std::string> checkout_fields;  // {p}fct_meta `_fc_checkout_fields`
    bool email_exists = false;                   // another customer has the email
};

// PUT customers/{id} (spec §8.4): every field is written ('' when the request lacks it).
struct CustomerUpdate {
    std::string email;
    std::string first_name;
    std::string last_name;
    std::string status;
    std::string aov;  // '' is written as 0.00
    std::string notes;
    std::string country;
    std::string city;
    std::string state;
    std::string postcode;
    std::optional<std::int64_t> user_id;  // only when the request sends one (§10 #11)
};

enum class CreateOutcome { kCreated, kEmailExists, kBusy, kUserFailed };

struct CreatedCustomer {
    CreateOutcome outcome = CreateOutcome::kCreated;
    std::int64_t id = 0;
    std::int64_t user_id = 0;  // the linked WordPress user, 0 for none
};

enum class UpdateOutcome { kUpdated, kNotFound, kEmailExists, kBusy };

class CustomerRepository {
public:
    virtual ~CustomerRepository() = default;

    virtual core::Result<std::optional<CustomerDetail>, db::DbError> find(std::int64_t id) = 0;

    // `email`: the exist rule's value (nothing when the rule does not run); `exclude_id` is
    // the customer the rule skips.
    virtual core::Result<CustomerFormLookup, db::DbError> lookup_form(
        std::optional<std::string_view> email, std::int64_t exclude_id) = 0;

    // Spec §8.2/§9.2: under the email's named lock, in one transaction (with the WordPress
    // user of §9.3 when asked), the exist rule checked again.
    virtual core::Result<CreatedCustomer, db::DbError> create(const NewCustomer& customer,
                                                              std::int64_t now_unix) = 0;

    // Spec §8.4 in one transaction under the new email's named lock: the row (its email kept
    // when a WordPress user is linked) and the linked user's names.
    virtual core::Result<UpdateOutcome, db::DbError> update(std::int64_t id,
                                                            const CustomerUpdate& update,
                                                            std::int64_t now_unix) = 0;
};

// SQL for one table prefix, built once at startup.
struct CustomerQueries {
    explicit CustomerQueries(const std::string& table_prefix);
    std::string find;
    std::string labels;
    std::string lookup_form;
    NewCustomerQueries new_customer;
    std::string lock_customer;
    std::string email_taken;
    std::string update;
    std::string update_user;
    std::string update_user_meta;
};

std::unique_ptr<CustomerRepository> make_mariadb_customer_repository(
    db::Session& session, const CustomerQueries& queries,
    const WordPressUserCreation* wp_user = nullptr);

}  // namespace cartpress::plugins::fluent_cart
