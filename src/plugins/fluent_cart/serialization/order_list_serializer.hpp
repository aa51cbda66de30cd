#pragma once

#include <cartpress/json/rapidjson.hpp>
#include <string_view>

#include "domain/order_list.hpp"
#include "serialization/order_serializer.hpp"

namespace cartpress::plugins::fluent_cart {

// GET orders (spec §4): {"orders":<paginator>}, each item the 35 order columns followed by the
// `with[]` relations. Relation keys come in the order the request first names them (Laravel's
// eager-load order): `customer.primary_billing_address` puts `customer` there, with the
// address inside the customer object after its computed keys.
json::Document serialize_order_list(const OrderListPage& page, const OrderListQuery& query,
                                    std::string_view path, const SerializeContext& ctx);

}  // namespace cartpress::plugins::fluent_cart
