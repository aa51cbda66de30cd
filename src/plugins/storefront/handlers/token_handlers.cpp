#include "storefront/handlers/token_handlers.hpp"

#include <openssl/crypto.h>

#include <cartpress/auth/password_hash.hpp>
#include <cartpress/core/digest.hpp>
#include <cartpress/core/strings.hpp>
#include <cartpress/core/utc_time.hpp>
#include <cartpress/db/transaction.hpp>
#include <cartpress/site/email_identity.hpp>

#include "storefront/domain/customer_token.hpp"
#include "storefront/errors.hpp"
#include "storefront/handlers/actor.hpp"
#include "storefront/handlers/request_values.hpp"

namespace cartpress::plugins::storefront {
namespace {

// Login throttle (spec §6): failures per (IP, email key) and per IP within one window.
constexpr std::int64_t kThrottleWindow = 15 * 60;
constexpr std::int64_t kMaxPairFailures = 5;
constexpr std::int64_t kMaxIpFailures = 50;
// A refresh chain ends this long after the password login.
constexpr std::int64_t kSessionLifetime = 30 * 86400;
constexpr std::size_t kUserAgentColumn = 255;
constexpr std::size_t kIpColumn = 45;

struct ThrottleKeys {
    std::string ip;
    std::string pair;
};

// The pair bucket hashes the email so the table never holds addresses (and stays < 191 chars).
ThrottleKeys throttle_keys(std::string_view ip, std::string_view email_key) {
    std::string pair_source(ip);
    pair_source += '\n';
    pair_source += email_key;
    return {"login:ip:" + std::string(ip),
            "login:pair:" + core::hex(core::sha256(pair_source), 20)};
}

// Seconds until the fullest bucket's window ends; nothing when no bucket is over its limit.
std::optional<std::int64_t> throttled(const std::vector<ThrottleBucket>& buckets,
                                      const ThrottleKeys& keys, std::int64_t now) {
    std::optional<std::int64_t> retry;
    for (const auto& b : buckets) {
        const auto start = core::unix_from_mysql(b.window_start);
        if (!start || *start + kThrottleWindow <= now) continue;  // an old window
        const std::int64_t limit = b.bucket == keys.ip ? kMaxIpFailures : kMaxPairFailures;
        if (b.hits < limit) continue;
        const std::int64_t wait = *start + kThrottleWindow - now;
        if (!retry || wait > *retry) retry = wait;
    }
    return retry;
}

// A hash to check wrong logins against when there is no account, so that "no such account"
// and "wrong password" take the same time (phpass: the legacy format every store can hold).
const std::string& decoy_hash() {
    static const std::string hash = [] {
        core::SecureRandom random;
        return auth::hash_phpass(random.bytes(16), random);
    }();
    return hash;
}

std::string random_hex(core::Random& random, std::size_t bytes) {
    const std::string raw = random.bytes(bytes);
    return core::hex(std::span(reinterpret_cast<const unsigned char*>(raw.data()), raw.size()));
}

std::string clipped(std::optional<std::string_view> v, std::size_t max) {
    if (!v) return {};
    return std::string(utf8_prefix(*v, max));
}

// Issues a token row and its text, answering 201 {type, customer_id, token, expires, expires_in}.
rest::HandlerResult issue_token(const StorefrontContext& sf, const rest::RestRequest& request,
                                rest::RequestContext& ctx, TokenRepository& tokens,
                                std::int64_t customer_id, std::string session_id_hex,
                                std::int64_t session_expires, std::int64_t now) {
    const std::int64_t expires = std::min(now + sf.settings.token_ttl, session_expires);
    TokenClaims claims{customer_id, expires, ctx.random.bytes(kTokenIdBytes)};
    NewToken row;
    row.token_hash_hex = core::hex(core::sha256(claims.id));
    row.customer_id = customer_id;
    row.session_id_hex = std::move(session_id_hex);
    row.created_at = core::mysql_datetime(now);
    row.expires_at = core::mysql_datetime(expires);
    row.session_expires_at = core::mysql_datetime(session_expires);
    row.ip = clipped(ctx.remote_addr, kIpColumn);
    row.user_agent = clipped(request.server_param("HTTP_USER_AGENT"), kUserAgentColumn);
    auto id = tokens.insert(row);
    if (!id) return core::fail(errors::internal("storefront token insert: " + id.error().message));

    json::Document d(rapidjson::kObjectType);
    auto& a = d.GetAllocator();
    d.AddMember("type", "customer_token", a);
    d.AddMember("customer_id", customer_id, a);
    d.AddMember("token", json::str(sign_token(sf.settings.token_key, claims), a), a);
    d.AddMember("expires", json::str(*core::iso8601_utc(row.expires_at), a), a);
    d.AddMember("expires_in", expires - now, a);
    rest::RestResponse response(std::move(d), 201);
    response.headers.push_back({"Cache-Control", "no-store"});
    return response;
}

}  // namespace

rest::HandlerResult create_token(const StorefrontContext& sf, const rest::RestRequest& request,
                                 rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    if (sf.settings.token_key.empty()) {
        return core::fail(errors::internal("storefront: no token key configured"));
    }
    const std::string email = request.string_param("email").value_or("");
    std::string password(core::php_trim(request.string_param("password").value_or("")));
    const std::string key = site::email_key(email);
    const std::int64_t now = sf.clock.now_unix();
    const ThrottleKeys keys = throttle_keys(ctx.remote_addr, key);
    TokenRepository tokens(ctx.db, sf.token_queries);

    auto buckets = tokens.throttle(keys.ip, keys.pair);
    if (!buckets) {
        return core::fail(errors::internal("storefront throttle: " + buckets.error().message));
    }
    if (auto wait = throttled(*buckets, keys, now)) {
        return core::fail(errors::too_many_attempts(*wait));
    }

    auto account = tokens.login_account(key, sf.email_column_ci(ctx.db));
    if (!account) {
        return core::fail(errors::internal("storefront login: " + account.error().message));
    }
    const bool has_account = *account && (*account)->user_id && !(*account)->user_pass.empty();
    bool password_ok = false;
    if (has_account) {
        password_ok = auth::verify_password(password, (*account)->user_pass);
    } else {
        (void)auth::verify_password(password, decoy_hash());
    }
    OPENSSL_cleanse(password.data(), password.size());
    if (!password_ok || (*account)->user_status != 0) {
        const std::string floor = core::mysql_datetime(now - kThrottleWindow);
        const std::string now_text = core::mysql_datetime(now);
        for (const auto& bucket : {keys.ip, keys.pair}) {
            if (auto hit = tokens.hit(bucket, now_text, floor); !hit) {
                return core::fail(errors::internal("storefront throttle: " + hit.error().message));
            }
        }
        return core::fail(errors::invalid_credentials());
    }
    if (auto cleared = tokens.clear(keys.pair); !cleared) {
        return core::fail(errors::internal("storefront throttle: " + cleared.error().message));
    }
    if ((*account)->customer_status == "inactive") return core::fail(errors::customer_inactive());
    return issue_token(sf, request, ctx, tokens, (*account)->customer_id,
                       random_hex(ctx.random, 16), now + kSessionLifetime, now);
}

rest::HandlerResult refresh_token(const StorefrontContext& sf, const rest::RestRequest& request,
                                  rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    if (!actor->is_customer()) return core::fail(errors::customer_token_required());
    const std::int64_t now = sf.clock.now_unix();
    const auto session_expires = core::unix_from_mysql(actor->session_expires_at);
    if (!session_expires || *session_expires <= now) {
        return core::fail(errors::customer_token_expired());
    }
    TokenRepository tokens(ctx.db, sf.token_queries);
    db::Transaction tx(ctx.db);
    if (!tx.started()) return core::fail(errors::internal("storefront refresh: begin"));
    if (auto revoked = tokens.revoke(actor->token_id, core::mysql_datetime(now)); !revoked) {
        return core::fail(errors::internal("storefront refresh: " + revoked.error().message));
    }
    auto issued = issue_token(sf, request, ctx, tokens, actor->customer_id, actor->session_id_hex,
                              *session_expires, now);
    if (!issued) return issued;
    if (auto done = tx.commit(); !done) {
        return core::fail(errors::internal("storefront refresh: " + done.error().message));
    }
    return issued;
}

rest::HandlerResult delete_current_token(const StorefrontContext& sf,
                                         const rest::RestRequest& request,
                                         rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    if (!actor->is_customer()) return core::fail(errors::customer_token_required());
    TokenRepository tokens(ctx.db, sf.token_queries);
    if (auto revoked = tokens.revoke(actor->token_id, core::mysql_datetime(sf.clock.now_unix()));
        !revoked) {
        return core::fail(errors::internal("storefront logout: " + revoked.error().message));
    }
    return no_content();
}

rest::HandlerResult revoke_customer_tokens(const StorefrontContext& sf,
                                           const rest::RestRequest& request,
                                           rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    if (auto refused = require_staff(*actor, ctx, "customers/manage")) return core::fail(*refused);
    const std::int64_t customer_id = path_id(request, "id");
    TokenRepository tokens(ctx.db, sf.token_queries);
    auto exists = CustomerRepository(ctx.db, sf.customer_queries).identity(customer_id);
    if (!exists) {
        return core::fail(errors::internal("storefront revoke: " + exists.error().message));
    }
    if (!*exists) return core::fail(errors::customer_not_found());
    auto revoked = tokens.revoke_customer(customer_id, core::mysql_datetime(sf.clock.now_unix()));
    if (!revoked) {
        return core::fail(errors::internal("storefront revoke: " + revoked.error().message));
    }
    return no_content();
}

}  // namespace cartpress::plugins::storefront
