#include "repositories/customer_relations_repository.hpp"

#include <algorithm>
#include <stdexcept>

#include "domain/order_list.hpp"
#include "repositories/sql_columns.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

// Stored with single backslashes; the IN list's head carries it as SQL text (no parameter can
// precede the ids there), doubled for the string literal.
constexpr std::string_view kCustomerModelSql = "FluentCart\\\\App\\\\Models\\\\Customer";

bool wants(const std::vector<CustomerRelation>& wanted,
           std::initializer_list<CustomerRelation> any) {
    return std::any_of(any.begin(), any.end(), [&](CustomerRelation r) {
        return std::find(wanted.begin(), wanted.end(), r) != wanted.end();
    });
}

// Where column `name` sits in `columns` (the lists are fixed; a wrong name is a bug).
std::size_t column_at(ColumnList columns, std::string_view name) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name == name) return i;
    }
    throw std::logic_error("unknown column " + std::string(name));
}

}  // namespace

CustomerRelationQueries::CustomerRelationQueries(const std::string& p) {
    addresses = {"SELECT a.customer_id, " + select_columns(kListCustomerAddressColumns, "a") +
                     " FROM " + p + "fct_customer_addresses a WHERE a.customer_id IN (",
                 ") ORDER BY a.id"};
    labels = {"SELECT l.labelable_id, " + select_columns(kLabelRelationshipColumns, "l") +
                  " FROM " + p + "fct_label_relationships l WHERE l.labelable_type = '" +
                  std::string(kCustomerModelSql) + "' AND l.labelable_id IN (",
              ") ORDER BY l.id"};
    subscriptions = {"SELECT s.customer_id, s.id, sm.meta_key, sm.meta_value, o.currency, " +
                         select_columns(kSubscriptionColumns, "s") + " FROM " + p +
                         "fct_subscriptions s LEFT JOIN " + p +
                         "fct_subscription_meta sm ON sm.subscription_id = s.id LEFT JOIN " + p +
                         "fct_orders o ON o.id = s.parent_order_id WHERE s.customer_id IN (",
                     ") ORDER BY s.id, sm.id"};
    orders = {"SELECT o.customer_id, " + select_columns(kOrderColumns, "o") + " FROM " + p +
                  "fct_orders o WHERE o.customer_id IN (",
              ") ORDER BY o.id"};
}

core::Result<CustomerRelations, db::DbError> load_customer_relations(
    db::Session& session, const CustomerRelationQueries& queries,
    const std::vector<std::int64_t>& ids, const std::vector<CustomerRelation>& wanted) {
    using R = CustomerRelation;
    CustomerRelations out;
    if (ids.empty()) return out;

    if (wants(wanted, {R::kShippingAddress, R::kBillingAddress, R::kPrimaryShippingAddress,
                       R::kPrimaryBillingAddress})) {
        static const std::size_t type_at = 1 + column_at(kListCustomerAddressColumns, "type");
        static const std::size_t primary_at =
            1 + column_at(kListCustomerAddressColumns, "is_primary");
        auto rows = query_in(session, queries.addresses, ids);
        if (!rows) return core::fail(rows.error());
        for (std::size_t i = 0; i < rows->size(); ++i) {
            const auto row = (*rows)[i];
            const std::int64_t customer = row.i64(0);
            Record address = read_record(row, 1, kListCustomerAddressColumns.size());
            const std::string type = row.str(type_at);
            const bool primary = row.i64(primary_at) != 0;
            // FluentCart's hasOne: the first primary row of the type (lowest id).
            if (primary && type == "shipping") {
                out.primary_shipping_addresses.emplace(customer, address);
            }
            if (primary && type == "billing") {
                out.primary_billing_addresses.emplace(customer, address);
            }
            if (type == "shipping")
                out.shipping_addresses[customer].push_back(std::move(address));
            else if (type == "billing")
                out.billing_addresses[customer].push_back(std::move(address));
        }
    }
    if (wants(wanted, {R::kLabels})) {
        auto rows = query_in(session, queries.labels, ids);
        if (!rows) return core::fail(rows.error());
        for (std::size_t i = 0; i < rows->size(); ++i) {
            const auto row = (*rows)[i];
            out.labels[row.i64(0)].push_back(read_record(row, 1, kLabelRelationshipColumns.size()));
        }
    }
    if (wants(wanted, {R::kSubscriptions})) {
        auto rows = query_in(session, queries.subscriptions, ids);
        if (!rows) return core::fail(rows.error());
        for (std::size_t i = 0; i < rows->size(); ++i) {
            const auto row = (*rows)[i];
            auto& list = out.subscriptions[row.i64(0)];
            const std::string sub_id = row.str(1);
            if (list.empty() || list.back().first.subscription[0] != sub_id) {
                list.push_back(
                    {SubscriptionRecord{read_record(row, 5, kSubscriptionColumns.size()), {}},
                     row.str(4)});
            }
            if (auto key = row.get(2)) {
                auto value = row.get(3);
                list.back().first.meta.emplace_back(
                    std::string(*key),
                    value ? std::optional<std::string>(std::string(*value)) : std::nullopt);
            }
        }
    }
    if (wants(wanted, {R::kOrders})) {
        auto rows = query_in(session, queries.orders, ids);
        if (!rows) return core::fail(rows.error());
        for (std::size_t i = 0; i < rows->size(); ++i) {
            const auto row = (*rows)[i];
            out.orders[row.i64(0)].push_back(read_record(row, 1, kOrderColumns.size()));
        }
    }
    return out;
}

}  // namespace cartpress::plugins::fluent_cart
