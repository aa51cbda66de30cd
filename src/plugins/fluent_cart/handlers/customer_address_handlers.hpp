#pragma once

#include <cartpress/rest/rest_request.hpp>
#include <cartpress/rest/router.hpp>

#include "fluent_cart_context.hpp"

namespace cartpress::plugins::fluent_cart {

// customers/{customerId}/address (spec §8.6). The customer is always the URL's (a body
// `customerId` cannot redirect a write), and an address must belong to it (§10 #13). Errors
// FluentCart sends as HTTP 500 with a 4xx `code` go out with that status (§10 #7).

// GET [?type=billing|shipping]: {"addresses":[…]}, primary first, then newest first.
rest::HandlerResult list_customer_addresses(const FluentCartContext& fc,
                                            const rest::RestRequest& request,
                                            rest::RequestContext& ctx);

// POST: the address form's rules, then the insert (primary when the customer has no primary
// of that type); an unknown customer is 404.
rest::HandlerResult create_customer_address(const FluentCartContext& fc,
                                            const rest::RestRequest& request,
                                            rest::RequestContext& ctx);

// PUT: the rules, then a full replacement of the address of body `id`.
rest::HandlerResult update_customer_address(const FluentCartContext& fc,
                                            const rest::RestRequest& request,
                                            rest::RequestContext& ctx);

// DELETE: body {"address":{"id":N}}; never a primary address nor the customer's last one.
rest::HandlerResult delete_customer_address(const FluentCartContext& fc,
                                            const rest::RestRequest& request,
                                            rest::RequestContext& ctx);

// POST …/address/make-primary: body `addressId` and `type`, one transaction (§10 #14).
rest::HandlerResult make_customer_address_primary(const FluentCartContext& fc,
                                                  const rest::RestRequest& request,
                                                  rest::RequestContext& ctx);

}  // namespace cartpress::plugins::fluent_cart
