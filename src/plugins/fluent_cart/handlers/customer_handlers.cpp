#include "handlers/customer_handlers.hpp"

#include <cartpress/core/log.hpp>
#include <string>

#include "errors.hpp"
#include "handlers/db_errors.hpp"
#include "handlers/handler_support.hpp"
#include "handlers/list_params.hpp"
#include "handlers/new_customer_input.hpp"
#include "handlers/order_handlers.hpp"
#include "repositories/customer_change_repository.hpp"
#include "repositories/customer_relations_repository.hpp"
#include "repositories/customer_repository.hpp"
#include "serialization/customer_serializer.hpp"
#include "serialization/names.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

rest::RestError customer_not_found() {
    return entity_not_found("Customer not found", "Back to Customer List", "/customers");
}

// The sanitized value of a field the request sent, nothing when it did not send it.
std::optional<std::string> sent_text(const rest::RestRequest& request, std::string_view name) {
    const auto* v = request.param(name);
    return v ? std::optional<std::string>(sanitize_text_field(v)) : std::nullopt;
}

// ?params[customer_only]=yes
bool customer_only(const rest::RestRequest& request) {
    const auto* params = request.param("params");
    if (!params || !params->IsObject()) return false;
    const auto it = params->FindMember("customer_only");
    return it != params->MemberEnd() &&
           php_scalar_string(it->value) == std::optional<std::string>("yes");
}

}  // namespace

rest::HandlerResult get_customer(const FluentCartContext& fc, const rest::RestRequest& request,
                                 rest::RequestContext& ctx) {
    std::vector<CustomerRelation> relations;
    std::vector<InvalidParam> bad;
    read_with<CustomerRelation>(request, customer_relation_named, customer_relation_list(),
                                relations, bad);
    if (!bad.empty()) return core::fail(invalid_params(bad));
    const auto id = url_id(request, "customerId");
    if (!id) return core::fail(customer_not_found());

    auto repository = make_mariadb_customer_repository(ctx.db, fc.customer_queries);
    auto detail = repository->find(*id);
    if (!detail) return core::fail(db_failure(detail.error(), ctx));
    if (!*detail) return core::fail(customer_not_found());
    auto loaded = load_customer_relations(ctx.db, fc.customer_relation_queries, {*id}, relations);
    if (!loaded) return core::fail(db_failure(loaded.error(), ctx));
    return rest::RestResponse(serialize_customer_detail(**detail, customer_only(request), relations,
                                                        *loaded, serialize_context(fc, ctx)));
}

rest::HandlerResult create_customer(const FluentCartContext& fc, const rest::RestRequest& request,
                                    rest::RequestContext& ctx) {
    const ParamLookup param = [&request](std::string_view name) { return request.param(name); };
    const auto exist_value = exist_lookup_value(request.param("email"));
    const WordPressUserCreation wp_user{fc.wordpress_user_queries, fc.hash_format,
                                        ctx.options.db_version, ctx.random};
    auto repository = make_mariadb_customer_repository(ctx.db, fc.customer_queries, &wp_user);
    auto lookup = repository->lookup_form(
        exist_value ? std::optional<std::string_view>(*exist_value) : std::nullopt,
        php_intval(request.param("id")));
    if (!lookup) return core::fail(db_failure(lookup.error(), ctx));
    const NameMode mode = checkout_name_mode(lookup->checkout_fields);
    auto errors = validate_customer_fields(param, mode, lookup->email_exists);
    if (!errors.empty()) return core::fail(errors.to_error());

    const NewCustomer customer = new_customer_from(request, mode, ctx.random);
    const std::int64_t now = ctx.clock.now_unix();
    for (int attempt = 0; attempt < kWriteAttempts; ++attempt) {
        auto created = repository->create(customer, now);
        if (!created) {
            if (retryable(created.error())) continue;
            return core::fail(db_failure(created.error(), ctx));
        }
        switch (created->outcome) {
            case CreateOutcome::kCreated:
                break;
            case CreateOutcome::kEmailExists:
                return core::fail(email_exists_error());
            case CreateOutcome::kBusy:
                return core::fail(busy(ctx, "POST customers: email lock not granted within 5 s"));
            case CreateOutcome::kUserFailed:
                return core::fail(user_creation_failed_error());
        }
        CreatedCustomerEcho echo;
        echo.email = customer.email;
        if (created->user_id > 0) echo.user_id = created->user_id;
        echo.first_name = customer.first_name;
        echo.last_name = customer.last_name;
        echo.status = sent_text(request, "status");
        echo.aov = sent_text(request, "aov");
        echo.notes = customer.notes;
        echo.country = sent_text(request, "country");
        echo.city = sent_text(request, "city");
        echo.state = sent_text(request, "state");
        echo.postcode = sent_text(request, "postcode");
        echo.uuid = customer.uuid;
        echo.written_at = mysql_datetime(now);
        echo.id = created->id;
        return rest::RestResponse(serialize_created_customer(echo, serialize_context(fc, ctx)));
    }
    return core::fail(busy(ctx, "POST customers: retries exhausted"));
}

rest::HandlerResult update_customer(const FluentCartContext& fc, const rest::RestRequest& request,
                                    rest::RequestContext& ctx) {
    const auto not_found = [] {
        return resource_error(400, "Customer not found, please reload the page and try again!");
    };
    const auto id = url_id(request, "customerId");
    const ParamLookup param = [&request](std::string_view name) { return request.param(name); };
    const auto exist_value = exist_lookup_value(request.param("email"));
    auto repository = make_mariadb_customer_repository(ctx.db, fc.customer_queries);
    // The exist rule skips the customer in the URL, not body.id (spec §10 #10).
    auto lookup = repository->lookup_form(
        exist_value ? std::optional<std::string_view>(*exist_value) : std::nullopt, id.value_or(0));
    if (!lookup) return core::fail(db_failure(lookup.error(), ctx));
    const NameMode mode = checkout_name_mode(lookup->checkout_fields);
    auto errors = validate_customer_fields(param, mode, lookup->email_exists);
    if (!errors.empty()) return core::fail(errors.to_error());
    if (!id) return core::fail(not_found());

    // Full replacement: what the request lacks is written blank (spec §8.4).
    const NewCustomer form = customer_form(request, mode);
    CustomerUpdate update;
    update.email = form.email;
    update.first_name = form.first_name;
    update.last_name = form.last_name;
    update.status = form.status;
    update.aov = form.aov;
    update.notes = form.notes;
    update.country = form.country;
    update.city = form.city;
    update.state = form.state;
    update.postcode = form.postcode;
    if (const auto* user = request.param("user_id")) update.user_id = php_intval(user);

    for (int attempt = 0; attempt < kWriteAttempts; ++attempt) {
        auto updated = repository->update(*id, update, ctx.clock.now_unix());
        if (!updated) {
            if (retryable(updated.error())) continue;
            return core::fail(db_failure(updated.error(), ctx));
        }
        switch (*updated) {
            case UpdateOutcome::kUpdated:
                break;
            case UpdateOutcome::kNotFound:
                return core::fail(not_found());
            case UpdateOutcome::kEmailExists:
                return core::fail(email_exists_error());
            case UpdateOutcome::kBusy:
                return core::fail(busy(ctx, "PUT customers: email lock not granted within 5 s"));
        }
        auto detail = repository->find(*id);
        if (!detail) return core::fail(db_failure(detail.error(), ctx));
        if (!*detail) return core::fail(not_found());  // deleted right after the update
        json::Document d;
        d.SetObject();
        auto& a = d.GetAllocator();
        d.AddMember("message", "Customer updated successfully!", a);
        d.AddMember("data", customer_json((*detail)->customer, serialize_context(fc, ctx), a), a);
        return rest::RestResponse(std::move(d));
    }
    return core::fail(busy(ctx, "PUT customers: retries exhausted"));
}

}  // namespace cartpress::plugins::fluent_cart
