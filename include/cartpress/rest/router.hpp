#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/rest/request_context.hpp>
#include <cartpress/rest/rest_error.hpp>
#include <cartpress/rest/rest_request.hpp>
#include <cartpress/rest/rest_response.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cartpress::rest {

enum class ArgType { kAny, kString, kInteger, kNumber, kBoolean, kArray, kObject };

// A declared argument (WordPress's `args` entry): checked before the permission callback.
struct ArgSpec {
    std::string name;
    ArgType type = ArgType::kAny;
    bool required = false;
    std::string description;
    std::optional<std::string> default_json;  // the default as JSON text, e.g. "10" or "\"view\""
    std::vector<std::string> enum_values;
    std::optional<std::int64_t> minimum;
    std::optional<std::int64_t> maximum;
};

// false means "not allowed" (rest_forbidden, 401 or 403); an error is sent as it is.
using PermissionResult = core::Result<bool, RestError>;
using PermissionCallback = std::function<PermissionResult(const RestRequest&, RequestContext&)>;
using HandlerResult = core::Result<RestResponse, RestError>;
using Handler = std::function<HandlerResult(const RestRequest&, RequestContext&)>;

struct Endpoint {
    std::vector<std::string> methods;  // uppercase, e.g. {"GET"} or {"POST", "PUT", "PATCH"}
    Handler handler;
    PermissionCallback permission;  // empty = public
    std::vector<ArgSpec> args;
    // Declared for Allow and OPTIONS only, never dispatched (a route the host does not
    // implement but a client may ask about, e.g. FluentCart's DELETE orders/{id}).
    bool allow_only = false;

    bool accepts(std::string_view method) const;
};

// A path pattern such as "/fluent-cart/v2/orders/{order_id:int}". Segments are literals
// (matched case-insensitively, like WordPress's /i regexes), `{name}` (one non-empty segment)
// or `{name:int}` (digits only, so "orders/abc" is rest_no_route).
class Route {
public:
    Route(std::string ns, std::string path);

    const std::string& ns() const { return ns_; }
    const std::string& path() const { return path_; }
    // The WordPress-style regex shown in the index: /ns/orders/(?P<order_id>[\d]+)
    const std::string& display_pattern() const { return display_; }
    bool has_params() const;
    const std::vector<Endpoint>& endpoints() const { return endpoints_; }
    std::vector<Endpoint>& mutable_endpoints() { return endpoints_; }

    // Captured parameters on a match.
    std::optional<std::vector<std::pair<std::string, std::string>>> match(
        std::string_view route) const;

private:
    struct Segment {
        enum class Kind { kLiteral, kParam, kIntParam } kind;
        std::string text;  // literal text or parameter name
    };
    std::string ns_;
    std::string path_;
    std::string display_;
    std::vector<Segment> segments_;
    std::vector<Endpoint> endpoints_;
};

// Routes of every plugin, registered from main in a fixed order, then frozen: worker threads
// only read it.
class Router {
public:
    // `pattern` is relative to the namespace ("orders/{id:int}", "" for the namespace root).
    // A second registration of the same pattern adds endpoints to the same route.
    void add(std::string_view ns, std::string_view pattern, Endpoint endpoint);
    void freeze() { frozen_ = true; }

    struct Match {
        const Route* route = nullptr;
        const Endpoint* endpoint = nullptr;  // null: the path matched but not the method
        std::vector<std::pair<std::string, std::string>> url_params;
    };
    // The first route whose pattern matches and that has an endpoint for the method; else the
    // first route whose pattern matches (endpoint null); else nothing.
    std::optional<Match> match(std::string_view route, std::string_view method) const;

    const std::vector<Route>& routes() const { return routes_; }
    std::vector<std::string> namespaces() const;

private:
    std::vector<Route> routes_;
    bool frozen_ = false;
};

}  // namespace cartpress::rest
