#pragma once

#include <cartpress/rest/router.hpp>

#include "storefront/storefront_context.hpp"

namespace cartpress::plugins::storefront {

// Order history (spec §8): drafts excluded, newest first, `status` filter, WordPress paging.
// GET customers/{id}/orders: staff orders/view, or the customer itself.
rest::HandlerResult list_customer_orders(const StorefrontContext& sf,
                                         const rest::RestRequest& request,
                                         rest::RequestContext& ctx);
// GET me/orders.
rest::HandlerResult list_my_orders(const StorefrontContext& sf, const rest::RestRequest& request,
                                   rest::RequestContext& ctx);
// GET me/orders/{order_id}: the detail form; another customer's order or a draft → 404.
rest::HandlerResult get_my_order(const StorefrontContext& sf, const rest::RestRequest& request,
                                 rest::RequestContext& ctx);

}  // namespace cartpress::plugins::storefront
