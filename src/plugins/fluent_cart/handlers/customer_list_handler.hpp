#pragma once

#include <cartpress/rest/router.hpp>

#include "fluent_cart_context.hpp"

namespace cartpress::plugins::fluent_cart {

// GET customers: the searched, sorted, paginated customer list (spec §8.1).
rest::HandlerResult list_customers(const FluentCartContext& fc, const rest::RestRequest& request,
                                   rest::RequestContext& ctx);

}  // namespace cartpress::plugins::fluent_cart
