#include "storefront/handlers/cart_handlers.hpp"

#include <cartpress/core/utc_time.hpp>
#include <cartpress/db/transaction.hpp>

#include "fluent_cart/handlers/handler_support.hpp"
#include "storefront/errors.hpp"
#include "storefront/handlers/actor.hpp"
#include "storefront/handlers/request_values.hpp"
#include "storefront/repositories/cart_repository.hpp"

namespace cartpress::plugins::storefront {
namespace {

// The body's one customer id, checked in the order of §12.1's table.
core::Result<std::int64_t, rest::RestError> relationship_customer(const rest::RestRequest& r) {
    const json::Value* data = r.param("data");
    if (!data || !data->IsArray() || data->Size() != 1 || !(*data)[0].IsObject()) {
        return core::fail(
            invalid_params({{"data", "data must be a list of exactly one customer object."}}));
    }
    const json::Value& item = (*data)[0];
    const auto type = item.FindMember("type");
    if (type == item.MemberEnd() || !type->value.IsString() ||
        json::view(type->value) != "customer") {
        return core::fail(errors::invalid_relationship_type());
    }
    const auto id = item.FindMember("id");
    const auto customer_id =
        id == item.MemberEnd() ? std::nullopt : fluent_cart::canonical_id(&id->value);
    if (!customer_id) {
        return core::fail(invalid_params({{"data", "data[0].id must be a positive integer."}}));
    }
    return *customer_id;
}

// Who may (dis)associate: a customer token for itself, or staff with customers/manage.
std::optional<rest::RestError> refused(const Actor& actor, const rest::RequestContext& ctx,
                                       std::int64_t customer_id) {
    if (actor.is_customer()) {
        return actor.customer_id == customer_id ? std::nullopt
                                                : std::optional(errors::customer_mismatch());
    }
    if (actor.is_staff() && staff_can(ctx, "customers/manage")) return std::nullopt;
    return errors::customer_token_required();
}

struct CartRequest {
    Actor actor;
    std::int64_t customer_id = 0;
    std::string cart_hash;
};

core::Result<CartRequest, rest::RestError> read_request(const StorefrontContext& sf,
                                                        const rest::RestRequest& request,
                                                        rest::RequestContext& ctx) {
    auto customer_id = relationship_customer(request);
    if (!customer_id) return core::fail(customer_id.error());
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    if (auto no = refused(*actor, ctx, *customer_id)) return core::fail(*no);
    return CartRequest{*actor, *customer_id, fluent_cart::url_text(request, "cart_hash")};
}

}  // namespace

rest::HandlerResult associate_cart(const StorefrontContext& sf, const rest::RestRequest& request,
                                   rest::RequestContext& ctx) {
    auto req = read_request(sf, request, ctx);
    if (!req) return core::fail(req.error());
    CartRepository carts(ctx.db, sf.cart_queries);
    db::Transaction tx(ctx.db, db::Isolation::kReadCommitted);
    if (!tx.started()) return core::fail(db_failure("begin", tx.started().error()));
    auto customer = CustomerRepository(ctx.db, sf.customer_queries).identity(req->customer_id);
    if (!customer) return core::fail(db_failure("customer read", customer.error()));
    if (!*customer) return core::fail(errors::customer_not_found());
    auto cart = carts.lock(req->cart_hash);
    if (!cart) return core::fail(db_failure("cart read", cart.error()));
    if (!*cart || (*cart)->deleted) return core::fail(errors::cart_not_found());
    if ((*cart)->completed) return core::fail(errors::cart_completed());
    if ((*cart)->customer_id == req->customer_id) return no_content();
    // A cart hash must not let one shopper take another's cart (§14 #11); staff may move it.
    if ((*cart)->customer_id && req->actor.is_customer()) return core::fail(errors::cart_owned());
    const std::string now = core::mysql_datetime(sf.clock.now_unix());
    if (auto r = carts.associate(req->cart_hash, **customer, now); !r) {
        return core::fail(db_failure("cart write", r.error()));
    }
    if (auto done = tx.commit(); !done) return core::fail(db_failure("commit", done.error()));
    json::Document d;
    d.SetObject();
    auto& a = d.GetAllocator();
    json::Value item(rapidjson::kObjectType);
    item.AddMember("type", "customer", a);
    item.AddMember("id", json::str(std::to_string(req->customer_id), a), a);
    json::Value list(rapidjson::kArrayType);
    list.PushBack(item, a);
    d.AddMember("data", list, a);
    return rest::RestResponse(std::move(d));
}

rest::HandlerResult dissociate_cart(const StorefrontContext& sf, const rest::RestRequest& request,
                                    rest::RequestContext& ctx) {
    auto req = read_request(sf, request, ctx);
    if (!req) return core::fail(req.error());
    CartRepository carts(ctx.db, sf.cart_queries);
    db::Transaction tx(ctx.db, db::Isolation::kReadCommitted);
    if (!tx.started()) return core::fail(db_failure("begin", tx.started().error()));
    auto cart = carts.lock(req->cart_hash);
    if (!cart) return core::fail(db_failure("cart read", cart.error()));
    if (!*cart || (*cart)->deleted) return core::fail(errors::cart_not_found());
    if ((*cart)->customer_id != req->customer_id) {
        // Nothing of this customer to clear; another customer's cart stays theirs.
        if ((*cart)->customer_id && req->actor.is_customer()) {
            return core::fail(errors::cart_owned());
        }
        return no_content();
    }
    if ((*cart)->completed) return core::fail(errors::cart_completed());
    if (auto r = carts.dissociate(req->cart_hash, core::mysql_datetime(sf.clock.now_unix())); !r) {
        return core::fail(db_failure("cart write", r.error()));
    }
    if (auto done = tx.commit(); !done) return core::fail(db_failure("commit", done.error()));
    return no_content();
}

}  // namespace cartpress::plugins::storefront
