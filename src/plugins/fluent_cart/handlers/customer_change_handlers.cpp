#include "handlers/customer_change_handlers.hpp"

#include <cartpress/core/log.hpp>
#include <cctype>
#include <cstdint>

#include "errors.hpp"
#include "handlers/db_errors.hpp"
#include "handlers/handler_support.hpp"
#include "handlers/new_customer_input.hpp"
#include "handlers/order_handlers.hpp"
#include "repositories/customer_change_repository.hpp"
#include "serialization/names.hpp"
#include "validation/customer_fields.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

rest::RestResponse message_response(std::string_view message) {
    json::Document d;
    d.SetObject();
    d.AddMember("message", json::str(message, d.GetAllocator()), d.GetAllocator());
    return rest::RestResponse(std::move(d));
}

// PHP's empty(): null, false, 0, 0.0, "", "0" and empty arrays.
bool php_empty(const json::Value& v) {
    if (v.IsNull()) return true;
    if (v.IsBool()) return !v.GetBool();
    if (v.IsNumber()) return v.GetDouble() == 0.0;
    if (v.IsString()) return v.GetStringLength() == 0 || json::view(v) == "0";
    if (v.IsArray()) return v.Empty();
    if (v.IsObject()) return v.ObjectEmpty();
    return false;
}

Actor actor(const std::optional<std::string>& display_name, const rest::RequestContext& ctx) {
    return Actor{ctx.user.id, display_name.value_or(ctx.user.login)};
}

}  // namespace

rest::HandlerResult change_customer(const FluentCartContext& fc, const rest::RestRequest& request,
                                    rest::RequestContext& ctx) {
    const auto* raw = request.param("customer_id");
    if (!raw || php_empty(*raw) || raw->IsArray() || raw->IsObject()) {
        return core::fail(message_error(423, "Customer id is required"));
    }
    const auto customer_id = canonical_id(raw);
    if (!customer_id) {
        return core::fail(model_not_found("Customer", php_scalar_string(*raw).value_or("")));
    }
    const std::string order_text = url_text(request, "order_id");
    const std::int64_t order_id = parse_positive_id(order_text).value_or(0);

    auto repository = make_mariadb_customer_change_repository(ctx.db, fc.customer_change_queries);
    // A snapshot that moved under us, or a deadlock, is retried from the lookup.
    for (int attempt = 0; attempt < kWriteAttempts; ++attempt) {
        auto lookup = repository->lookup_change(order_id, *customer_id, ctx.user.id);
        if (!lookup) return core::fail(db_failure(lookup.error(), ctx));
        if (!lookup->order) return core::fail(model_not_found("Order", order_text));
        if (lookup->order->customer_id == customer_id) {
            return message_response("Customer is already attached to this order");
        }
        if (!lookup->customer_exists) {
            return core::fail(model_not_found("Customer", std::to_string(*customer_id)));
        }
        auto result = repository->change_customer(*lookup->order, *customer_id,
                                                  actor(lookup->actor_display_name, ctx),
                                                  ctx.clock.now_unix());
        if (!result) {
            if (retryable(result.error())) continue;
            return core::fail(db_failure(result.error(), ctx));
        }
        switch (result->outcome) {
            case ChangeOutcome::kChanged:
                return message_response("Customer changed successfully");
            case ChangeOutcome::kCustomerNotFound:
                return core::fail(model_not_found("Customer", std::to_string(*customer_id)));
            case ChangeOutcome::kOrderChanged:
                continue;
            case ChangeOutcome::kEmailExists:
            case ChangeOutcome::kBusy:
            case ChangeOutcome::kUserFailed:
                break;
        }
        return core::fail(plugin_exception("change_customer: unexpected outcome"));
    }
    return core::fail(busy(ctx, "change-customer retries exhausted"));
}

rest::HandlerResult create_and_change_customer(const FluentCartContext& fc,
                                               const rest::RestRequest& request,
                                               rest::RequestContext& ctx) {
    const ParamLookup param = [&request](std::string_view name) { return request.param(name); };
    const auto exist_value = exist_lookup_value(request.param("email"));
    const std::int64_t exclude_id = php_intval(request.param("id"));
    const std::string order_text = url_text(request, "order_id");
    const std::int64_t order_id = parse_positive_id(order_text).value_or(0);

    const WordPressUserCreation wp_user{fc.wordpress_user_queries, fc.hash_format,
                                        ctx.options.db_version, ctx.random};
    auto repository =
        make_mariadb_customer_change_repository(ctx.db, fc.customer_change_queries, &wp_user);
    std::optional<NewCustomer> customer;
    // A snapshot that moved under us, or a deadlock, is retried from the lookup.
    for (int attempt = 0; attempt < kWriteAttempts; ++attempt) {
        // Validation needs the store's name mode and the exist rule: one statement, which also
        // reads the order (checked only once the input is valid, spec §1.2).
        auto lookup = repository->lookup_create(
            order_id, exist_value ? std::optional<std::string_view>(*exist_value) : std::nullopt,
            exclude_id, ctx.user.id);
        if (!lookup) return core::fail(db_failure(lookup.error(), ctx));
        const NameMode mode = checkout_name_mode(lookup->checkout_fields);
        auto errors = validate_customer_fields(param, mode, lookup->email_exists);
        if (!errors.empty()) return core::fail(errors.to_error());
        if (!lookup->order) return core::fail(model_not_found("Order", order_text));

        if (!customer) customer = new_customer_from(request, mode, ctx.random);
        auto result = repository->create_and_change(*lookup->order, *customer,
                                                    actor(lookup->actor_display_name, ctx),
                                                    ctx.clock.now_unix());
        if (!result) {
            if (retryable(result.error())) continue;
            return core::fail(db_failure(result.error(), ctx));
        }
        switch (result->outcome) {
            case ChangeOutcome::kChanged:
                return message_response("Customer changed successfully");
            case ChangeOutcome::kEmailExists:
                return core::fail(email_exists_error());
            case ChangeOutcome::kBusy:
                return core::fail(busy(ctx, "email lock not granted within 5 s"));
            case ChangeOutcome::kUserFailed:
                return core::fail(user_creation_failed_error());
            case ChangeOutcome::kOrderChanged:
                continue;
            case ChangeOutcome::kCustomerNotFound:
                break;
        }
        return core::fail(plugin_exception("create_and_change_customer: unexpected outcome"));
    }
    return core::fail(busy(ctx, "create-and-change-customer retries exhausted"));
}

}  // namespace cartpress::plugins::fluent_cart
