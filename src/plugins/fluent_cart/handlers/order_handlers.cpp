#include "handlers/order_handlers.hpp"

#include <charconv>

#include "errors.hpp"
#include "handlers/db_errors.hpp"
#include "handlers/handler_support.hpp"
#include "repositories/order_repository.hpp"
#include "serialization/order_serializer.hpp"

namespace cartpress::plugins::fluent_cart {

std::optional<std::int64_t> parse_positive_id(std::string_view text) {
    if (text.empty() || text.size() > 19 || text[0] == '0') return std::nullopt;
    std::int64_t id = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || p != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

rest::HandlerResult get_order(const FluentCartContext& fc, const rest::RestRequest& request,
                              rest::RequestContext& ctx) {
    const auto not_found = [] {
        return core::fail(entity_not_found("Order not found", "Back to orders", "/orders"));
    };
    const auto id = url_id(request, "order_id");
    if (!id) return not_found();

    auto repository = make_mariadb_order_repository(ctx.db, fc.order_queries);
    auto graph = repository->find_graph(*id);
    if (!graph) return core::fail(db_failure(graph.error(), ctx));
    if (!*graph) return not_found();

    const SerializeContext sctx{
        fc.countries, StoreCurrency::from_settings(ctx.options.fluent_cart_store_settings),
        ctx.options};
    return rest::RestResponse(serialize_order_detail(**graph, sctx));
}

}  // namespace cartpress::plugins::fluent_cart
