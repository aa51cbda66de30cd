#pragma once

#include <cartpress/db/db_error.hpp>
#include <cartpress/rest/rest_error.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cartpress::plugins::storefront {

// The storefront error catalogue (storefront-v1.md §13.3), exact codes, statuses and messages.
namespace errors {
rest::RestError invalid_credentials();
rest::RestError customer_token_required();
rest::RestError invalid_customer_token();
rest::RestError customer_token_expired();
rest::RestError customer_inactive();
rest::RestError customer_mismatch();
rest::RestError order_owned();
rest::RestError incorrect_password();
rest::RestError current_password_required();
rest::RestError invalid_relationship_type();
rest::RestError invalid_page_number();
rest::RestError order_not_found();
rest::RestError customer_not_found();
rest::RestError address_not_found();
rest::RestError cart_not_found();
rest::RestError subscription_not_found();
rest::RestError customer_exists(std::int64_t customer_id = 0);  // staff see data.customer_id
rest::RestError user_exists();
rest::RestError order_not_editable();
rest::RestError cart_completed();
rest::RestError cart_owned();
rest::RestError too_many_attempts(long retry_after_seconds);
rest::RestError busy();
// 500 with a generic message; `internal` (never secrets) goes to the log only.
rest::RestError internal(std::string internal);
}  // namespace errors

// One rejected input field: the key under data.params / data.details and why.
struct FieldError {
    std::string name;
    std::string message;
    std::string code = "rest_invalid_param";  // data.details.<name>.code (rest_invalid_type, …)
};

// 400 rest_invalid_param "Invalid parameter(s): a, b" with data.params {name: message} and
// data.details {name: {code, message, data: {param: name}}}, as the host's argument validation
// writes it.
rest::RestError invalid_params(const std::vector<FieldError>& bad);
// 400 rest_missing_callback_param "Missing parameter(s): a, b" with data.params [names].
rest::RestError missing_params(const std::vector<std::string>& names);

// 500 with a generic message; "storefront <what>: <the database's message>" goes to the log.
rest::RestError db_failure(std::string_view what, const db::DbError& e);

}  // namespace cartpress::plugins::storefront
