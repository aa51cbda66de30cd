#pragma once

#include <cartpress/core/random.hpp>
#include <cartpress/json/rapidjson.hpp>
#include <cartpress/rest/rest_request.hpp>
#include <cstdint>

#include "repositories/new_customer_writer.hpp"
#include "validation/customer_fields.hpp"

namespace cartpress::plugins::fluent_cart {

// The customer form of a request that passed validate_customer_fields: the email as sent,
// the names per `mode`, the other fields sanitized ('' when absent, aov 0.00) and the
// `wp_user` wish; no uuid. What PUT customers writes.
NewCustomer customer_form(const rest::RestRequest& request, NameMode mode);

// The customer row of spec §9.2: the form plus a fresh uuid. Shared by
// create-and-change-customer and POST customers.
NewCustomer new_customer_from(const rest::RestRequest& request, NameMode mode,
                              core::Random& random);

// A new customer's uuid: hex MD5 of "<email>_<random UUID v4>" (spec §9.2; storefront §4).
std::string customer_uuid(std::string_view email, core::Random& random);

// PHP's (int) cast of a request value (0 when absent): the `id` the exist rule skips.
std::int64_t php_intval(const json::Value* v);

// 422 {"email":{"exist":"Email already exists."}}.
rest::RestError email_exists_error();

// 423 {"code":423,"message":"Failed to create user.","data":null} (spec §9.3).
rest::RestError user_creation_failed_error();

}  // namespace cartpress::plugins::fluent_cart
