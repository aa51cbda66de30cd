#pragma once

#include <cartpress/rest/router.hpp>

#include "fluent_cart_context.hpp"

namespace cartpress::plugins::fluent_cart {

// GET orders: the filtered, sorted, paginated order list (spec §4).
rest::HandlerResult list_orders(const FluentCartContext& fc, const rest::RestRequest& request,
                                rest::RequestContext& ctx);

// GET customers/{customerId}/orders: the same list of that customer's orders (spec §8.5).
rest::HandlerResult list_customer_orders(const FluentCartContext& fc,
                                         const rest::RestRequest& request,
                                         rest::RequestContext& ctx);

}  // namespace cartpress::plugins::fluent_cart
