#pragma once

#include <cartpress/db/db_error.hpp>
#include <cartpress/rest/request_context.hpp>
#include <cartpress/rest/rest_error.hpp>
#include <cartpress/rest/rest_request.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fluent_cart_context.hpp"
#include "serialization/order_serializer.hpp"

namespace cartpress::plugins::fluent_cart {

// What the write handlers share.

// A write transaction that deadlocked is tried again, at most this many times in all; more in
// a row means heavy contention, answered as a temporary failure (busy()).
inline constexpr int kWriteAttempts = 3;

inline bool retryable(const db::DbError& e) { return e.kind == db::DbError::Kind::kRetry; }

// 503 cartpress_db_unavailable, with `what` in the log under the request id.
rest::RestError busy(const rest::RequestContext& ctx, std::string_view what);

// The serializers' context for this request: names, the store's money format, site URLs.
SerializeContext serialize_context(const FluentCartContext& fc, const rest::RequestContext& ctx);

// A path parameter such as {customerId} as an id: read from the URL alone (WordPress would let
// a body value of the same name win, and pick another customer than the URL names); nothing for
// 0, a leading zero or above 2^63−1, which no row has.
std::optional<std::int64_t> url_id(const rest::RestRequest& request, std::string_view name);
// The path parameter's text as the URL gives it ("" when absent), for messages that echo it.
std::string url_text(const rest::RestRequest& request, std::string_view name);

// A canonical positive integer from a request value: a JSON integer, or a string of digits
// without sign or leading zero, at most 2^63−1 (spec §6 step 3, §10 #9). Nothing otherwise.
std::optional<std::int64_t> canonical_id(const json::Value* value);

}  // namespace cartpress::plugins::fluent_cart
