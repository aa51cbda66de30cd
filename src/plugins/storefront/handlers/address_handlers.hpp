#pragma once

#include <cartpress/rest/router.hpp>

#include "storefront/storefront_context.hpp"

namespace cartpress::plugins::storefront {

// A customer's address book (spec §5.2, §8), as customers/{id}/addresses… (staff, or the
// customer itself) or me/addresses… (the customer). No limit on the number of addresses; the
// first of a type is primary; is_primary true demotes the other primary of the type in the same
// transaction; deleting a primary promotes the most recently updated address of the type.
rest::HandlerResult list_addresses(const StorefrontContext& sf, const rest::RestRequest& request,
                                   rest::RequestContext& ctx);
rest::HandlerResult create_address(const StorefrontContext& sf, const rest::RestRequest& request,
                                   rest::RequestContext& ctx);
rest::HandlerResult get_address(const StorefrontContext& sf, const rest::RestRequest& request,
                                rest::RequestContext& ctx);
rest::HandlerResult update_address(const StorefrontContext& sf, const rest::RestRequest& request,
                                   rest::RequestContext& ctx);
rest::HandlerResult delete_address(const StorefrontContext& sf, const rest::RestRequest& request,
                                   rest::RequestContext& ctx);

}  // namespace cartpress::plugins::storefront
