#pragma once

#include <cartpress/http/request.hpp>
#include <cartpress/http/response.hpp>
#include <cartpress/plugin/host_hooks.hpp>
#include <cartpress/rest/request_context.hpp>
#include <cartpress/rest/router.hpp>
#include <functional>
#include <string>
#include <vector>

namespace cartpress::rest {

struct DispatcherSettings {
    std::string rest_prefix = "wp-json";
    std::size_t max_body_bytes = 1 << 20;
    bool jsonp_enabled = true;
    std::vector<std::string> allowed_origins = {"*"};  // "*" echoes any Origin, as WordPress
};

// Logs an error that becomes a 500 (request id, internal detail); never sent to the client.
using ErrorLogger = std::function<void(const std::string& request_id, const std::string& detail)>;

// WordPress's REST server for one request, in the order of wordpress-rest.md §3:
// body limit → route string → method override → authenticate → OPTIONS → match → JSON body →
// args → permission → handler → headers, _fields, _envelope, _jsonp/_pretty.
class Dispatcher {
public:
    Dispatcher(const Router& router, const plugin::HostHooks& hooks, DispatcherSettings settings,
               ErrorLogger log_error);

    // Never throws: anything unexpected becomes cartpress_internal_error with the request id.
    http::Response handle(http::Request& request, RequestContext& ctx) const;

private:
    struct Outcome;
    http::Response dispatch(http::Request& request, RequestContext& ctx) const;

    const Router& router_;
    const plugin::HostHooks& hooks_;
    DispatcherSettings settings_;
    ErrorLogger log_error_;
};

// The route string of a request (§2), or nullopt when it is not a REST request.
std::optional<std::string> resolve_route(std::string_view request_uri, const json::Value& query,
                                         std::string_view rest_prefix);

}  // namespace cartpress::rest
