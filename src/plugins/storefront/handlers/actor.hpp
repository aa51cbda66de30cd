#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/rest/request_context.hpp>
#include <cartpress/rest/rest_error.hpp>
#include <cartpress/rest/rest_request.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "storefront/storefront_context.hpp"

namespace cartpress::plugins::storefront {

// Who a storefront request acts for (spec §2). A request with X-Customer-Token is a customer
// request whatever else it carries; otherwise WordPress credentials make it staff (each route
// still checks its FluentCart permission), and nothing makes it anonymous.
struct Actor {
    enum class Kind { kAnonymous, kStaff, kCustomer };
    Kind kind = Kind::kAnonymous;
    std::int64_t customer_id = 0;  // kCustomer
    std::int64_t token_id = 0;     // kCustomer: the token row
    std::string session_id_hex;    // kCustomer: the login session (refresh keeps it)
    std::string session_expires_at;

    bool is_customer() const { return kind == Kind::kCustomer; }
    bool is_staff() const { return kind == Kind::kStaff; }
    bool is_anonymous() const { return kind == Kind::kAnonymous; }
};

// The §6 check of X-Customer-Token: shape → expiry → signature → row (not revoked, same customer
// and expiry) → customer exists and is not inactive; last_used_at written at most once a minute.
// Errors: 401 invalid/expired token, 403 storefront_customer_inactive, 500 (no token key, DB).
core::Result<Actor, rest::RestError> resolve_actor(const rest::RestRequest& request,
                                                   rest::RequestContext& ctx,
                                                   const StorefrontContext& sf);

// The token header's value when the request has one (even empty).
std::optional<std::string_view> customer_token_header(const rest::RestRequest& request);

// Whether the staff user holds a FluentCart permission ("customers/view", …).
bool staff_can(const rest::RequestContext& ctx, std::string_view permission);

}  // namespace cartpress::plugins::storefront
