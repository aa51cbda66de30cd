#include "storefront/errors.hpp"

#include <cartpress/core/log.hpp>

namespace cartpress::plugins::storefront {
namespace errors {

using rest::RestError;

RestError invalid_credentials() {
    return RestError::make("storefront_invalid_credentials", "Invalid email or password.", 401);
}
RestError customer_token_required() {
    return RestError::make("storefront_customer_token_required", "A customer token is required.",
                           401);
}
RestError invalid_customer_token() {
    return RestError::make("storefront_invalid_customer_token", "The customer token is invalid.",
                           401);
}
RestError customer_token_expired() {
    return RestError::make("storefront_customer_token_expired", "The customer token has expired.",
                           401);
}
RestError customer_inactive() {
    return RestError::make("storefront_customer_inactive", "This customer account is inactive.",
                           403);
}
RestError customer_mismatch() {
    return RestError::make("storefront_customer_mismatch",
                           "The customer token does not belong to this customer.", 403);
}
RestError order_owned() {
    return RestError::make("storefront_order_owned", "This order belongs to a signed-in customer.",
                           403);
}
RestError incorrect_password() {
    return RestError::make("storefront_incorrect_password", "The current password is incorrect.",
                           403);
}
RestError current_password_required() {
    return RestError::make("storefront_current_password_required",
                           "The current password is required to change the email or password.",
                           400);
}
RestError invalid_relationship_type() {
    return RestError::make("storefront_invalid_relationship_type",
                           "The relationship type must be customer.", 400);
}
RestError invalid_page_number() {
    return RestError::make(
        "storefront_invalid_page_number",
        "The page number requested is larger than the number of pages available.", 400);
}
RestError order_not_found() {
    return RestError::make("storefront_order_not_found", "Order not found.", 404);
}
RestError customer_not_found() {
    return RestError::make("storefront_customer_not_found", "Customer not found.", 404);
}
RestError address_not_found() {
    return RestError::make("storefront_address_not_found", "Address not found.", 404);
}
RestError cart_not_found() {
    return RestError::make("storefront_cart_not_found", "Cart not found.", 404);
}
// Not in §13.3's table: DELETE customer_subscriptions/{id} and me/subscriptions/{id} need a 404
// of their own (recorded in README).
RestError subscription_not_found() {
    return RestError::make("storefront_subscription_not_found", "Subscription not found.", 404);
}
RestError customer_exists(std::int64_t customer_id) {
    auto e = RestError::make("storefront_customer_exists",
                             "A customer with this email address already exists.", 409);
    if (customer_id > 0) {
        auto& x = e.extra();
        x.AddMember("customer_id", customer_id, x.GetAllocator());
    }
    return e;
}
RestError user_exists() {
    return RestError::make("storefront_user_exists",
                           "A WordPress user with this email address already exists.", 409);
}
RestError order_not_editable() {
    return RestError::make("storefront_order_not_editable", "This order can no longer be changed.",
                           409);
}
RestError cart_completed() {
    return RestError::make("storefront_cart_completed", "This cart has already been checked out.",
                           409);
}
RestError cart_owned() {
    return RestError::make("storefront_cart_owned", "This cart belongs to another customer.", 409);
}
RestError too_many_attempts(long retry_after_seconds) {
    auto e = RestError::make("storefront_too_many_attempts",
                             "Too many attempts. Please try again later.", 429);
    e.headers.push_back({"Retry-After", std::to_string(retry_after_seconds)});
    return e;
}
RestError busy() {
    auto e = RestError::make("storefront_busy", "The server is busy. Please retry.", 503);
    e.headers.push_back({"Retry-After", "1"});
    return e;
}
RestError internal(std::string internal) {
    auto e = RestError::make("storefront_internal_error",
                             "The request could not be completed. Please retry.", 500);
    e.internal = std::move(internal);
    return e;
}

}  // namespace errors

rest::RestError invalid_params(const std::vector<FieldError>& bad) {
    std::vector<rest::InvalidParam> params;
    for (const auto& b : bad) params.push_back({b.name, b.name, b.code, b.message});
    return rest::errors::invalid_params(params);
}

rest::RestError missing_params(const std::vector<std::string>& names) {
    return rest::errors::missing_params(names);
}

rest::RestError db_failure(std::string_view what, const db::DbError& e) {
    return errors::internal("storefront " + std::string(what) + ": " + e.message);
}

}  // namespace cartpress::plugins::storefront
