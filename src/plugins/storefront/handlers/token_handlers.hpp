#pragma once

#include <cartpress/rest/router.hpp>

#include "storefront/storefront_context.hpp"

namespace cartpress::plugins::storefront {

// Customer tokens (spec §6).
// POST customers/tokens {"email","password"}: anonymous login → 201 token.
rest::HandlerResult create_token(const StorefrontContext& sf, const rest::RestRequest& request,
                                 rest::RequestContext& ctx);
// POST customers/tokens/refresh: a customer's new token; the old one is revoked at once.
rest::HandlerResult refresh_token(const StorefrontContext& sf, const rest::RestRequest& request,
                                  rest::RequestContext& ctx);
// DELETE customers/tokens/current: log out (204).
rest::HandlerResult delete_current_token(const StorefrontContext& sf,
                                         const rest::RestRequest& request,
                                         rest::RequestContext& ctx);
// DELETE customers/{id}/tokens: staff with customers/manage revoke every token (204).
rest::HandlerResult revoke_customer_tokens(const StorefrontContext& sf,
                                           const rest::RestRequest& request,
                                           rest::RequestContext& ctx);

}  // namespace cartpress::plugins::storefront
