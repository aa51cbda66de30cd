#include <strings.h>

#include <algorithm>
#include <cartpress/http/form_data.hpp>
#include <cartpress/json/json_reader.hpp>
#include <cartpress/json/json_writer.hpp>
#include <cartpress/rest/arg_validation.hpp>
#include <cartpress/rest/dispatcher.hpp>
#include <cartpress/rest/index_routes.hpp>
#include <cartpress/rest/response_fields.hpp>

namespace cartpress::rest {
namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

// The media type of a Content-Type header, lowercased, without parameters.
std::string media_type(std::string_view content_type) {
    const auto semi = content_type.find(';');
    std::string_view type = content_type.substr(0, semi);
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
    while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
    std::string out(type);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_json_media_type(const std::string& type) {
    if (type == "application/json" || type == "application/json+oembed") return true;
    return type.rfind("application/", 0) == 0 && type.size() > 17 &&
           type.compare(type.size() - 5, 5, "+json") == 0;
}

std::optional<std::string> multipart_boundary(std::string_view content_type) {
    const auto pos = content_type.find("boundary=");
    if (pos == std::string_view::npos) return std::nullopt;
    std::string_view b = content_type.substr(pos + 9);
    const auto semi = b.find(';');
    b = b.substr(0, semi);
    if (b.size() >= 2 && b.front() == '"' && b.back() == '"') b = b.substr(1, b.size() - 2);
    return std::string(b);
}

const json::Value* query_member(const json::Value& query, std::string_view name) {
    if (!query.IsObject()) return nullptr;
    for (const auto& m : query.GetObject()) {
        if (json::view(m.name) == name) return &m.value;
    }
    return nullptr;
}

bool digits_only(std::string_view s) {
    return !s.empty() && s.size() < 19 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           (s.size() == 1 || s[0] != '0');
}

bool valid_jsonp_callback(std::string_view cb) {
    return !cb.empty() && std::all_of(cb.begin(), cb.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '.';
    });
}

json::Document error_body(const RestError& e) {
    json::Document d;
    if (e.raw_body) {
        d.CopyFrom(*e.raw_body, d.GetAllocator());
        return d;
    }
    auto& a = d.GetAllocator();
    d.SetObject();
    d.AddMember("code", json::str(e.code, a), a);
    d.AddMember("message", json::str(e.message, a), a);
    if (!e.omit_data) {
        json::Value data(rapidjson::kObjectType);
        data.AddMember("status", e.status, a);
        if (e.data_extra && e.data_extra->IsObject()) {
            for (const auto& m : e.data_extra->GetObject()) {
                data.AddMember(json::Value(m.name, a), json::Value(m.value, a), a);
            }
        }
        d.AddMember("data", data, a);
    }
    return d;
}

}  // namespace

// What a request came to before WordPress's headers and output options are applied.
struct Dispatcher::Outcome {
    int status = 200;
    json::Document data;
    std::vector<http::Header> headers;  // set by the handler (or the error)
    const Route* route = nullptr;       // the matched route, for Allow
    bool is_error = false;

    static Outcome from_error(const RestError& e, const Route* r = nullptr) {
        Outcome o;
        o.status = e.status;
        o.data = error_body(e);
        o.headers = e.headers;
        o.route = r;
        o.is_error = true;
        return o;
    }
};

std::optional<std::string> resolve_route(std::string_view request_uri, const json::Value& query,
                                         std::string_view rest_prefix) {
    std::string route;
    if (const auto* rr = query_member(query, "rest_route")) {
        if (!rr->IsString()) return std::nullopt;
        route = std::string(json::view(*rr));
        if (route.empty() || route == "0") return std::nullopt;
    } else {
        const auto q = request_uri.find('?');
        std::string path = http::percent_decode(request_uri.substr(0, q), false);
        const std::string pretty = "/" + std::string(rest_prefix);
        const std::string pathinfo = "/index.php" + pretty;
        std::string_view rest;
        if (path.rfind(pathinfo, 0) == 0) {
            rest = std::string_view(path).substr(pathinfo.size());
        } else if (path.rfind(pretty, 0) == 0) {
            rest = std::string_view(path).substr(pretty.size());
        } else {
            return std::nullopt;
        }
        if (!rest.empty() && rest.front() != '/') return std::nullopt;  // /wp-jsonx
        route = std::string(rest);
    }
    while (!route.empty() && (route.back() == '/' || route.back() == '\\')) route.pop_back();
    if (route.empty()) route = "/";
    if (route.front() != '/') route.insert(route.begin(), '/');
    return route;
}

Dispatcher::Dispatcher(const Router& router, const plugin::HostHooks& hooks,
                       DispatcherSettings settings, ErrorLogger log_error)
    : router_(router),
      hooks_(hooks),
      settings_(std::move(settings)),
      log_error_(std::move(log_error)) {}

http::Response Dispatcher::handle(http::Request& request, RequestContext& ctx) const {
    try {
        return dispatch(request, ctx);
    } catch (const std::exception& e) {
        log_error_(ctx.request_id, std::string("unhandled exception: ") + e.what());
    } catch (...) {
        log_error_(ctx.request_id, "unhandled non-standard exception");
    }
    // Last resort: a bare error in WordPress's shape, no options applied.
    const auto body = error_body(errors::internal(ctx.request_id, ""));
    http::Response r;
    r.status = 500;
    r.add_header("Content-Type", "application/json; charset=UTF-8");
    r.body = json::encode(body).value();
    return r;
}

http::Response Dispatcher::dispatch(http::Request& request, RequestContext& ctx) const {
    const std::string real_method = upper(request.param_or_empty("REQUEST_METHOD"));

    json::Document query;
    query.SetObject();
    http::parse_php_query(request.param_or_empty("QUERY_STRING"), query, query.GetAllocator());

    auto route_string =
        resolve_route(request.param_or_empty("REQUEST_URI"), query, settings_.rest_prefix);

    // Method override: ?_method= wins over X-HTTP-Method-Override (§4.3).
    std::string method = real_method;
    bool header_override = false;
    if (const auto* m = query_member(query, "_method"); m && m->IsString()) {
        method = upper(json::view(*m));
    } else if (auto h = request.param("HTTP_X_HTTP_METHOD_OVERRIDE"); h && !h->empty()) {
        method = upper(*h);
        header_override = true;
    }

    RestRequest rest(request, method, route_string.value_or("/"));
    std::optional<Outcome> outcome;
    // Every error passes through rest_request_error (plugins decorate their namespace's errors).
    const auto fail = [&](RestError e, const Route* matched = nullptr) {
        return Outcome::from_error(hooks_.rest_request_error.apply(std::move(e), rest, ctx),
                                   matched);
    };

    // Step 1: the body, before anything else looks at the request.
    std::string body;
    if (auto b = request.read_body(settings_.max_body_bytes); b) {
        body = std::move(*b);
    } else if (b.error() == http::BodyError::kTooLarge) {
        outcome = fail(errors::body_too_large());
    } else {
        outcome = fail(errors::internal(ctx.request_id, "reading the body failed"));
    }

    const std::string route(rest.route());
    const bool route_is_sane = route_string && route.find('\0') == std::string::npos &&
                               route.find("/../") == std::string::npos &&
                               route.find("/./") == std::string::npos &&
                               route.rfind("/..") != route.size() - 3;
    if (!outcome && !route_is_sane) outcome = fail(errors::no_route());

    if (!outcome && !http::all_strings_valid_utf8(query)) {
        outcome = fail(errors::invalid_utf8());
    }
    if (!outcome) {
        rest.mutable_query_params().CopyFrom(query, rest.mutable_query_params().GetAllocator());
    }

    // Step 3: authentication (cookie/Basic through determine_current_user).
    if (!outcome) {
        ctx.user = hooks_.determine_current_user.apply(auth::CurrentUser{}, rest, ctx);
        if (auto err = hooks_.rest_authentication_errors.apply(std::nullopt, rest, ctx)) {
            outcome = fail(*err);
        }
    }

    // Step 4: OPTIONS describes the first route whose pattern matches.
    if (!outcome && method == "OPTIONS") {
        Outcome o;
        if (auto m = router_.match(route, "OPTIONS")) {
            o.data.CopyFrom(describe_route(*m->route, ctx.options, settings_.rest_prefix,
                                           o.data.GetAllocator()),
                            o.data.GetAllocator());
            // WordPress adds _links only for routes without captures (cap 57 vs 58).
            o.route = m->route;
        } else {
            o.data.SetArray();
        }
        outcome = std::move(o);
    }

    // Step 5: route + method.
    std::optional<Router::Match> match;
    if (!outcome) {
        match = router_.match(route, method);
        if (!match || !match->endpoint) {
            outcome = fail(errors::no_route());
        }
    }
    const Route* matched_route = match && match->endpoint ? match->route : nullptr;

    // Step 6: the body as JSON or form fields.
    if (!outcome) {
        const std::string type = media_type(request.param_or_empty("CONTENT_TYPE"));
        if (is_json_media_type(type)) {
            if (!body.empty()) {
                json::Document parsed;
                if (auto r = json::decode(body, parsed); !r) {
                    outcome = fail(errors::invalid_json(r.error().php_code, r.error().php_message),
                                   matched_route);
                } else {
                    rest.mutable_json_body().Swap(parsed);
                }
            }
        } else {
            auto& form = rest.mutable_body_params();
            const bool real_post = real_method == "POST";
            const bool other_write = method == "PUT" || method == "PATCH" || method == "DELETE";
            if (type == "application/x-www-form-urlencoded" && (real_post || other_write)) {
                http::parse_php_query(body, form, form.GetAllocator());
            } else if (type.empty() && other_write) {
                http::parse_php_query(body, form, form.GetAllocator());
            } else if (type == "multipart/form-data" && real_post) {
                const auto boundary = multipart_boundary(request.param_or_empty("CONTENT_TYPE"));
                if (boundary)
                    http::parse_multipart_form(body, *boundary, form, form.GetAllocator());
            }
            if (!http::all_strings_valid_utf8(form)) {
                outcome = fail(errors::invalid_utf8(), matched_route);
            }
        }
    }

    // Step 7: declared arguments (before the permission check: bad input gets 400, not 401).
    if (!outcome) {
        for (const auto& [name, value] : match->url_params) rest.set_url_param(name, value);
        if (auto err = validate_args(match->endpoint->args, rest)) {
            outcome = fail(*err, matched_route);
        }
    }

    // Step 8: permission.
    if (!outcome && match->endpoint->permission) {
        auto allowed = match->endpoint->permission(rest, ctx);
        if (!allowed) {
            outcome = fail(allowed.error(), matched_route);
        } else if (!*allowed) {
            outcome = fail(errors::forbidden(ctx.user.logged_in()), matched_route);
        }
    }

    // Step 9: the handler.
    if (!outcome) {
        auto result = match->endpoint->handler(rest, ctx);
        if (result) {
            auto response = hooks_.rest_post_dispatch.apply(std::move(*result), rest, ctx);
            Outcome o;
            o.status = response.status;
            o.data = std::move(response.data);
            o.headers = std::move(response.headers);
            o.route = matched_route;
            outcome = std::move(o);
        } else {
            const RestError& e = result.error();
            if (e.status >= 500 && !e.internal.empty()) log_error_(ctx.request_id, e.internal);
            outcome = fail(e, matched_route);
        }
    }

    // Step 10: WordPress's headers and output options.
    Outcome& o = *outcome;
    http::Response out;
    std::vector<http::Header> handler_headers = std::move(o.headers);

    if (o.route) {
        std::vector<std::string> allowed;
        for (const auto& e : o.route->endpoints()) {
            bool ok = true;
            if (e.permission) {
                auto p = e.permission(rest, ctx);
                ok = p && *p;
            }
            if (!ok) continue;
            for (const auto& m : e.methods) {
                if (std::find(allowed.begin(), allowed.end(), m) == allowed.end()) {
                    allowed.push_back(m);
                }
            }
        }
        if (!allowed.empty()) {
            std::string v;
            for (const auto& m : allowed) v += (v.empty() ? "" : ", ") + m;
            handler_headers.push_back({"Allow", v});
        }
    }

    if (o.status < 400) {
        if (const auto* f = rest.param("_fields")) filter_response_fields(o.data, *f);
    }

    int status = o.status;
    const bool envelope = query_member(rest.query_params(), "_envelope") != nullptr;
    if (envelope) {
        json::Document wrapped;
        auto& a = wrapped.GetAllocator();
        wrapped.SetObject();
        wrapped.AddMember("body", json::copy(o.data, a), a);
        wrapped.AddMember("status", status, a);
        json::Value headers(rapidjson::kObjectType);
        for (const auto& h : handler_headers) {
            if (digits_only(h.value)) {
                headers.AddMember(json::str(h.name, a),
                                  json::Value(static_cast<std::int64_t>(std::stoll(h.value))), a);
            } else {
                headers.AddMember(json::str(h.name, a), json::str(h.value, a), a);
            }
        }
        if (headers.MemberCount() == 0) {
            wrapped.AddMember("headers", json::Value(rapidjson::kArrayType), a);
        } else {
            wrapped.AddMember("headers", headers, a);
        }
        o.data.Swap(wrapped);
        handler_headers.clear();
        status = 200;
    }

    // _jsonp (query only).
    std::optional<std::string> jsonp;
    if (const auto* cb = query_member(rest.query_params(), "_jsonp")) {
        RestError err;
        bool failed = false;
        if (!settings_.jsonp_enabled) {
            err = RestError::make("rest_callback_disabled",
                                  "JSONP support is disabled on this site.", 400);
            failed = true;
        } else if (!cb->IsString() || !valid_jsonp_callback(json::view(*cb))) {
            err = RestError::make("rest_callback_invalid", "Invalid JSONP callback function.", 400);
            failed = true;
        }
        if (failed) {
            err.omit_data = true;
            o.data = error_body(err);
            status = 400;
        } else {
            jsonp = std::string(json::view(*cb));
        }
    }

    const bool pretty = rest.param("_pretty") != nullptr;
    std::string encoded;
    const bool no_body = status == 204 && o.data.IsNull();
    if (!no_body) {
        auto enc = json::encode(o.data, pretty);
        if (!enc) {
            status = 500;
            encoded = json::encode(error_body(errors::encode_error(enc.error().message))).value();
        } else {
            encoded = std::move(*enc);
        }
    }

    out.status = status;
    const std::string charset = ctx.options.content_charset();
    out.add_header(
        "Content-Type",
        (jsonp ? "application/javascript; charset=" : "application/json; charset=") + charset);
    out.add_header("X-Robots-Tag", "noindex");
    const bool handler_link =
        std::any_of(handler_headers.begin(), handler_headers.end(),
                    [](const http::Header& h) { return iequals(h.name, "Link"); });
    if (!handler_link) {
        out.add_header("Link", "<" + ctx.options.rest_root(settings_.rest_prefix) +
                                   ">; rel=\"https://api.w.org/\"");
    }
    out.add_header("X-Content-Type-Options", "nosniff");
    const auto joined = [](const std::vector<std::string>& names) {
        std::string list;
        for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
        return list;
    };
    out.add_header("Access-Control-Expose-Headers",
                   joined(hooks_.rest_exposed_cors_headers.apply(
                       {"X-WP-Total", "X-WP-TotalPages", "Link"}, rest)));
    out.add_header(
        "Access-Control-Allow-Headers",
        joined(hooks_.rest_allowed_cors_headers.apply(
            {"Authorization", "X-WP-Nonce", "Content-Disposition", "Content-MD5", "Content-Type"},
            rest)));
    for (auto& h : handler_headers) out.headers.push_back(std::move(h));

    if (ctx.user.logged_in() || (header_override && status >= 400 && status < 500)) {
        out.add_header("Expires", "Wed, 11 Jan 1984 05:00:00 GMT");
        out.add_header("Cache-Control", "no-cache, must-revalidate, max-age=0, no-store, private");
    }
    const auto origin = request.param("HTTP_ORIGIN");
    if (origin && !origin->empty()) {
        const auto& allowed = settings_.allowed_origins;
        const bool allow = std::find(allowed.begin(), allowed.end(), "*") != allowed.end() ||
                           std::find(allowed.begin(), allowed.end(), *origin) != allowed.end();
        if (allow) {
            out.add_header("Access-Control-Allow-Origin", std::string(*origin));
            out.add_header("Access-Control-Allow-Methods",
                           "OPTIONS, GET, POST, PUT, PATCH, DELETE");
            out.add_header("Access-Control-Allow-Credentials", "true");
        }
        out.add_header("Vary", "Origin");
    } else if (real_method == "GET" && !ctx.user.logged_in()) {
        out.add_header("Vary", "Origin");
    }

    if (jsonp) {
        out.body = "/**/" + *jsonp + "(" + encoded + ")";
    } else {
        out.body = std::move(encoded);
    }
    out.send_body = !no_body && real_method != "HEAD";
    hooks_.cartpress_request_done.run(rest, status, ctx);
    return out;
}

}  // namespace cartpress::rest
