#include <cartpress/json/json_reader.hpp>
#include <cartpress/rest/arg_validation.hpp>
#include <cartpress/rest/index_routes.hpp>

namespace cartpress::rest {
namespace {

json::Value describe_args(const std::vector<ArgSpec>& args, json::Allocator& a) {
    if (args.empty()) return json::Value(rapidjson::kArrayType);  // PHP's empty array: []
    json::Value out(rapidjson::kObjectType);
    for (const auto& arg : args) {
        json::Value d(rapidjson::kObjectType);
        if (arg.type != ArgType::kAny)
            d.AddMember("type", json::str(arg_type_name(arg.type), a), a);
        if (!arg.description.empty()) d.AddMember("description", json::str(arg.description, a), a);
        if (!arg.enum_values.empty()) {
            json::Value e(rapidjson::kArrayType);
            for (const auto& v : arg.enum_values) e.PushBack(json::str(v, a), a);
            d.AddMember("enum", e, a);
        }
        if (arg.default_json) {
            json::Document def;
            if (json::decode(*arg.default_json, def))
                d.AddMember("default", json::Value(def, a), a);
        }
        if (arg.minimum) d.AddMember("minimum", *arg.minimum, a);
        if (arg.maximum) d.AddMember("maximum", *arg.maximum, a);
        d.AddMember("required", arg.required, a);
        out.AddMember(json::str(arg.name, a), d, a);
    }
    return out;
}

json::Value self_links(const std::string& href, json::Allocator& a) {
    json::Value link(rapidjson::kObjectType);
    link.AddMember("href", json::str(href, a), a);
    json::Value list(rapidjson::kArrayType);
    list.PushBack(link, a);
    json::Value links(rapidjson::kObjectType);
    links.AddMember("self", list, a);
    return links;
}

HandlerResult site_index(const Router& router, const std::string& rest_prefix,
                         RequestContext& ctx) {
    const auto& o = ctx.options;
    RestResponse r;
    auto& a = r.data.GetAllocator();
    r.data.SetObject();
    r.data.AddMember("name", json::str(o.blogname, a), a);
    r.data.AddMember("description", json::str(o.blogdescription, a), a);
    r.data.AddMember("url", json::str(o.siteurl, a), a);
    r.data.AddMember("home", json::str(o.home, a), a);
    r.data.AddMember("gmt_offset", json::str(o.gmt_offset, a), a);
    r.data.AddMember("timezone_string", json::str(o.timezone_string, a), a);
    r.data.AddMember("page_for_posts", o.page_for_posts, a);
    r.data.AddMember("page_on_front", o.page_on_front, a);
    r.data.AddMember("show_on_front", json::str(o.show_on_front, a), a);
    json::Value namespaces(rapidjson::kArrayType);
    const auto ns_list = router.namespaces();
    for (const auto& ns : ns_list) namespaces.PushBack(json::str(ns, a), a);
    r.data.AddMember("namespaces", namespaces, a);
    if (ctx.app_passwords_available) {
        json::Value endpoints(rapidjson::kObjectType);
        endpoints.AddMember("authorization",
                            json::str(o.siteurl + "/wp-admin/authorize-application.php", a), a);
        json::Value ap(rapidjson::kObjectType);
        ap.AddMember("endpoints", endpoints, a);
        json::Value auth(rapidjson::kObjectType);
        auth.AddMember("application-passwords", ap, a);
        r.data.AddMember("authentication", auth, a);
    } else {
        r.data.AddMember("authentication", json::Value(rapidjson::kArrayType), a);
    }
    // WordPress lists "/" first, then each namespace's index route followed by its routes.
    json::Value routes(rapidjson::kObjectType);
    auto add = [&](const Route& route) {
        routes.AddMember(json::str(route.display_pattern(), a),
                         describe_route(route, o, rest_prefix, a), a);
    };
    for (const auto& route : router.routes()) {
        if (route.path() == "/") add(route);
    }
    for (const auto& ns : ns_list) {
        for (const auto& route : router.routes()) {
            if (route.ns() == ns && route.path() == "/" + ns) add(route);
        }
        for (const auto& route : router.routes()) {
            if (route.ns() == ns && route.path() != "/" + ns) add(route);
        }
    }
    r.data.AddMember("routes", routes, a);
    json::Value help(rapidjson::kObjectType);
    help.AddMember("href", "https://developer.wordpress.org/rest-api/", a);
    json::Value help_list(rapidjson::kArrayType);
    help_list.PushBack(help, a);
    json::Value links(rapidjson::kObjectType);
    links.AddMember("help", help_list, a);
    r.data.AddMember("_links", links, a);
    return r;
}

HandlerResult namespace_index(const Router& router, const std::string& ns,
                              const std::string& rest_prefix, RequestContext& ctx) {
    RestResponse r;
    auto& a = r.data.GetAllocator();
    r.data.SetObject();
    r.data.AddMember("namespace", json::str(ns, a), a);
    json::Value routes(rapidjson::kObjectType);
    for (const auto& route : router.routes()) {
        if (route.ns() != ns) continue;
        routes.AddMember(json::str(route.display_pattern(), a),
                         describe_route(route, ctx.options, rest_prefix, a), a);
    }
    r.data.AddMember("routes", routes, a);
    json::Value up(rapidjson::kObjectType);
    up.AddMember("href", json::str(ctx.options.rest_root(rest_prefix), a), a);
    json::Value up_list(rapidjson::kArrayType);
    up_list.PushBack(up, a);
    json::Value links(rapidjson::kObjectType);
    links.AddMember("up", up_list, a);
    r.data.AddMember("_links", links, a);
    return r;
}

}  // namespace

json::Value describe_route(const Route& route, const site::SiteOptions& options,
                           const std::string& rest_prefix, json::Allocator& a) {
    json::Value d(rapidjson::kObjectType);
    d.AddMember("namespace", json::str(route.ns(), a), a);
    json::Value methods(rapidjson::kArrayType);
    std::vector<std::string> seen;
    for (const auto& e : route.endpoints()) {
        for (const auto& m : e.methods) {
            if (std::find(seen.begin(), seen.end(), m) != seen.end()) continue;
            seen.push_back(m);
            methods.PushBack(json::str(m, a), a);
        }
    }
    d.AddMember("methods", methods, a);
    json::Value endpoints(rapidjson::kArrayType);
    for (const auto& e : route.endpoints()) {
        json::Value ep(rapidjson::kObjectType);
        json::Value em(rapidjson::kArrayType);
        for (const auto& m : e.methods) em.PushBack(json::str(m, a), a);
        ep.AddMember("methods", em, a);
        ep.AddMember("args", describe_args(e.args, a), a);
        endpoints.PushBack(ep, a);
    }
    d.AddMember("endpoints", endpoints, a);
    if (!route.has_params()) {
        d.AddMember("_links", self_links(options.rest_url(rest_prefix, route.path()), a), a);
    }
    return d;
}

void register_index_routes(Router& router, const std::string& rest_prefix) {
    const Router* r = &router;
    const auto namespaces = router.namespaces();
    Endpoint site;
    site.methods = {"GET"};
    site.args = {ArgSpec{.name = "context", .default_json = "\"view\""}};
    site.handler = [r, rest_prefix](const RestRequest&, RequestContext& ctx) {
        return site_index(*r, rest_prefix, ctx);
    };
    router.add("", "", std::move(site));
    for (const auto& ns : namespaces) {
        Endpoint e;
        e.methods = {"GET"};
        e.args = {ArgSpec{.name = "namespace", .default_json = "\"" + ns + "\""},
                  ArgSpec{.name = "context", .default_json = "\"view\""}};
        e.handler = [r, ns, rest_prefix](const RestRequest&, RequestContext& ctx) {
            return namespace_index(*r, ns, rest_prefix, ctx);
        };
        router.add(ns, "", std::move(e));
    }
}

}  // namespace cartpress::rest
