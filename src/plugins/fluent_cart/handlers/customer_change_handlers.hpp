#pragma once

#include <cartpress/rest/router.hpp>

#include "fluent_cart_context.hpp"

namespace cartpress::plugins::fluent_cart {

// POST orders/{order_id}/change-customer (spec §6): body `customer_id`.
rest::HandlerResult change_customer(const FluentCartContext& fc, const rest::RestRequest& request,
                                    rest::RequestContext& ctx);

// POST orders/{order_id}/create-and-change-customer (spec §7): a new customer from the body,
// then the change of §6 in the same transaction.
rest::HandlerResult create_and_change_customer(const FluentCartContext& fc,
                                               const rest::RestRequest& request,
                                               rest::RequestContext& ctx);

}  // namespace cartpress::plugins::fluent_cart
