#include <strings.h>

#include <cartpress/auth/app_password_authenticator.hpp>
#include <cartpress/auth/application_passwords.hpp>
#include <cartpress/auth/basic_credentials.hpp>
#include <cartpress/auth/capabilities.hpp>
#include <cartpress/auth/password_hash.hpp>
#include <cartpress/core/log.hpp>
#include <cartpress/core/strings.hpp>

namespace cartpress::auth {
namespace {

bool looks_like_email(std::string_view s) {
    const auto at = s.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < s.size();
}

rest::RestError auth_error(std::string code, std::string message) {
    return rest::RestError::make(std::move(code), std::move(message), 401);
}

}  // namespace

ApplicationPasswordAuthenticator::ApplicationPasswordAuthenticator(AppPasswordSettings settings,
                                                                   const UserQueries& queries,
                                                                   AuthThrottle& throttle,
                                                                   VerifiedHashCache& verified,
                                                                   UserRowLocations& user_rows)
    : settings_(settings),
      queries_(queries),
      throttle_(throttle),
      verified_(verified),
      user_rows_(user_rows) {}

bool ApplicationPasswordAuthenticator::available(const http::Request& request) const {
    if (settings_.force_available || settings_.local_environment) return true;
    if (auto https = request.param("HTTPS"); https && !https->empty()) {
        return strcasecmp(std::string(*https).c_str(), "on") == 0 || *https == "1";
    }
    return request.param_or_empty("SERVER_PORT") == "443";
}

CurrentUser ApplicationPasswordAuthenticator::authenticate(const rest::RestRequest& request,
                                                           rest::RequestContext& ctx) const {
    auto header = request.server_param("HTTP_AUTHORIZATION");
    if (!header || header->empty()) header = request.server_param("REDIRECT_HTTP_AUTHORIZATION");
    if (!header) return {};
    auto credentials = parse_basic_authorization(*header);
    if (!credentials) return {};
    // The global gate (§11.4.1): otherwise Basic is ignored silently.
    if (!ctx.options.using_application_passwords || !ctx.app_passwords_available) return {};

    const std::string login(core::php_trim(credentials->user));
    const std::string throttle_key = AuthThrottle::key(ctx.remote_addr, login);
    const auto now = ctx.clock.steady_now();
    if (auto wait = throttle_.blocked_for(throttle_key, now)) {
        ctx.auth_error = rest::errors::too_many_auth_failures(*wait);
        return {};
    }

    auto repository = make_mariadb_user_repository(ctx.db, queries_, user_rows_);
    auto user = repository->find_by_login(login);
    if (user && !*user && looks_like_email(login)) user = repository->find_by_email(login);
    if (!user) {
        ctx.auth_error = rest::errors::db_unavailable();
        if (user.error().kind != db::DbError::Kind::kConnectionLost) {
            ctx.auth_error = rest::errors::internal(ctx.request_id, user.error().message);
        }
        return {};
    }
    if (!*user) {
        throttle_.record_failure(throttle_key, now);
        if (settings_.surface_errors) {
            ctx.auth_error =
                looks_like_email(login)
                    ? auth_error("invalid_email",
                                 "<strong>Error:</strong> Unknown email address. Check again or "
                                 "try your username.")
                    : auth_error("invalid_username",
                                 "<strong>Error:</strong> Unknown username. Check again or try "
                                 "your email address.");
        }
        return {};
    }

    const UserAuthRecord& record = **user;
    const std::string password = normalize_app_password(credentials->password);
    const auto items = parse_application_passwords(record.application_passwords.value_or(""));
    const ApplicationPassword* matched = nullptr;
    if (credentials->password.size() <= kMaxPasswordBytes) {
        for (const auto& item : items) {
            if (verified_.verify(item.password_hash, password)) {
                matched = &item;
                break;
            }
        }
    }
    if (!matched) {
        throttle_.record_failure(throttle_key, now);
        if (settings_.surface_errors) {
            ctx.auth_error = auth_error(
                "incorrect_password", "The provided password is an invalid application password.");
        }
        return {};
    }

    CurrentUser current;
    current.id = record.id;
    current.login = record.login;
    current.email = record.email;
    current.capabilities =
        effective_capabilities(record.capabilities.value_or(""), ctx.options.roles);
    current.app_password_uuid = matched->uuid;

    const std::int64_t wall = ctx.clock.now_unix();
    if (matched->last_used + settings_.usage_interval <= wall) {
        auto recorded = repository->record_app_password_use(
            record.id, matched->uuid, wall, ctx.remote_addr, settings_.usage_interval);
        if (!recorded) {
            core::log_warn("request " + ctx.request_id +
                           ": recording application password use failed (" +
                           recorded.error().message + ")");
        }
    }
    return current;
}

void ApplicationPasswordAuthenticator::register_hooks(plugin::HostHooks& hooks) const {
    hooks.determine_current_user.add(
        20, [this](CurrentUser user, const rest::RestRequest& request, rest::RequestContext& ctx) {
            if (user.logged_in()) return user;  // an earlier method (cookie) decided
            return authenticate(request, ctx);
        });
    hooks.rest_authentication_errors.add(
        90, [](std::optional<rest::RestError> error, const rest::RestRequest&,
               rest::RequestContext& ctx) {
            if (error) return error;
            return ctx.auth_error;
        });
}

}  // namespace cartpress::auth
