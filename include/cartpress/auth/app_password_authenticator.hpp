#pragma once

#include <cartpress/auth/auth_throttle.hpp>
#include <cartpress/auth/current_user.hpp>
#include <cartpress/auth/user_repository.hpp>
#include <cartpress/auth/verified_hash_cache.hpp>
#include <cartpress/http/request.hpp>
#include <cartpress/plugin/host_hooks.hpp>
#include <cstdint>

namespace cartpress::auth {

struct AppPasswordSettings {
    bool surface_errors = false;     // §11.8: explicit 401s instead of running anonymous
    bool force_available = false;    // §11.7: the filter that makes them available anywhere
    bool local_environment = false;  // WP_ENVIRONMENT_TYPE = local
    std::int64_t usage_interval = 86400;
};

// HTTP Basic with WordPress application passwords (§11.2–11.8).
class ApplicationPasswordAuthenticator {
public:
    ApplicationPasswordAuthenticator(AppPasswordSettings settings, const UserQueries& queries,
                                     AuthThrottle& throttle, VerifiedHashCache& verified,
                                     UserRowLocations& user_rows);

    // §11.7: HTTPS (HTTPS on/1, or unset with port 443), a local site, or forced.
    bool available(const http::Request& request) const;

    // The user the credentials name, or anonymous; problems go to ctx.auth_error.
    CurrentUser authenticate(const rest::RestRequest& request, rest::RequestContext& ctx) const;

    // determine_current_user at 20 and rest_authentication_errors at 90, as in WordPress.
    void register_hooks(plugin::HostHooks& hooks) const;

private:
    AppPasswordSettings settings_;
    const UserQueries& queries_;
    AuthThrottle& throttle_;
    VerifiedHashCache& verified_;
    UserRowLocations& user_rows_;
};

}  // namespace cartpress::auth
