#include "storefront/repositories/customer_repository.hpp"

namespace cartpress::plugins::storefront {

CustomerQueries::CustomerQueries(const std::string& p) {
    const std::string customers = p + "fct_customers";
    const std::string meta = p + "fct_customer_meta";
    const std::string select =
        "SELECT c.id, c.user_id, c.email, c.first_name, c.last_name, c.status, c.notes, "
        "c.country, c.state, c.city, c.postcode, c.uuid, c.purchase_count, c.ltv, "
        "c.first_purchase_date, c.last_purchase_date, c.created_at, c.updated_at, "
        "u.ID IS NOT NULL, u.user_pass, u.user_status FROM " +
        customers + " c LEFT JOIN " + p +
        "users u ON u.ID = c.user_id AND c.user_id > 0 WHERE c.id = ?";
    select_by_id = select;
    list_select = select.substr(0, select.size() - std::string(" WHERE c.id = ?").size());
    list_count = "SELECT COUNT(*) FROM " + customers + " c";
    fields_of = "SELECT customer_id, SUBSTRING(meta_key, 14), meta_value FROM " + meta +
                " WHERE LEFT(meta_key, 13) = 'cartpress_cf_' AND customer_id IN (";
    select_by_id_for_update = select + " FOR UPDATE";
    id_by_email_ci = "SELECT id FROM " + customers + " WHERE email = ? ORDER BY id LIMIT 1";
    id_by_email_cs =
        "SELECT id FROM " + customers + " WHERE LOWER(TRIM(email)) = ? ORDER BY id LIMIT 1";
    custom_fields = "SELECT SUBSTRING(meta_key, 14), meta_value FROM " + meta +
                    " WHERE customer_id = ? AND LEFT(meta_key, 13) = 'cartpress_cf_' ORDER BY id";
    insert = "INSERT INTO " + customers +
             " (user_id, contact_id, email, first_name, last_name, status, purchase_value, "
             "purchase_count, ltv, first_purchase_date, last_purchase_date, aov, notes, uuid, "
             "country, city, state, postcode, created_at, updated_at) VALUES (?, 0, ?, ?, ?, ?, "
             "NULL, 0, 0, NULL, NULL, 0, ?, ?, ?, ?, ?, ?, ?, ?)";
    update = "UPDATE " + customers +
             " SET user_id = ?, email = ?, first_name = ?, last_name = ?, status = ?, notes = ?, "
             "country = ?, city = ?, state = ?, postcode = ?, updated_at = ? WHERE id = ?";
    delete_field = "DELETE FROM " + meta + " WHERE customer_id = ? AND meta_key = ?";
    insert_field = "INSERT INTO " + meta +
                   " (customer_id, meta_key, meta_value, created_at, updated_at) VALUES (?, ?, ?, "
                   "?, ?)";
    set_user_pass = "UPDATE " + p + "users SET user_pass = ? WHERE ID = ?";
    set_user_email = "UPDATE " + p + "users SET user_email = ? WHERE ID = ?";
    identity = "SELECT id, user_id, email FROM " + customers + " WHERE id = ?";
    user_exists = "SELECT EXISTS(SELECT 1 FROM " + p + "users WHERE ID = ?)";
    users_can_register = "SELECT option_value FROM " + p +
                         "options WHERE option_name = 'users_can_register' ORDER BY option_id "
                         "LIMIT 1";
    order_count = "SELECT COUNT(*) FROM " + p + "fct_orders WHERE customer_id = ?";
    delete_customer = "DELETE FROM " + customers + " WHERE id = ?";
    delete_addresses = "DELETE FROM " + p + "fct_customer_addresses WHERE customer_id = ?";
    delete_meta = "DELETE FROM " + meta + " WHERE customer_id = ?";
    // Stored with single backslashes; the model name is bound, so no sql_mode changes it.
    delete_labels = "DELETE FROM " + p +
                    "fct_label_relationships WHERE labelable_type = ? AND labelable_id = ?";
    delete_tokens = "DELETE FROM " + p + "cartpress_customer_tokens WHERE customer_id = ?";
    delete_subscriptions =
        "DELETE FROM " + p + "cartpress_customer_subscriptions WHERE customer_id = ?";
    clear_carts = "UPDATE " + p + "fct_carts SET customer_id = NULL WHERE customer_id = ?";
    anonymise = "UPDATE " + customers +
                " SET user_id = NULL, email = ?, first_name = '', last_name = '', notes = '', "
                "country = '', city = '', state = '', postcode = '', status = 'inactive', "
                "updated_at = ? WHERE id = ?";
    user_ownership = "SELECT (SELECT meta_value FROM " + p +
                     "usermeta WHERE user_id = ? AND meta_key = 'cartpress_created' ORDER BY "
                     "umeta_id LIMIT 1), (SELECT meta_value FROM " +
                     p +
                     "usermeta WHERE user_id = ? AND meta_key = ? ORDER BY umeta_id LIMIT 1), "
                     "(SELECT option_value FROM " +
                     p + "options WHERE option_name = 'default_role' ORDER BY option_id LIMIT 1)";
    capabilities_key = p + "capabilities";
    delete_user = "DELETE FROM " + p + "users WHERE ID = ?";
    delete_usermeta = "DELETE FROM " + p + "usermeta WHERE user_id = ?";
}

namespace {

// A row of the select columns (find(), page()).
CustomerRecord read_customer(const db::Rows::Row& r) {
    CustomerRecord c;
    c.id = r.i64(0);
    if (const auto user = r.opt_i64(1); user && *user > 0) c.user_id = user;
    c.email = r.str(2);
    c.first_name = r.str(3);
    c.last_name = r.str(4);
    c.status = r.str(5);
    c.notes = r.str(6);
    c.country = r.str(7);
    c.state = r.str(8);
    c.city = r.str(9);
    c.postcode = r.str(10);
    c.uuid = r.str(11);
    c.purchase_count = r.i64(12);
    c.ltv = r.i64(13);
    const auto opt = [&](std::size_t i) {
        return r.is_null(i) ? std::optional<std::string>() : std::optional<std::string>(r.str(i));
    };
    c.first_purchase_date = opt(14);
    c.last_purchase_date = opt(15);
    c.created_at = opt(16);
    c.updated_at = opt(17);
    c.user_exists = r.i64(18) != 0;
    c.user_pass = r.str(19);
    c.user_status = r.i64(20);
    return c;
}

const char* order_column(CustomerOrder order) {
    switch (order) {
        case CustomerOrder::kId:
            return "c.id";
        case CustomerOrder::kEmail:
            return "c.email";
        case CustomerOrder::kName:
            return "TRIM(CONCAT(c.first_name, ' ', c.last_name))";
        case CustomerOrder::kCreatedAt:
            return "c.created_at";
        case CustomerOrder::kUpdatedAt:
            return "c.updated_at";
    }
    return "c.id";
}

}  // namespace

core::Result<std::optional<CustomerRecord>, db::DbError> CustomerRepository::find(std::int64_t id,
                                                                                  bool for_update) {
    auto rows = session_.query(for_update ? q_.select_by_id_for_update : q_.select_by_id, {id});
    if (!rows) return core::fail(rows.error());
    if (rows->empty()) return std::optional<CustomerRecord>();
    CustomerRecord c = read_customer((*rows)[0]);

    auto fields = session_.query(q_.custom_fields, {id});
    if (!fields) return core::fail(fields.error());
    c.custom_field_rows = fields->size();
    for (std::size_t i = 0; i < fields->size(); ++i) {
        // Ascending ids: a later duplicate of a key overwrites, so the highest id wins.
        c.custom_fields[(*fields)[i].str(0)] = (*fields)[i].str(1);
    }
    return std::optional<CustomerRecord>(std::move(c));
}

core::Result<std::optional<std::int64_t>, db::DbError> CustomerRepository::id_by_email_key(
    std::string_view email_key, bool email_column_ci) {
    auto rows =
        session_.query(email_column_ci ? q_.id_by_email_ci : q_.id_by_email_cs, {email_key});
    if (!rows) return core::fail(rows.error());
    if (rows->empty()) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>((*rows)[0].i64(0));
}

core::Result<std::optional<CustomerIdentity>, db::DbError> CustomerRepository::identity(
    std::int64_t id) {
    auto rows = session_.query(q_.identity, {id});
    if (!rows) return core::fail(rows.error());
    if (rows->empty()) return std::optional<CustomerIdentity>();
    const auto r = (*rows)[0];
    CustomerIdentity c;
    c.id = r.i64(0);
    if (const auto user = r.opt_i64(1); user && *user > 0) c.user_id = user;
    c.email = r.str(2);
    return std::optional<CustomerIdentity>(std::move(c));
}

core::Result<std::int64_t, db::DbError> CustomerRepository::insert(const CustomerWrite& w,
                                                                   std::string_view now) {
    const db::Param user = w.user_id ? db::Param(*w.user_id) : db::Param(nullptr);
    auto done = session_.execute(
        q_.insert,
        {user, std::string_view(w.email), std::string_view(w.first_name),
         std::string_view(w.last_name), std::string_view(w.status), std::string_view(w.notes),
         std::string_view(w.uuid), std::string_view(w.country), std::string_view(w.city),
         std::string_view(w.state), std::string_view(w.postcode), now, now});
    if (!done) return core::fail(done.error());
    auto id = session_.last_insert_id();
    if (!id) return core::fail(id.error());
    return static_cast<std::int64_t>(*id);
}

core::Result<void, db::DbError> CustomerRepository::update(std::int64_t id, const CustomerWrite& w,
                                                           std::string_view now) {
    const db::Param user = w.user_id ? db::Param(*w.user_id) : db::Param(nullptr);
    auto done = session_.execute(
        q_.update,
        {user, std::string_view(w.email), std::string_view(w.first_name),
         std::string_view(w.last_name), std::string_view(w.status), std::string_view(w.notes),
         std::string_view(w.country), std::string_view(w.city), std::string_view(w.state),
         std::string_view(w.postcode), now, id});
    if (!done) return core::fail(done.error());
    return {};
}

core::Result<void, db::DbError> CustomerRepository::write_custom_fields(
    std::int64_t customer_id, const std::vector<CustomFieldChange>& changes, std::string_view now) {
    for (const auto& c : changes) {
        // Every row of the key goes (duplicates included), then the new value is the only one.
        auto removed =
            session_.execute(q_.delete_field, {customer_id, std::string_view(c.meta_key)});
        if (!removed) return core::fail(removed.error());
        if (!c.json_value) continue;
        auto added = session_.execute(q_.insert_field, {customer_id, std::string_view(c.meta_key),
                                                        std::string_view(*c.json_value), now, now});
        if (!added) return core::fail(added.error());
    }
    return {};
}

core::Result<void, db::DbError> CustomerRepository::set_user_pass(std::int64_t user_id,
                                                                  std::string_view hash) {
    auto done = session_.execute(q_.set_user_pass, {hash, user_id});
    if (!done) return core::fail(done.error());
    return {};
}

core::Result<void, db::DbError> CustomerRepository::set_user_email(std::int64_t user_id,
                                                                   std::string_view email) {
    auto done = session_.execute(q_.set_user_email, {email, user_id});
    if (!done) return core::fail(done.error());
    return {};
}

core::Result<bool, db::DbError> CustomerRepository::user_exists(std::int64_t user_id) {
    auto rows = session_.query(q_.user_exists, {user_id});
    if (!rows) return core::fail(rows.error());
    return !rows->empty() && (*rows)[0].i64(0) != 0;
}

core::Result<bool, db::DbError> CustomerRepository::users_can_register() {
    auto rows = session_.query(q_.users_can_register);
    if (!rows) return core::fail(rows.error());
    return !rows->empty() && (*rows)[0].str(0) == "1";
}

namespace {

constexpr std::string_view kCustomerModel = "FluentCart\\App\\Models\\Customer";

}  // namespace

core::Result<CustomerPage, db::DbError> CustomerRepository::page(
    std::string_view where, std::span<const db::Param> params, CustomerOrder order, bool descending,
    std::int64_t limit, std::int64_t offset) {
    const std::string condition = where.empty() ? "" : " WHERE " + std::string(where);
    auto count = session_.query(q_.list_count + condition, params);
    if (!count) return core::fail(count.error());
    CustomerPage out;
    out.total = count->empty() ? 0 : (*count)[0].i64(0);
    const std::string direction = descending ? " DESC" : " ASC";
    std::vector<db::Param> page_params(params.begin(), params.end());
    page_params.emplace_back(limit);
    page_params.emplace_back(offset);
    auto rows = session_.query(q_.list_select + condition + " ORDER BY " + order_column(order) +
                                   direction + ", c.id" + direction + " LIMIT ? OFFSET ?",
                               page_params);
    if (!rows) return core::fail(rows.error());
    if (rows->empty()) return out;
    std::vector<db::Param> ids;
    std::string marks;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        out.customers.push_back(read_customer((*rows)[i]));
        ids.emplace_back(out.customers.back().id);
        marks += i ? ", ?" : "?";
    }
    auto fields = session_.query(q_.fields_of + marks + ") ORDER BY id", ids);
    if (!fields) return core::fail(fields.error());
    for (std::size_t i = 0; i < fields->size(); ++i) {
        const auto f = (*fields)[i];
        for (auto& c : out.customers) {
            if (c.id != f.i64(0)) continue;
            c.custom_fields[f.str(1)] = f.str(2);
            ++c.custom_field_rows;
        }
    }
    return out;
}

core::Result<std::int64_t, db::DbError> CustomerRepository::order_count(std::int64_t customer_id) {
    auto rows = session_.query(q_.order_count, {customer_id});
    if (!rows) return core::fail(rows.error());
    return rows->empty() ? 0 : (*rows)[0].i64(0);
}

core::Result<void, db::DbError> CustomerRepository::delete_customer(std::int64_t customer_id) {
    for (const std::string* sql :
         {&q_.delete_addresses, &q_.delete_meta, &q_.delete_tokens, &q_.delete_subscriptions,
          &q_.clear_carts, &q_.delete_customer}) {
        if (auto done = session_.execute(*sql, {customer_id}); !done) {
            return core::fail(done.error());
        }
    }
    auto labels = session_.execute(q_.delete_labels, {kCustomerModel, customer_id});
    if (!labels) return core::fail(labels.error());
    return {};
}

core::Result<void, db::DbError> CustomerRepository::anonymise(std::int64_t customer_id,
                                                              std::string_view anonymous_email,
                                                              std::string_view now) {
    auto done = session_.execute(q_.anonymise, {anonymous_email, now, customer_id});
    if (!done) return core::fail(done.error());
    for (const std::string* sql :
         {&q_.delete_addresses, &q_.delete_meta, &q_.delete_tokens, &q_.delete_subscriptions}) {
        if (auto r = session_.execute(*sql, {customer_id}); !r) return core::fail(r.error());
    }
    return {};
}

core::Result<LinkedUserFacts, db::DbError> CustomerRepository::linked_user_facts(
    std::int64_t user_id) {
    auto rows = session_.query(q_.user_ownership,
                               {user_id, user_id, std::string_view(q_.capabilities_key)});
    if (!rows) return core::fail(rows.error());
    LinkedUserFacts f;
    if (rows->empty()) return f;
    const auto r = (*rows)[0];
    f.cartpress_created = r.str(0) == "1";
    f.capabilities = r.str(1);
    f.default_role = r.str(2);
    return f;
}

core::Result<void, db::DbError> CustomerRepository::delete_user(std::int64_t user_id) {
    if (auto meta = session_.execute(q_.delete_usermeta, {user_id}); !meta) {
        return core::fail(meta.error());
    }
    auto user = session_.execute(q_.delete_user, {user_id});
    if (!user) return core::fail(user.error());
    return {};
}

}  // namespace cartpress::plugins::storefront
