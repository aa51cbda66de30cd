#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/rest/request_context.hpp>
#include <cartpress/rest/rest_error.hpp>
#include <cstdint>
#include <string>

#include "storefront/storefront_context.hpp"

namespace cartpress::plugins::storefront {

// Spec §9: when staff make a customer an account, the earlier orders placed with its email and
// no customer join it: §7's writes without the status change, one activity row per order (the
// acting staff user). Inside the caller's transaction, which holds the customer's row lock.
// Returns how many orders moved.
core::Result<int, rest::RestError> attach_orphan_orders(
    const StorefrontContext& sf, rest::RequestContext& ctx, std::int64_t customer_id,
    const std::string& email_key, const std::string& full_name, const std::string& now);

}  // namespace cartpress::plugins::storefront
