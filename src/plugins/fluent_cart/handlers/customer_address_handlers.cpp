#include "handlers/customer_address_handlers.hpp"

#include <cartpress/core/log.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "errors.hpp"
#include "handlers/db_errors.hpp"
#include "handlers/handler_support.hpp"
#include "handlers/new_customer_input.hpp"
#include "handlers/order_handlers.hpp"
#include "repositories/customer_address_repository.hpp"
#include "repositories/customer_change_repository.hpp"
#include "serialization/customer_address_serializer.hpp"
#include "validation/address_fields.hpp"
#include "validation/customer_fields.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

// The form as written (spec §8.6): texts sanitized, '' when absent; the email as sent (it
// passed is_email).
AddressForm address_form(const rest::RestRequest& request) {
    const auto text = [&request](std::string_view name) {
        return sanitize_text_field(request.param(name));
    };
    AddressForm f;
    f.type = text("type");
    f.label = text("label");
    f.name = text("name");
    f.address_1 = text("address_1");
    f.address_2 = text("address_2");
    f.city = text("city");
    f.state = text("state");
    f.phone = text("phone");
    const auto* email = request.param("email");
    f.email = email ? php_scalar_string(*email).value_or("") : std::string();
    f.postcode = text("postcode");
    f.country = text("country");
    f.company_name = text("company_name");
    f.is_primary = php_intval(request.param("is_primary")) != 0;
    return f;
}

// The rules of spec §8.6; an error to send when the form fails them.
std::optional<rest::RestError> form_errors(const FluentCartContext& fc,
                                           const rest::RestRequest& request) {
    const ParamLookup param = [&request](std::string_view name) { return request.param(name); };
    auto errors = validate_address_fields(param, fc.countries);
    if (errors.empty()) return std::nullopt;
    return errors.to_error();
}

}  // namespace

rest::HandlerResult list_customer_addresses(const FluentCartContext& fc,
                                            const rest::RestRequest& request,
                                            rest::RequestContext& ctx) {
    const auto customer = url_id(request, "customerId");
    if (!customer)
        return rest::RestResponse(serialize_address_list({}, serialize_context(fc, ctx)));
    const auto type = request.string_param("type");
    auto repository = make_mariadb_customer_address_repository(ctx.db, fc.customer_address_queries);
    auto addresses = repository->list(
        *customer, type && !type->empty() ? std::optional<std::string_view>(*type) : std::nullopt);
    if (!addresses) return core::fail(db_failure(addresses.error(), ctx));
    return rest::RestResponse(serialize_address_list(*addresses, serialize_context(fc, ctx)));
}

rest::HandlerResult create_customer_address(const FluentCartContext& fc,
                                            const rest::RestRequest& request,
                                            rest::RequestContext& ctx) {
    const auto customer_not_found = [] {
        return core::fail(
            resource_error(404, "Customer not found, please reload the page and try again!"));
    };
    if (auto errors = form_errors(fc, request)) return core::fail(std::move(*errors));
    const auto customer = url_id(request, "customerId");
    if (!customer) return customer_not_found();

    const AddressForm form = address_form(request);
    const std::int64_t now = ctx.clock.now_unix();
    auto repository = make_mariadb_customer_address_repository(ctx.db, fc.customer_address_queries);
    for (int attempt = 0; attempt < kWriteAttempts; ++attempt) {
        auto created = repository->create(*customer, form, now);
        if (!created) {
            if (retryable(created.error())) continue;
            return core::fail(db_failure(created.error(), ctx));
        }
        if (created->outcome == AddressCreateOutcome::kCustomerNotFound) {
            return customer_not_found();
        }
        const CreatedAddressEcho echo{form, std::to_string(*customer), created->is_primary,
                                      mysql_datetime(now), created->id};
        return rest::RestResponse(serialize_created_address(echo, serialize_context(fc, ctx)));
    }
    return core::fail(busy(ctx, "POST customers/{id}/address"));
}

rest::HandlerResult update_customer_address(const FluentCartContext& fc,
                                            const rest::RestRequest& request,
                                            rest::RequestContext& ctx) {
    const auto not_found = [] {
        return core::fail(
            resource_error(404, "Address not found, please reload the page and try again!"));
    };
    if (auto errors = form_errors(fc, request)) return core::fail(std::move(*errors));
    const auto id = canonical_id(request.param("id"));
    if (!id) return core::fail(resource_error(403, "Please edit a valid address!"));
    const auto customer = url_id(request, "customerId");
    if (!customer) return not_found();

    const AddressForm form = address_form(request);
    auto repository = make_mariadb_customer_address_repository(ctx.db, fc.customer_address_queries);
    for (int attempt = 0; attempt < kWriteAttempts; ++attempt) {
        auto updated = repository->update(*customer, *id, form, ctx.clock.now_unix());
        if (!updated) {
            if (retryable(updated.error())) continue;
            return core::fail(db_failure(updated.error(), ctx));
        }
        if (updated->outcome == AddressUpdateOutcome::kNotFound) return not_found();
        return rest::RestResponse(serialize_updated_address(updated->type_before, updated->address,
                                                            serialize_context(fc, ctx)));
    }
    return core::fail(busy(ctx, "PUT customers/{id}/address"));
}

rest::HandlerResult delete_customer_address(const FluentCartContext& fc,
                                            const rest::RestRequest& request,
                                            rest::RequestContext& ctx) {
    const auto* address = request.param("address");
    const json::Value* raw_id = nullptr;
    if (address && address->IsObject()) {
        const auto it = address->FindMember("id");
        if (it != address->MemberEnd()) raw_id = &it->value;
    }
    const auto id = canonical_id(raw_id);
    if (!id) return core::fail(resource_error(403, "Please use a valid address ID!"));
    const auto not_found = [] {
        return core::fail(resource_error(404, "Address not found in database, failed to remove."));
    };
    const auto customer = url_id(request, "customerId");
    if (!customer) return not_found();

    auto repository = make_mariadb_customer_address_repository(ctx.db, fc.customer_address_queries);
    for (int attempt = 0; attempt < kWriteAttempts; ++attempt) {
        auto removed = repository->remove(*customer, *id);
        if (!removed) {
            if (retryable(removed.error())) continue;
            return core::fail(db_failure(removed.error(), ctx));
        }
        switch (*removed) {
            case AddressDeleteOutcome::kDeleted:
                return rest::RestResponse(address_message("Address successfully deleted."));
            case AddressDeleteOutcome::kNotFound:
                return not_found();
            case AddressDeleteOutcome::kPrimary:
                return core::fail(resource_error(403, "Primary address cannot be deleted!"));
            case AddressDeleteOutcome::kLastAddress:
                return core::fail(resource_error(
                    403, "At least one address must remain. Address deletion failed!"));
        }
        return core::fail(plugin_exception("delete_customer_address: unexpected outcome"));
    }
    return core::fail(busy(ctx, "DELETE customers/{id}/address"));
}

rest::HandlerResult make_customer_address_primary(const FluentCartContext& fc,
                                                  const rest::RestRequest& request,
                                                  rest::RequestContext& ctx) {
    const auto failed = [] {
        return core::fail(resource_error(400, "Address set as primary failed."));
    };
    const auto id = canonical_id(request.param("addressId"));
    const auto type = request.string_param("type");
    const auto customer = url_id(request, "customerId");
    if (!id || !type || type->empty() || !customer) return failed();

    auto repository = make_mariadb_customer_address_repository(ctx.db, fc.customer_address_queries);
    for (int attempt = 0; attempt < kWriteAttempts; ++attempt) {
        auto made = repository->make_primary(*customer, *id, *type, ctx.clock.now_unix());
        if (!made) {
            if (retryable(made.error())) continue;
            return core::fail(db_failure(made.error(), ctx));
        }
        if (*made == MakePrimaryOutcome::kNotFound) return failed();
        return rest::RestResponse(address_message("Address successfully set as the primary"));
    }
    return core::fail(busy(ctx, "POST customers/{id}/address/make-primary"));
}

}  // namespace cartpress::plugins::fluent_cart
