#pragma once

#include <cartpress/rest/request_context.hpp>
#include <cartpress/rest/rest_error.hpp>
#include <cartpress/rest/rest_request.hpp>
#include <cartpress/rest/rest_response.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "storefront/handlers/actor.hpp"

namespace cartpress::plugins::storefront {

// What storefront handlers share about reading a request and answering it.

// The path id {name}: from the URL only; 0 when it is not a canonical positive integer (no row
// has it, so the route answers its not-found error).
std::int64_t path_id(const rest::RestRequest& request, std::string_view name);

// Staff routes: nothing when the actor is staff holding `permission`; else rest_forbidden
// (401 for anonymous callers, 403 for customers and for staff without the permission).
std::optional<rest::RestError> require_staff(const Actor& actor, const rest::RequestContext& ctx,
                                             std::string_view permission);

// Who may act on customer `id` (spec §2): its own token (another customer's id → 403
// storefront_customer_mismatch), or staff holding `permission`; nobody → 401
// storefront_customer_token_required.
std::optional<rest::RestError> may_act_on(const Actor& actor, const rest::RequestContext& ctx,
                                          std::int64_t id, std::string_view permission);

// The body the input parsers read: the JSON body whatever its type (so `[1,2]` is reported as
// not an object), else the form fields, else `{}`.
const json::Value& body_of(const rest::RestRequest& request);

// 204 without a body.
rest::RestResponse no_content();

// The longest prefix of `s` with at most `max_chars` characters that ends on a whole UTF-8
// sequence (headers stored in VARCHAR columns; invalid bytes end the prefix).
std::string_view utf8_prefix(std::string_view s, std::size_t max_chars);

}  // namespace cartpress::plugins::storefront
