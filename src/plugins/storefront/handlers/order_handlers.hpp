#pragma once

#include <cartpress/rest/router.hpp>

#include "storefront/storefront_context.hpp"

namespace cartpress::plugins::storefront {

// PATCH (POST, PUT) orders/{order}: set the order's customer by email (spec §7).
rest::HandlerResult patch_order(const StorefrontContext& sf, const rest::RestRequest& request,
                                rest::RequestContext& ctx);

}  // namespace cartpress::plugins::storefront
