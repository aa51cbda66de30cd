#pragma once

#include <cartpress/rest/router.hpp>

#include "storefront/storefront_context.hpp"

namespace cartpress::plugins::storefront {

// POST carts/{cart_hash}/relationships/customers (spec §12.1): 200 when associated now, 204
// when the cart already had this customer.
rest::HandlerResult associate_cart(const StorefrontContext& sf, const rest::RestRequest& request,
                                   rest::RequestContext& ctx);
// DELETE on the same URL with the same body: 204, also when there was no association.
rest::HandlerResult dissociate_cart(const StorefrontContext& sf, const rest::RestRequest& request,
                                    rest::RequestContext& ctx);

}  // namespace cartpress::plugins::storefront
