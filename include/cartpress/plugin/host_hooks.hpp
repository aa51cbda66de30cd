#pragma once

#include <cartpress/auth/current_user.hpp>
#include <cartpress/plugin/hooks.hpp>
#include <cartpress/rest/request_context.hpp>
#include <cartpress/rest/rest_error.hpp>
#include <cartpress/rest/rest_request.hpp>
#include <cartpress/rest/rest_response.hpp>
#include <optional>
#include <string>
#include <vector>

namespace cartpress::plugin {

// The host's hooks, one member each, named after their WordPress twins: a typo is a compile
// error. Plugins add callbacks in register_hooks(); plugins keep their own hooks in their own
// structs of Filter/Action members.
struct HostHooks {
    // Who the request runs as. Application passwords sit at priority 20, as in WordPress.
    Filter<auth::CurrentUser, const rest::RestRequest&, rest::RequestContext&>
        determine_current_user;
    // An error here ends the request before routing (application-password errors at 90).
    Filter<std::optional<rest::RestError>, const rest::RestRequest&, rest::RequestContext&>
        rest_authentication_errors;
    // Runs after the handler, before WordPress's headers and _fields/_envelope.
    Filter<rest::RestResponse, const rest::RestRequest&, rest::RequestContext&> rest_post_dispatch;
    // Every error response of a REST request, before it is rendered (e.g. FluentCart adds
    // "wpfluent" to the data of every 404 under its namespace).
    Filter<rest::RestError, const rest::RestRequest&, rest::RequestContext&> rest_request_error;
    // The header names in Access-Control-Allow-Headers / -Expose-Headers of every REST answer
    // (e.g. storefront/v1 adds X-Customer-Token to its own routes').
    Filter<std::vector<std::string>, const rest::RestRequest&> rest_allowed_cors_headers;
    Filter<std::vector<std::string>, const rest::RestRequest&> rest_exposed_cors_headers;
    // After the response is built (for metrics, audit).
    Action<const rest::RestRequest&, int, rest::RequestContext&> cartpress_request_done;
};

}  // namespace cartpress::plugin
