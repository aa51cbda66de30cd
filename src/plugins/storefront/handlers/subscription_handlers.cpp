#include "storefront/handlers/subscription_handlers.hpp"

#include <cartpress/core/utc_time.hpp>
#include <cartpress/site/email_identity.hpp>

#include "fluent_cart/validation/customer_fields.hpp"
#include "storefront/errors.hpp"
#include "storefront/handlers/actor.hpp"
#include "storefront/handlers/collection.hpp"
#include "storefront/handlers/request_values.hpp"
#include "storefront/repositories/subscription_repository.hpp"
#include "storefront/serialization/json_values.hpp"
#include "storefront/validation/customer_input.hpp"

namespace cartpress::plugins::storefront {
namespace {

constexpr std::size_t kMaxReferenceChars = 191;

// {"id","customer_email","reference","customer_id","created_at"}; anonymous callers get no
// customer_id, and the address they sent rather than a stored spelling of it.
json::Value subscription_json(const SubscriptionRecord& s, bool anonymous,
                              std::string_view email_shown, json::Allocator& a) {
    json::Value v(rapidjson::kObjectType);
    v.AddMember("id", s.id, a);
    v.AddMember("customer_email", json::str(anonymous ? email_shown : s.email, a), a);
    v.AddMember("reference", json::str(s.reference, a), a);
    if (!anonymous) {
        v.AddMember("customer_id",
                    s.customer_id ? json::Value(*s.customer_id) : json::Value(rapidjson::kNullType),
                    a);
    }
    v.AddMember("created_at", date_or_null(s.created_at, a), a);
    return v;
}

// The email of the token's customer (its key is what the customer's subscriptions use).
core::Result<std::string, rest::RestError> own_email(const StorefrontContext& sf,
                                                     rest::RequestContext& ctx,
                                                     std::int64_t customer_id) {
    auto found = CustomerRepository(ctx.db, sf.customer_queries).identity(customer_id);
    if (!found) return core::fail(db_failure("customer read", found.error()));
    if (!*found) return core::fail(errors::invalid_customer_token());
    return (*found)->email;
}

core::Result<std::string, rest::RestError> email_param(const rest::RestRequest& request) {
    const json::Value* v = request.param("customer_email");
    if (!v) return core::fail(missing_params({"customer_email"}));
    auto text = read_text("customer_email", *v, kMaxEmailChars);
    if (!text) return core::fail(invalid_params({text.error()}));
    if (!fluent_cart::is_email(*text)) {
        return core::fail(
            invalid_params({{"customer_email", "customer_email is not a valid email address."}}));
    }
    return *text;
}

rest::HandlerResult page_of(const StorefrontContext& sf, const rest::RestRequest& request,
                            rest::RequestContext& ctx, std::string_view email_key,
                            std::string_view reference, const std::string& route) {
    const Paging paging = read_paging(request);
    SubscriptionRepository repo(ctx.db, sf.subscription_queries);
    auto page = repo.page(email_key, reference, paging.per_page, paging.offset());
    if (!page) return core::fail(db_failure("subscription list", page.error()));
    if (auto bad = page_out_of_range(paging, page->total)) return core::fail(*bad);
    json::Document d(rapidjson::kArrayType);
    for (const auto& s : page->subscriptions) {
        d.PushBack(subscription_json(s, false, "", d.GetAllocator()), d.GetAllocator());
    }
    rest::RestResponse response(std::move(d));
    add_paging_headers(response, request, ctx, sf.rest_prefix, route, paging, page->total);
    return response;
}

}  // namespace

rest::HandlerResult subscribe(const StorefrontContext& sf, const rest::RestRequest& request,
                              rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    const json::Value* reference_value = request.param("reference");
    if (!reference_value) return core::fail(missing_params({"reference"}));
    auto reference = read_text("reference", *reference_value, kMaxReferenceChars);
    if (!reference) return core::fail(invalid_params({reference.error()}));
    if (reference->empty()) {
        return core::fail(invalid_params({{"reference", "reference must not be empty."}}));
    }
    std::string email;
    std::optional<std::int64_t> customer_id;
    if (actor->is_customer()) {
        auto own = own_email(sf, ctx, actor->customer_id);
        if (!own) return core::fail(own.error());
        email = *own;
        customer_id = actor->customer_id;
        if (request.param("customer_email")) {
            auto sent = email_param(request);
            if (!sent) return core::fail(sent.error());
            if (site::email_key(*sent) != site::email_key(email)) {
                return core::fail(errors::customer_mismatch());
            }
        }
    } else {
        if (actor->is_staff()) {
            if (auto refused = require_staff(*actor, ctx, "customers/manage")) {
                return core::fail(*refused);
            }
        }
        auto sent = email_param(request);
        if (!sent) return core::fail(sent.error());
        email = *sent;
    }
    const std::string key = site::email_key(email);
    SubscriptionRepository repo(ctx.db, sf.subscription_queries);
    if (!customer_id) {
        auto found = CustomerRepository(ctx.db, sf.customer_queries)
                         .id_by_email_key(key, sf.email_column_ci(ctx.db));
        if (!found) return core::fail(db_failure("customer lookup", found.error()));
        customer_id = *found;
    }
    auto saved = repo.subscribe(email, key, *reference, customer_id,
                                core::mysql_datetime(sf.clock.now_unix()));
    if (!saved) return core::fail(db_failure("subscription write", saved.error()));
    json::Document d;
    d.SetObject();
    static_cast<json::Value&>(d) =
        subscription_json(saved->row, actor->is_anonymous(), key, d.GetAllocator());
    rest::RestResponse response(std::move(d), saved->created ? 201 : 200);
    if (saved->created) {
        response.headers.push_back(
            {"Location",
             ctx.options.rest_url(sf.rest_prefix, "/storefront/v1/customer_subscriptions/" +
                                                      std::to_string(saved->row.id))});
    }
    return response;
}

rest::HandlerResult list_subscriptions(const StorefrontContext& sf,
                                       const rest::RestRequest& request,
                                       rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    if (auto refused = require_staff(*actor, ctx, "customers/view")) return core::fail(*refused);
    const std::string key = site::email_key(request.string_param("customer_email").value_or(""));
    return page_of(sf, request, ctx, key, request.string_param("reference").value_or(""),
                   "/storefront/v1/customer_subscriptions");
}

rest::HandlerResult list_my_subscriptions(const StorefrontContext& sf,
                                          const rest::RestRequest& request,
                                          rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    if (!actor->is_customer()) return core::fail(errors::customer_token_required());
    auto own = own_email(sf, ctx, actor->customer_id);
    if (!own) return core::fail(own.error());
    return page_of(sf, request, ctx, site::email_key(*own), "", "/storefront/v1/me/subscriptions");
}

rest::HandlerResult unsubscribe(const StorefrontContext& sf, const rest::RestRequest& request,
                                rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    const bool me = request.route().find("/me/") != std::string_view::npos;
    if (actor->is_anonymous() || (me && !actor->is_customer())) {
        return core::fail(errors::customer_token_required());
    }
    if (actor->is_staff()) {
        if (auto refused = require_staff(*actor, ctx, "customers/manage")) {
            return core::fail(*refused);
        }
    }
    SubscriptionRepository repo(ctx.db, sf.subscription_queries);
    auto found = repo.find(path_id(request, "id"));
    if (!found) return core::fail(db_failure("subscription read", found.error()));
    if (!*found) return core::fail(errors::subscription_not_found());
    if (actor->is_customer()) {
        // Its own: linked to it, or made for its email before it had an account.
        auto own = own_email(sf, ctx, actor->customer_id);
        if (!own) return core::fail(own.error());
        const bool mine = (*found)->customer_id == actor->customer_id ||
                          (*found)->email_key == site::email_key(*own);
        if (!mine) return core::fail(errors::subscription_not_found());
    }
    if (auto r = repo.remove((*found)->id); !r) {
        return core::fail(db_failure("subscription delete", r.error()));
    }
    json::Document d;
    d.SetObject();
    auto& a = d.GetAllocator();
    d.AddMember("deleted", true, a);
    d.AddMember("previous", subscription_json(**found, false, "", a), a);
    return rest::RestResponse(std::move(d));
}

}  // namespace cartpress::plugins::storefront
