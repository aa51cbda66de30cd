#pragma once

#include <cartpress/rest/rest_request.hpp>
#include <cartpress/rest/router.hpp>

#include "fluent_cart_context.hpp"

namespace cartpress::plugins::fluent_cart {

// GET customers/{customerId} (spec §8.3).
rest::HandlerResult get_customer(const FluentCartContext& fc, const rest::RestRequest& request,
                                 rest::RequestContext& ctx);

// POST customers (spec §8.2): FluentCart's validation, then the row of §9.2 under the email's
// named lock (a concurrent create with the same email in any case or spacing gets 422).
rest::HandlerResult create_customer(const FluentCartContext& fc, const rest::RestRequest& request,
                                    rest::RequestContext& ctx);

// PUT customers/{customerId} (spec §8.4): a full replacement of the form's fields.
rest::HandlerResult update_customer(const FluentCartContext& fc, const rest::RestRequest& request,
                                    rest::RequestContext& ctx);

}  // namespace cartpress::plugins::fluent_cart
