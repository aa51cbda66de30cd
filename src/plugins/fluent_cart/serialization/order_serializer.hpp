#pragma once

#include <cartpress/json/rapidjson.hpp>
#include <cartpress/site/site_options.hpp>

#include "domain/order_graph.hpp"
#include "serialization/countries.hpp"
#include "serialization/money.hpp"

namespace cartpress::plugins::fluent_cart {

// What the serializers need besides the rows: names, the store's money format, site URLs.
struct SerializeContext {
    const Countries& countries;
    StoreCurrency currency;
    const site::SiteOptions& options;
};

// GET orders/{id}: {"order":{…},"discount_meta":…,…} exactly as FluentCart 1.3.25 (spec §5).
json::Document serialize_order_detail(const OrderGraph& graph, const SerializeContext& ctx);

// The 35 order columns (spec §5.2), as in list items and address objects.
json::Value order_columns_json(const Record& order, json::Allocator& alloc);

// A customer with its computed keys (spec §5.3).
json::Value customer_json(const CustomerRecord& customer, const SerializeContext& ctx,
                          json::Allocator& alloc);

}  // namespace cartpress::plugins::fluent_cart
