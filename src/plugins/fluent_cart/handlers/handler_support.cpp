#include "handlers/handler_support.hpp"

#include <cartpress/core/log.hpp>
#include <string>

#include "handlers/order_handlers.hpp"

namespace cartpress::plugins::fluent_cart {

rest::RestError busy(const rest::RequestContext& ctx, std::string_view what) {
    core::log_warn("request " + ctx.request_id + ": gave up: " + std::string(what));
    return rest::errors::db_unavailable();
}

SerializeContext serialize_context(const FluentCartContext& fc, const rest::RequestContext& ctx) {
    return SerializeContext{fc.countries,
                            StoreCurrency::from_settings(ctx.options.fluent_cart_store_settings),
                            ctx.options};
}

std::string url_text(const rest::RestRequest& request, std::string_view name) {
    const auto& url = request.url_params();
    if (!url.IsObject()) return "";
    const auto it = url.FindMember(rapidjson::StringRef(name.data(), name.size()));
    if (it == url.MemberEnd() || !it->value.IsString()) return "";
    return std::string(json::view(it->value));
}

std::optional<std::int64_t> url_id(const rest::RestRequest& request, std::string_view name) {
    return parse_positive_id(url_text(request, name));
}

std::optional<std::int64_t> canonical_id(const json::Value* v) {
    if (!v) return std::nullopt;
    if (v->IsInt64()) {
        return v->GetInt64() > 0 ? std::optional<std::int64_t>(v->GetInt64()) : std::nullopt;
    }
    if (v->IsString()) return parse_positive_id(json::view(*v));
    return std::nullopt;
}

}  // namespace cartpress::plugins::fluent_cart
