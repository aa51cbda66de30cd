#pragma once

#include <cartpress/auth/current_user.hpp>
#include <cartpress/core/clock.hpp>
#include <cartpress/core/random.hpp>
#include <cartpress/rest/rest_error.hpp>
#include <cartpress/site/site_options.hpp>
#include <optional>
#include <string>

namespace cartpress::db {
class Session;
}

namespace cartpress::rest {

// Everything a request's stages share that is not the request itself. Built by the worker for
// each request; the database session belongs to the worker thread and outlives the request.
struct RequestContext {
    RequestContext(db::Session& session, const core::Clock& c, core::Random& r,
                   const site::SiteOptions& o)
        : db(session), clock(c), random(r), options(o) {}

    db::Session& db;
    const core::Clock& clock;
    core::Random& random;
    const site::SiteOptions& options;

    auth::CurrentUser user;
    std::string request_id;
    std::string remote_addr;
    // Whether application passwords can be used on this request (§11.7: HTTPS or a local site).
    bool app_passwords_available = false;
    // Set by an authenticator for the rest_authentication_errors stage (e.g. a throttled login).
    std::optional<RestError> auth_error;
};

}  // namespace cartpress::rest
