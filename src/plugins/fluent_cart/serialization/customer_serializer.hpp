#pragma once

#include <cartpress/json/rapidjson.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/customer_list.hpp"
#include "domain/customer_relations.hpp"
#include "repositories/customer_repository.hpp"
#include "serialization/order_serializer.hpp"

namespace cartpress::plugins::fluent_cart {

// Appends the `relations` (with[], request order) of customer `id` to its object: the address
// lists, the primary addresses (or null), label relationships, subscriptions and orders.
void add_customer_relations(json::Value& customer, std::int64_t id,
                            const std::vector<CustomerRelation>& relations,
                            const CustomerRelations& loaded, const SerializeContext& ctx,
                            json::Allocator& alloc);

// GET customers/{id} (spec §8.3): {"customer":{columns, selected_labels, computed keys,
// with[] relations in request order, labels}}; `customer_only` leaves selected_labels out.
json::Document serialize_customer_detail(const CustomerDetail& detail, bool customer_only,
                                         const std::vector<CustomerRelation>& relations,
                                         const CustomerRelations& loaded,
                                         const SerializeContext& ctx);

// GET customers (spec §8.1): {"customers":<paginator>}, each item the customer of §5.3 followed
// by the with[] relations in request order.
json::Document serialize_customer_list(const CustomerListPage& page,
                                       const std::vector<CustomerRelation>& relations,
                                       const CustomerRelations& loaded, std::string_view path,
                                       const SerializeContext& ctx);

// POST customers' `data` (spec §8.2): the values written, null for the fields the request
// did not send although the row stores '' or 0.00 for them.
struct CreatedCustomerEcho {
    std::string email;
    std::optional<std::int64_t> user_id;  // the linked WordPress user, when there is one
    std::string first_name;
    std::string last_name;
    std::optional<std::string> status;
    std::optional<std::string> aov;
    std::string notes;
    std::optional<std::string> country;
    std::optional<std::string> city;
    std::optional<std::string> state;
    std::optional<std::string> postcode;
    std::string uuid;
    std::string written_at;  // "YYYY-MM-DD HH:MM:SS", both timestamps
    std::int64_t id = 0;
};

// {"message":"Customer created successfully!","data":{…}}.
json::Document serialize_created_customer(const CreatedCustomerEcho& echo,
                                          const SerializeContext& ctx);

}  // namespace cartpress::plugins::fluent_cart
