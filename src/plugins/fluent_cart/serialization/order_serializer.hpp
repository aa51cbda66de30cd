#pragma once

#include <cartpress/json/rapidjson.hpp>
#include <cartpress/site/site_options.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

// What a customer's computed keys (spec §5.3) are made of.
struct CustomerFacts {
    std::string first_name;
    std::string last_name;
    std::string email;
    std::optional<std::string> photo_url;  // usermeta fc_customer_photo_url of its user
    std::string country;
    std::optional<std::string> state;  // null prints null
    std::optional<std::string> city;
    std::optional<std::string> postcode;
    std::string user_id;  // "" or "0": no linked user
};

// full_name, photo, country_name, formatted_address and user_link, appended to `object`.
void add_customer_computed_keys(json::Value& object, const CustomerFacts& customer,
                                const SerializeContext& ctx, json::Allocator& alloc);

// A customer with its computed keys (spec §5.3). `selected_labels` (GET customers/{id}, §8.3)
// goes between the columns and the computed keys.
json::Value customer_json(const CustomerRecord& customer, const SerializeContext& ctx,
                          json::Allocator& alloc,
                          const std::vector<std::int64_t>* selected_labels = nullptr);

}  // namespace cartpress::plugins::fluent_cart
