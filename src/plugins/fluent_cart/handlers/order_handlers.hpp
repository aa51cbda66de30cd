#pragma once

#include <cartpress/rest/router.hpp>

#include "fluent_cart_context.hpp"

namespace cartpress::plugins::fluent_cart {

// GET orders/{order_id}: the full order graph (spec §5).
rest::HandlerResult get_order(const FluentCartContext& fc, const rest::RestRequest& request,
                              rest::RequestContext& ctx);

// A canonical positive id ("1", not "01", "+1" or "0"), at most 2^63−1.
std::optional<std::int64_t> parse_positive_id(std::string_view text);

}  // namespace cartpress::plugins::fluent_cart
