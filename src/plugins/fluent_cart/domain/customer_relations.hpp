#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/order_graph.hpp"

namespace cartpress::plugins::fluent_cart {

// The relations a customer may load with `with[]` (spec §8.1, §10 #5); nothing else is
// accepted. GET customers and GET customers/{id} share the list.
enum class CustomerRelation {
    kShippingAddress,         // every shipping address, by id
    kBillingAddress,          // every billing address, by id
    kPrimaryShippingAddress,  // the primary one, or null
    kPrimaryBillingAddress,
    kLabels,         // label relationships
    kSubscriptions,  // with their meta rows
    kOrders,         // the 35 order columns
};

// The `with[]` spelling of a relation, and the relation of a spelling (nothing when unknown).
std::string_view customer_relation_name(CustomerRelation relation);
std::optional<CustomerRelation> customer_relation_named(std::string_view name);
// "shipping_address, billing_address, …" for error messages.
std::string customer_relation_list();

// The relations loaded for some customers, by customer id; each list ordered by id (§10 #20).
struct CustomerRelations {
    std::map<std::int64_t, std::vector<Record>> shipping_addresses;
    std::map<std::int64_t, std::vector<Record>> billing_addresses;
    std::map<std::int64_t, Record> primary_shipping_addresses;
    std::map<std::int64_t, Record> primary_billing_addresses;
    std::map<std::int64_t, std::vector<Record>> labels;
    // Each subscription with its parent order's currency (its `currency` key).
    std::map<std::int64_t, std::vector<std::pair<SubscriptionRecord, std::string>>> subscriptions;
    std::map<std::int64_t, std::vector<Record>> orders;
};

}  // namespace cartpress::plugins::fluent_cart
