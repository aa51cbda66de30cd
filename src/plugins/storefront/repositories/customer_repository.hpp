#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cartpress::plugins::storefront {

// A {p}fct_customers row as storefront reads it, with its linked user's login state and its
// custom fields (spec §5.1, §10.1). `user_pass` is for password checks only and is never
// serialized.
struct CustomerRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> user_id;  // NULL or 0 in the row: none
    std::string email;
    std::string first_name;
    std::string last_name;
    std::string status;
    std::string notes;
    std::string country;
    std::string state;
    std::string city;
    std::string postcode;
    std::string uuid;
    std::int64_t purchase_count = 0;
    std::int64_t ltv = 0;
    std::optional<std::string> first_purchase_date;
    std::optional<std::string> last_purchase_date;
    std::optional<std::string> created_at;
    std::optional<std::string> updated_at;
    bool user_exists = false;  // the linked {p}users row exists
    std::string user_pass;
    std::int64_t user_status = 0;
    // name → JSON text; for duplicate rows of one key the highest meta id wins.
    std::map<std::string, std::string> custom_fields;
    // Every meta row id of a custom field (a write removes a key's duplicates).
    std::size_t custom_field_rows = 0;

    // An account: linked to an existing user with a non-empty password (spec §5.1 `password`).
    bool has_password() const { return user_exists && !user_pass.empty(); }
};

// The facts about a customer that other rows copy (a cart's owner, a subscription's email).
struct CustomerIdentity {
    std::int64_t id = 0;
    std::optional<std::int64_t> user_id;  // NULL or 0 in the row: none
    std::string email;
};

// What a customer write sets: the whole editable row (the caller merges a partial update into
// the stored values first, so one statement text serves every update).
struct CustomerWrite {
    std::optional<std::int64_t> user_id;
    std::string email;
    std::string first_name;
    std::string last_name;
    std::string status;
    std::string notes;
    std::string country;
    std::string state;
    std::string city;
    std::string postcode;
    std::string uuid;  // inserts only
};

// A custom field change: value nullopt deletes the key.
struct CustomFieldChange {
    std::string meta_key;
    std::optional<std::string> json_value;
};

// One page of GET customers (spec §8, §11).
struct CustomerPage {
    std::int64_t total = 0;
    std::vector<CustomerRecord> customers;
};

// How a customer list is sorted: a column of the list's own (never request text).
enum class CustomerOrder { kId, kEmail, kName, kCreatedAt, kUpdatedAt };

struct CustomerQueries {
    explicit CustomerQueries(const std::string& table_prefix);
    std::string select_by_id;
    std::string select_by_id_for_update;
    std::string id_by_email_ci;
    std::string id_by_email_cs;
    std::string custom_fields;
    std::string insert;
    std::string update;
    std::string delete_field;
    std::string insert_field;
    std::string set_user_pass;
    std::string set_user_email;
    std::string identity;
    std::string user_exists;
    std::string users_can_register;
    std::string order_count;
    std::string delete_customer;
    std::string delete_addresses;
    std::string delete_meta;
    std::string delete_labels;
    std::string delete_tokens;
    std::string delete_subscriptions;
    std::string clear_carts;
    std::string anonymise;
    std::string user_ownership;
    std::string delete_user;
    std::string delete_usermeta;
    std::string capabilities_key;  // <p>capabilities
    std::string list_select;       // the find() columns, without WHERE
    std::string list_count;
    std::string fields_of;  // custom fields of several customers: "… IN (" + ?s + ")"
};

// What decides whether deleting a customer deletes its WordPress user (spec §8): only an
// account Cartpress created whose one role is the store's default role.
struct LinkedUserFacts {
    bool cartpress_created = false;
    std::string capabilities;  // the `<p>capabilities` value
    std::string default_role;  // option default_role ('' when unset)
};

class CustomerRepository {
public:
    CustomerRepository(db::Session& session, const CustomerQueries& queries)
        : session_(session), q_(queries) {}

    // With `for_update` the customer row (and its user row) is locked: call inside a transaction.
    core::Result<std::optional<CustomerRecord>, db::DbError> find(std::int64_t id,
                                                                  bool for_update = false);
    // The lowest customer id whose email has this key (spec §4).
    core::Result<std::optional<std::int64_t>, db::DbError> id_by_email_key(
        std::string_view email_key, bool email_column_ci);
    // One statement, no custom fields: when only the id, user and email are needed (and
    // nothing when the customer does not exist).
    core::Result<std::optional<CustomerIdentity>, db::DbError> identity(std::int64_t id);

    core::Result<std::int64_t, db::DbError> insert(const CustomerWrite& row, std::string_view now);
    core::Result<void, db::DbError> update(std::int64_t id, const CustomerWrite& row,
                                           std::string_view now);
    core::Result<void, db::DbError> write_custom_fields(std::int64_t customer_id,
                                                        const std::vector<CustomFieldChange>& c,
                                                        std::string_view now);
    core::Result<void, db::DbError> set_user_pass(std::int64_t user_id, std::string_view hash);
    core::Result<void, db::DbError> set_user_email(std::int64_t user_id, std::string_view email);
    core::Result<bool, db::DbError> user_exists(std::int64_t user_id);
    // A page of customers matching `where` (an SQL condition over alias `c` with `?`
    // placeholders, e.g. from customer_filter_sql; empty: all), with their custom fields: three
    // statements whatever the page size.
    core::Result<CustomerPage, db::DbError> page(std::string_view where,
                                                 std::span<const db::Param> params,
                                                 CustomerOrder order, bool descending,
                                                 std::int64_t limit, std::int64_t offset);

    core::Result<std::int64_t, db::DbError> order_count(std::int64_t customer_id);
    // Without orders: the customer row and everything of it (addresses, meta, label links,
    // tokens, email subscriptions); carts keep their rows with customer_id cleared.
    core::Result<void, db::DbError> delete_customer(std::int64_t customer_id);
    // With orders: names, notes and location blanked, the email replaced, status inactive, the
    // user unlinked; addresses, meta, tokens and email subscriptions deleted.
    core::Result<void, db::DbError> anonymise(std::int64_t customer_id,
                                              std::string_view anonymous_email,
                                              std::string_view now);
    core::Result<LinkedUserFacts, db::DbError> linked_user_facts(std::int64_t user_id);
    // The users row and its usermeta.
    core::Result<void, db::DbError> delete_user(std::int64_t user_id);

    // WordPress's users_can_register option is "1".
    core::Result<bool, db::DbError> users_can_register();

private:
    db::Session& session_;
    const CustomerQueries& q_;
};

}  // namespace cartpress::plugins::storefront
