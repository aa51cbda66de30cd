#pragma once

#include <cartpress/json/rapidjson.hpp>
#include <optional>
#include <string>

#include "domain/order_graph.hpp"
#include "serialization/order_serializer.hpp"

namespace cartpress::plugins::fluent_cart {

// The nested objects of spec §5.3 / §8.6 one at a time, for GET orders' `with[]` relations.
// (GET orders/{id} builds the same objects inside serialize_order_detail; they could share
// these.)

// An order item without `variants` (only `with[]=order_items` is loaded, not its variants).
json::Value order_item_json(const Record& item, const SerializeContext& ctx,
                            json::Allocator& alloc);

// A transaction with its `url`.
json::Value transaction_json(const Record& transaction, json::Allocator& alloc);

// An order address. `order_with_customer` is the embedded `order` (35 columns + `customer`);
// `customer` is the order's current customer, whose email the address shows.
json::Value order_address_json(const Record& address, const json::Value& order_with_customer,
                               const CustomerRecord* customer, const SerializeContext& ctx,
                               json::Allocator& alloc);

// A label relationship row.
json::Value label_relationship_json(const Record& label, json::Allocator& alloc);

// A subscription with its computed keys and meta rows; `currency` is its order's.
json::Value subscription_json(const SubscriptionRecord& subscription, const std::string& currency,
                              json::Allocator& alloc);

// A customer address (spec §8.6) with `formatted_address` and `company_name`.
json::Value customer_address_json(const Record& address, const SerializeContext& ctx,
                                  json::Allocator& alloc);

}  // namespace cartpress::plugins::fluent_cart
