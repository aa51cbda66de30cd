#include "storefront/handlers/history_handlers.hpp"

#include "storefront/errors.hpp"
#include "storefront/handlers/actor.hpp"
#include "storefront/handlers/collection.hpp"
#include "storefront/handlers/request_values.hpp"
#include "storefront/serialization/order_json.hpp"

namespace cartpress::plugins::storefront {
namespace {

rest::HandlerResult history_page(const StorefrontContext& sf, const rest::RestRequest& request,
                                 rest::RequestContext& ctx, std::int64_t customer_id,
                                 const std::string& route) {
    const Paging paging = read_paging(request);
    const std::string status = request.string_param("status").value_or("");
    StoreOrderRepository orders(ctx.db, sf.store_order_queries);
    auto page = orders.history(customer_id, status, paging.per_page, paging.offset());
    if (!page) return core::fail(db_failure("order history", page.error()));
    if (auto bad = page_out_of_range(paging, page->total)) return core::fail(*bad);
    json::Document d(rapidjson::kArrayType);
    for (const auto& o : page->orders) {
        d.PushBack(order_summary_json(o, true, d.GetAllocator()), d.GetAllocator());
    }
    rest::RestResponse response(std::move(d));
    add_paging_headers(response, request, ctx, sf.rest_prefix, route, paging, page->total);
    return response;
}

}  // namespace

rest::HandlerResult list_customer_orders(const StorefrontContext& sf,
                                         const rest::RestRequest& request,
                                         rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    const std::int64_t id = path_id(request, "id");
    if (auto refused = may_act_on(*actor, ctx, id, "orders/view")) return core::fail(*refused);
    return history_page(sf, request, ctx, id,
                        "/storefront/v1/customers/" + std::to_string(id) + "/orders");
}

rest::HandlerResult list_my_orders(const StorefrontContext& sf, const rest::RestRequest& request,
                                   rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    if (!actor->is_customer()) return core::fail(errors::customer_token_required());
    return history_page(sf, request, ctx, actor->customer_id, "/storefront/v1/me/orders");
}

rest::HandlerResult get_my_order(const StorefrontContext& sf, const rest::RestRequest& request,
                                 rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    if (!actor->is_customer()) return core::fail(errors::customer_token_required());
    StoreOrderRepository orders(ctx.db, sf.store_order_queries);
    auto detail = orders.detail(path_id(request, "order_id"));
    if (!detail) return core::fail(db_failure("order read", detail.error()));
    // Another customer's order looks exactly like a missing one.
    if (!*detail || (*detail)->summary.customer_id != actor->customer_id ||
        (*detail)->summary.status == "draft") {
        return core::fail(errors::order_not_found());
    }
    json::Document d;
    d.SetObject();
    static_cast<json::Value&>(d) = order_detail_json(**detail, d.GetAllocator());
    return rest::RestResponse(std::move(d));
}

}  // namespace cartpress::plugins::storefront
