#include <boost/test/unit_test.hpp>
#include <cartpress/json/json_reader.hpp>
#include <cartpress/rest/dispatcher.hpp>
#include <cartpress/rest/index_routes.hpp>

#include "support/fake_clock.hpp"
#include "support/fake_request.hpp"
#include "support/fake_session.hpp"

namespace cartpress::rest {
namespace {

using test::RequestBuilder;

// A small plugin-like route table and the pipeline around it, with no database.
struct DispatcherFixture {
    DispatcherFixture() {
        options.siteurl = options.home = "http://shop.test";
        options.permalink_structure = "/%postname%/";
        options.loaded = true;

        Endpoint list;
        list.methods = {"GET"};
        list.handler = [](const RestRequest& r, RequestContext&) -> HandlerResult {
            json::Document d;
            (void)json::decode(
                R"([{"id":1,"name":"a","meta":{"x":1,"y":2}},{"id":2,"name":"b","meta":{"x":3,"y":4}}])",
                d);
            RestResponse resp(std::move(d));
            resp.headers.push_back({"X-WP-Total", "2"});
            (void)r;
            return resp;
        };
        Endpoint create;
        create.methods = {"POST"};
        create.args = {ArgSpec{.name = "count", .type = ArgType::kInteger, .required = true},
                       ArgSpec{.name = "mode", .type = ArgType::kString, .enum_values = {"a", "b"}},
                       ArgSpec{.name = "flag", .type = ArgType::kBoolean, .default_json = "false"}};
        create.permission = [](const RestRequest&, RequestContext& ctx) {
            return PermissionResult(ctx.user.can("manage_options"));
        };
        create.handler = [](const RestRequest& r, RequestContext&) -> HandlerResult {
            json::Document d;
            auto& a = d.GetAllocator();
            d.SetObject();
            d.AddMember("count", json::Value(*r.int_param("count")), a);
            d.AddMember("count_is_int", r.param("count")->IsInt64(), a);
            d.AddMember("flag", json::Value(r.param("flag")->GetBool()), a);
            return RestResponse(std::move(d), 201);
        };
        Endpoint nothing;
        nothing.methods = {"DELETE"};
        nothing.handler = [](const RestRequest&, RequestContext&) -> HandlerResult {
            return RestResponse(json::Document(), 204);
        };
        Endpoint item;
        item.methods = {"GET"};
        item.handler = [](const RestRequest& r, RequestContext&) -> HandlerResult {
            json::Document d;
            d.SetObject();
            d.AddMember("id", json::Value(*r.int_param("id")), d.GetAllocator());
            d.AddMember("text", "caf\xC3\xA9 / 1", d.GetAllocator());
            return RestResponse(std::move(d));
        };
        router.add("t/v1", "items", std::move(list));
        router.add("t/v1", "items", std::move(create));
        router.add("t/v1", "items", std::move(nothing));
        router.add("t/v1", "items/{id:int}", std::move(item));
        register_index_routes(router, "wp-json");
        router.freeze();
        hooks.determine_current_user.add(
            20, [this](auth::CurrentUser u, const RestRequest&, RequestContext&) {
                return as_admin ? admin() : u;
            });
        dispatcher.emplace(router, hooks, DispatcherSettings{.max_body_bytes = 1000},
                           [](const std::string&, const std::string&) {});
    }

    static auth::CurrentUser admin() {
        auth::CurrentUser u;
        u.id = 1;
        u.login = "admin";
        u.capabilities = std::make_shared<const std::unordered_set<std::string>>(
            std::unordered_set<std::string>{"manage_options"});
        return u;
    }

    http::Response run(test::FakeRequest request) {
        RequestContext ctx(session, clock, random, options);
        ctx.request_id = "test-1";
        return dispatcher->handle(request, ctx);
    }

    test::UnreachableSession session;
    test::FakeClock clock;
    core::SecureRandom random;
    site::SiteOptions options;
    Router router;
    plugin::HostHooks hooks;
    std::optional<Dispatcher> dispatcher;
    bool as_admin = false;
};

std::vector<std::string> header_names(const http::Response& r) {
    std::vector<std::string> names;
    for (const auto& h : r.headers) names.push_back(h.name);
    return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rest)
BOOST_FIXTURE_TEST_SUITE(dispatcher, DispatcherFixture)

BOOST_AUTO_TEST_CASE(headers_in_wordpress_order) {
    auto r = run(RequestBuilder{}.get("/wp-json/t/v1/items").build());
    BOOST_TEST(r.status == 200);
    const std::vector<std::string> expected = {"Content-Type",
                                               "X-Robots-Tag",
                                               "Link",
                                               "X-Content-Type-Options",
                                               "Access-Control-Expose-Headers",
                                               "Access-Control-Allow-Headers",
                                               "X-WP-Total",
                                               "Allow",
                                               "Vary"};
    BOOST_TEST(header_names(r) == expected, boost::test_tools::per_element());
    BOOST_TEST(*r.find_header("Link") == "<http://shop.test/wp-json/>; rel=\"https://api.w.org/\"");
    BOOST_TEST(*r.find_header("Allow") == "GET, DELETE");  // POST needs manage_options
    as_admin = true;
    r = run(RequestBuilder{}.get("/wp-json/t/v1/items").build());
    BOOST_TEST(*r.find_header("Allow") == "GET, POST, DELETE");
    BOOST_TEST(*r.find_header("Cache-Control") ==
               "no-cache, must-revalidate, max-age=0, no-store, private");
    BOOST_TEST(!r.find_header("Vary"));
}

BOOST_AUTO_TEST_CASE(no_route_and_wrong_method) {
    for (auto req : {RequestBuilder{}.get("/wp-json/t/v1/nope").build(),
                     RequestBuilder{}.method("PATCH").uri("/wp-json/t/v1/items").build(),
                     RequestBuilder{}.get("/wp-json/t/v1/items/abc").build(),
                     RequestBuilder{}.get("/not-rest").build()}) {
        auto r = run(req);
        BOOST_TEST(r.status == 404);
        BOOST_TEST(
            r.body ==
            R"({"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":404}})");
        BOOST_TEST(!r.find_header("Allow"));
    }
}

BOOST_AUTO_TEST_CASE(args_are_checked_before_permission) {
    // Anonymous and invalid: 400, not 401.
    auto r = run(RequestBuilder{}.post("/wp-json/t/v1/items").json("{}").build());
    BOOST_TEST(r.status == 400);
    BOOST_TEST(
        r.body ==
        R"({"code":"rest_missing_callback_param","message":"Missing parameter(s): count","data":{"status":400,"params":["count"]}})");
    r = run(
        RequestBuilder{}.post("/wp-json/t/v1/items").json(R"({"count":"x","mode":"c"})").build());
    BOOST_TEST(r.status == 400);
    BOOST_TEST(
        r.body ==
        R"({"code":"rest_invalid_param","message":"Invalid parameter(s): count, mode","data":{"status":400,"params":{"count":"count is not of type integer.","mode":"mode is not one of a, b."},"details":{"count":{"code":"rest_invalid_type","message":"count is not of type integer.","data":{"param":"count"}},"mode":{"code":"rest_not_in_enum","message":"mode is not one of a, b.","data":{"param":"mode"}}}}})");
    r = run(RequestBuilder{}.post("/wp-json/t/v1/items").json(R"({"count":"5"})").build());
    BOOST_TEST(r.status == 401);
    BOOST_TEST(
        r.body ==
        R"({"code":"rest_forbidden","message":"Sorry, you are not allowed to do that.","data":{"status":401}})");
}

BOOST_AUTO_TEST_CASE(arguments_are_sanitized_and_defaulted) {
    as_admin = true;
    auto r = run(RequestBuilder{}.post("/wp-json/t/v1/items").json(R"({"count":"5"})").build());
    BOOST_TEST(r.status == 201);
    BOOST_TEST(r.body == R"({"count":5,"count_is_int":true,"flag":false})");
    // Form bodies and query strings feed the same parameters; JSON wins over the query.
    r = run(RequestBuilder{}.post("/wp-json/t/v1/items?count=9&flag=true").form("count=7").build());
    BOOST_TEST(r.body == R"({"count":7,"count_is_int":true,"flag":true})");
}

BOOST_AUTO_TEST_CASE(invalid_json_and_oversized_body) {
    as_admin = true;
    auto r = run(RequestBuilder{}.post("/wp-json/t/v1/items").json(R"({"count": 1,)").build());
    BOOST_TEST(r.status == 400);
    BOOST_TEST(
        r.body ==
        R"({"code":"rest_invalid_json","message":"Invalid JSON body passed.","data":{"status":400,"json_error_code":4,"json_error_message":"Syntax error"}})");
    BOOST_TEST(*r.find_header("Allow") == "GET, POST, DELETE");
    r = run(RequestBuilder{}.post("/wp-json/t/v1/items").json(std::string(1001, ' ')).build());
    BOOST_TEST(r.status == 413);
    BOOST_TEST(
        r.body ==
        R"({"code":"cartpress_body_too_large","message":"The request body is too large.","data":{"status":413}})");
    // A JSON payload sent as text/plain is ignored, not an error.
    r = run(RequestBuilder{}.post("/wp-json/t/v1/items").body("text/plain", "{oops").build());
    BOOST_TEST(r.status == 400);
    BOOST_TEST(r.body.find("rest_missing_callback_param") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(rest_route_form_and_method_override) {
    as_admin = true;
    auto r = run(RequestBuilder{}.get("/?rest_route=/t/v1/items/7").build());
    BOOST_TEST(r.body == R"({"id":7,"text":"caf\u00e9 \/ 1"})");
    r = run(RequestBuilder{}.post("/wp-json/t/v1/items?_method=DELETE").build());
    BOOST_TEST(r.status == 204);
    BOOST_TEST(!r.send_body);
    r = run(RequestBuilder{}
                .post("/wp-json/t/v1/items")
                .header("X-HTTP-Method-Override", "delete")
                .build());
    BOOST_TEST(r.status == 204);
}

BOOST_AUTO_TEST_CASE(fields_envelope_jsonp_pretty_head) {
    auto r = run(RequestBuilder{}.get("/wp-json/t/v1/items?_fields=id,meta.y").build());
    BOOST_TEST(r.body == R"([{"id":1,"meta":{"y":2}},{"id":2,"meta":{"y":4}}])");
    r = run(RequestBuilder{}.get("/wp-json/t/v1/items/3?_envelope").build());
    BOOST_TEST(
        r.body ==
        R"({"body":{"id":3,"text":"caf\u00e9 \/ 1"},"status":200,"headers":{"Allow":"GET"}})");
    r = run(RequestBuilder{}.get("/wp-json/t/v1/items?_envelope=1&_fields=id").build());
    BOOST_TEST(
        r.body ==
        R"({"body":[{"id":1},{"id":2}],"status":200,"headers":{"X-WP-Total":2,"Allow":"GET, DELETE"}})");
    BOOST_TEST(!r.find_header("X-WP-Total"));
    r = run(RequestBuilder{}.get("/wp-json/t/v1/items/3?_jsonp=cb.x").build());
    BOOST_TEST(r.body == R"(/**/cb.x({"id":3,"text":"caf\u00e9 \/ 1"}))");
    BOOST_TEST(*r.find_header("Content-Type") == "application/javascript; charset=UTF-8");
    r = run(RequestBuilder{}.get("/wp-json/t/v1/items/3?_jsonp=alert(1)").build());
    BOOST_TEST(r.status == 400);
    BOOST_TEST(r.body ==
               R"({"code":"rest_callback_invalid","message":"Invalid JSONP callback function."})");
    r = run(RequestBuilder{}.get("/wp-json/t/v1/items/3?_pretty").build());
    BOOST_TEST(r.body == "{\n    \"id\": 3,\n    \"text\": \"caf\\u00e9 \\/ 1\"\n}");
    r = run(RequestBuilder{}.method("HEAD").uri("/wp-json/t/v1/items/3").build());
    BOOST_TEST(r.status == 200);
    BOOST_TEST(!r.send_body);
}

BOOST_AUTO_TEST_CASE(options_describes_the_route) {
    auto r = run(RequestBuilder{}.method("OPTIONS").uri("/wp-json/t/v1/items").build());
    BOOST_TEST(r.status == 200);
    BOOST_TEST(
        r.body ==
        R"({"namespace":"t\/v1","methods":["GET","POST","DELETE"],"endpoints":[{"methods":["GET"],"args":[]},{"methods":["POST"],"args":{"count":{"type":"integer","required":true},"mode":{"type":"string","enum":["a","b"],"required":false},"flag":{"type":"boolean","default":false,"required":false}}},{"methods":["DELETE"],"args":[]}],"_links":{"self":[{"href":"http:\/\/shop.test\/wp-json\/t\/v1\/items"}]}})");
    r = run(RequestBuilder{}.method("OPTIONS").uri("/wp-json/none").build());
    BOOST_TEST(r.body == "[]");
    BOOST_TEST(!r.find_header("Allow"));
}

BOOST_AUTO_TEST_CASE(site_and_namespace_index) {
    auto r = run(RequestBuilder{}.get("/wp-json").build());
    BOOST_TEST(r.status == 200);
    BOOST_TEST(
        r.body.rfind(
            R"({"name":"","description":"","url":"http:\/\/shop.test","home":"http:\/\/shop.test","gmt_offset":"0","timezone_string":"","page_for_posts":0,"page_on_front":0,"show_on_front":"posts","namespaces":["t\/v1"],"authentication":[],"routes":{"\/":{"namespace":"","methods":["GET"],"endpoints":[{"methods":["GET"],"args":{"context":{"default":"view","required":false}}}],"_links":{"self":[{"href":"http:\/\/shop.test\/wp-json\/"}]}},"\/t\/v1":)",
            0) == 0);
    r = run(RequestBuilder{}.get("/wp-json/t/v1").build());
    BOOST_TEST(r.body.find(R"("_links":{"up":[{"href":"http:\/\/shop.test\/wp-json\/"}]})") !=
               std::string::npos);
    options.permalink_structure.clear();
    r = run(RequestBuilder{}.get("/?rest_route=/").build());
    BOOST_TEST(*r.find_header("Link") ==
               "<http://shop.test/index.php?rest_route=/>; rel=\"https://api.w.org/\"");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_query_and_encode_failure) {
    auto r = run(RequestBuilder{}.get("/wp-json/t/v1/items?q=%FF").build());
    BOOST_TEST(r.status == 400);
    BOOST_TEST(r.body.find("cartpress_invalid_utf8") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(cors_echoes_origin) {
    auto r = run(
        RequestBuilder{}.get("/wp-json/t/v1/items").header("Origin", "https://app.test").build());
    BOOST_TEST(*r.find_header("Access-Control-Allow-Origin") == "https://app.test");
    BOOST_TEST(*r.find_header("Access-Control-Allow-Credentials") == "true");
    BOOST_TEST(*r.find_header("Vary") == "Origin");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::rest
