#include "storefront/handlers/request_values.hpp"

#include <cartpress/core/utf8.hpp>

#include "fluent_cart/handlers/handler_support.hpp"
#include "storefront/errors.hpp"

namespace cartpress::plugins::storefront {

std::int64_t path_id(const rest::RestRequest& request, std::string_view name) {
    return fluent_cart::url_id(request, name).value_or(0);
}

std::optional<rest::RestError> require_staff(const Actor& actor, const rest::RequestContext& ctx,
                                             std::string_view permission) {
    if (actor.is_staff() && staff_can(ctx, permission)) return std::nullopt;
    return rest::errors::forbidden(!actor.is_anonymous());
}

std::optional<rest::RestError> may_act_on(const Actor& actor, const rest::RequestContext& ctx,
                                          std::int64_t id, std::string_view permission) {
    if (actor.is_customer()) {
        if (actor.customer_id != id) return errors::customer_mismatch();
        return std::nullopt;
    }
    if (actor.is_anonymous()) return errors::customer_token_required();
    return require_staff(actor, ctx, permission);
}

const json::Value& body_of(const rest::RestRequest& request) {
    static const json::Value kEmpty(rapidjson::kObjectType);
    if (!request.json_body().IsNull()) return request.json_body();
    if (request.body_params().IsObject()) return request.body_params();
    return kEmpty;
}

rest::RestResponse no_content() {
    rest::RestResponse r;
    r.status = 204;
    return r;
}

std::string_view utf8_prefix(std::string_view s, std::size_t max_chars) {
    std::size_t at = 0;
    for (std::size_t chars = 0; chars < max_chars && at < s.size(); ++chars) {
        const std::size_t n = core::utf8_sequence_length(s, at);
        if (n == 0) break;
        at += n;
    }
    return s.substr(0, at);
}

}  // namespace cartpress::plugins::storefront
