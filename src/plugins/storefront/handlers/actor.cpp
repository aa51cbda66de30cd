#include "storefront/handlers/actor.hpp"

#include <cartpress/core/digest.hpp>
#include <cartpress/core/utc_time.hpp>

#include "fluent_cart/permissions.hpp"
#include "storefront/domain/customer_token.hpp"
#include "storefront/errors.hpp"

namespace cartpress::plugins::storefront {
namespace {

// last_used_at is refreshed at most this often (spec §6): a busy shopper costs no write per
// request.
constexpr std::int64_t kTouchInterval = 60;

}  // namespace

std::optional<std::string_view> customer_token_header(const rest::RestRequest& request) {
    return request.server_param("HTTP_X_CUSTOMER_TOKEN");
}

bool staff_can(const rest::RequestContext& ctx, std::string_view permission) {
    return fluent_cart::has_permission(ctx.user, permission);
}

core::Result<Actor, rest::RestError> resolve_actor(const rest::RestRequest& request,
                                                   rest::RequestContext& ctx,
                                                   const StorefrontContext& sf) {
    Actor actor;
    const auto header = customer_token_header(request);
    if (!header) {
        actor.kind = ctx.user.logged_in() ? Actor::Kind::kStaff : Actor::Kind::kAnonymous;
        return actor;
    }
    if (sf.settings.token_key.empty()) {
        return core::fail(errors::internal(
            "storefront: no token key (set storefront.token_secret or the AUTH_KEY/AUTH_SALT "
            "salts)"));
    }
    const std::int64_t now = sf.clock.now_unix();
    auto verified = verify_token(sf.settings.token_key, *header, now);
    if (!verified) {
        return core::fail(verified.error() == TokenProblem::kExpired
                              ? errors::customer_token_expired()
                              : errors::invalid_customer_token());
    }
    TokenRepository tokens(ctx.db, sf.token_queries);
    auto row = tokens.find(core::hex(verified->id_hash));
    if (!row) {
        return core::fail(errors::internal("storefront token lookup: " + row.error().message));
    }
    const std::string expires_at = core::mysql_datetime(verified->claims.expires);
    if (!*row || (*row)->revoked || (*row)->customer_id != verified->claims.customer_id ||
        (*row)->expires_at != expires_at) {
        return core::fail(errors::invalid_customer_token());
    }
    if (!(*row)->customer_exists) return core::fail(errors::invalid_customer_token());
    if ((*row)->customer_status == "inactive") return core::fail(errors::customer_inactive());
    const std::string now_text = core::mysql_datetime(now);
    const std::string since = core::mysql_datetime(now - kTouchInterval);
    if (!(*row)->last_used_at || *(*row)->last_used_at < since) {
        // Best effort: a failed touch must not refuse a valid token.
        (void)tokens.touch((*row)->id, now_text, since);
    }
    actor.kind = Actor::Kind::kCustomer;
    actor.customer_id = (*row)->customer_id;
    actor.token_id = (*row)->id;
    actor.session_id_hex = (*row)->session_id_hex;
    actor.session_expires_at = (*row)->session_expires_at;
    return actor;
}

}  // namespace cartpress::plugins::storefront
