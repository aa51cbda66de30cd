#pragma once

#include <cartpress/rest/router.hpp>

#include "storefront/storefront_context.hpp"

namespace cartpress::plugins::storefront {

// Customers (spec §5.1, §8): create (staff or sign-up), read and partial edit, by id or as `me`.
rest::HandlerResult create_customer(const StorefrontContext& sf, const rest::RestRequest& request,
                                    rest::RequestContext& ctx);
rest::HandlerResult get_customer(const StorefrontContext& sf, const rest::RestRequest& request,
                                 rest::RequestContext& ctx);
rest::HandlerResult get_me(const StorefrontContext& sf, const rest::RestRequest& request,
                           rest::RequestContext& ctx);
rest::HandlerResult update_customer(const StorefrontContext& sf, const rest::RestRequest& request,
                                    rest::RequestContext& ctx);
rest::HandlerResult update_me(const StorefrontContext& sf, const rest::RestRequest& request,
                              rest::RequestContext& ctx);

}  // namespace cartpress::plugins::storefront
