#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/columns.hpp"
#include "domain/order_graph.hpp"
#include "domain/order_search.hpp"
#include "domain/page_request.hpp"

namespace cartpress::plugins::fluent_cart {

// The relations GET orders may load with `with[]` (spec §4, §10 #5); nothing else is accepted.
enum class OrderRelation {
    kCustomer,
    kCustomerPrimaryBillingAddress,
    kCustomerPrimaryShippingAddress,
    kOrderItems,
    kTransactions,
    kOrderAddresses,
    kBillingAddress,
    kShippingAddress,
    kLabels,
    kSubscriptions,
};

// The `with[]` spelling of a relation, and the relation of a spelling (nothing when unknown).
std::string_view relation_name(OrderRelation relation);
std::optional<OrderRelation> relation_named(std::string_view name);

// Customer address columns (spec §8.6) for `customer.primary_*_address`, in FluentCart's key
// order. (The customer routes describe the same object; one list should serve both.)
extern const ColumnList kListCustomerAddressColumns;

// The `active_view` tabs (spec §4); other values filter nothing.
enum class OrderView { kNone, kStatus, kPaymentStatus, kType, kUpgradedTo, kUpgradedFrom };

// GET orders' parameters, read and checked (handlers/order_list_handler.cpp). Every text here
// is bound as a statement parameter; only `sort_column` names SQL, and it comes from a list.
struct OrderListQuery {
    // filter_type absent or "simple": active_view, the *_statuses[] lists and search apply.
    // Any other value (FluentCart's "advanced" needs Pro) applies none of them.
    bool simple_filters = true;
    OrderView view = OrderView::kNone;
    std::string view_value;  // the tab name, compared with the column
    OrderSearch search;
    // FluentCart's `search !== ''`: include_ids[] then narrow the result instead of adding to
    // it (BaseFilter::applyMustLoadIds).
    bool search_given = false;
    std::vector<std::string> payment_statuses;
    std::vector<std::string> order_statuses;
    std::vector<std::string> shipping_statuses;
    std::vector<std::string> include_ids;
    std::string_view sort_column = "id";  // from the fillable list, never from the request
    bool ascending = false;
    PageRequest page;
    std::vector<OrderRelation> relations;  // with[] in request order, without repeats
    // GET customers/{id}/orders (spec §8.5): only this customer's orders, whatever else
    // matches (0: a customer that cannot exist, an empty page).
    std::optional<std::int64_t> customer_id;
};

// One page of GET orders and the relations `with[]` asked for, keyed for the serializer.
struct OrderListPage {
    std::int64_t total = 0;
    std::vector<Record> orders;  // kOrderColumns, in the requested order
    // By customer id: the orders' customers (also read with the order addresses, whose
    // `email` and embedded `order.customer` are the order's current customer's).
    std::map<std::int64_t, CustomerRecord> customers;
    std::map<std::int64_t, Record> primary_billing_addresses;   // by customer id
    std::map<std::int64_t, Record> primary_shipping_addresses;  // by customer id
    // By order id, each list ordered by id.
    std::map<std::int64_t, std::vector<Record>> items;
    std::map<std::int64_t, std::vector<Record>> transactions;
    std::map<std::int64_t, std::vector<Record>> addresses;
    std::map<std::int64_t, std::vector<Record>> labels;
    std::map<std::int64_t, std::vector<SubscriptionRecord>> subscriptions;
};

}  // namespace cartpress::plugins::fluent_cart
