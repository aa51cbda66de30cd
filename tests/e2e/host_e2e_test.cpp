// The host through nginx and a real socket: REST conventions, application-password auth and
// the operator routes (issue 3 acceptance).

#include <boost/test/unit_test.hpp>
#include <cartpress/json/rapidjson.hpp>

#include "e2e/e2e_world.hpp"
#include "support/http_client.hpp"

namespace cartpress::test {
namespace {

json::Document parse(const std::string& body) {
    json::Document d;
    d.Parse(body.c_str());
    BOOST_REQUIRE_MESSAGE(!d.HasParseError(), "not JSON: " << body.substr(0, 300));
    return d;
}

std::string code_of(const HttpResponse& r) {
    auto d = parse(r.body);
    BOOST_REQUIRE(d.IsObject() && d.HasMember("code"));
    return d["code"].GetString();
}

HttpResponse get_as(const std::string& target, const std::string& user, const std::string& pw,
                    int port = 0) {
    HttpRequest r;
    r.target = target;
    if (!user.empty()) r.with_basic_auth(user, pw);
    return http_send(port ? port : E2eWorld::get().port(), r);
}

const std::string kForbidden =
    R"({"code":"rest_forbidden","message":"Sorry, you are not allowed to do that.","data":{"status":401}})";
const std::string kForbidden403 =
    R"({"code":"rest_forbidden","message":"Sorry, you are not allowed to do that.","data":{"status":403}})";
const std::string kNoRoute =
    R"({"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":404}})";

}  // namespace

BOOST_AUTO_TEST_SUITE(e2e)
BOOST_AUTO_TEST_SUITE(host)

BOOST_AUTO_TEST_CASE(site_index_lists_cartpress_namespace) {
    const auto r = http_get(E2eWorld::get().port(), "/wp-json/");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.header("Content-Type") == "application/json; charset=UTF-8");
    BOOST_TEST(r.header("Link") == "<http://127.0.0.1:8081/wp-json/>; rel=\"https://api.w.org/\"");
    BOOST_TEST(r.header("Allow") == "GET");
    BOOST_TEST(r.header("Vary") == "Origin");
    auto d = parse(r.body);
    BOOST_TEST(std::string(d["name"].GetString()) == "FluentCart Peer");
    bool found = false;
    for (const auto& ns : d["namespaces"].GetArray())
        found = found || std::string(ns.GetString()) == "cartpress/v1";
    BOOST_TEST(found);
    BOOST_TEST(d["routes"].HasMember("/cartpress/v1/status"));
    // PHP escaping of "/" survives nginx.
    BOOST_TEST(r.body.find(R"("url":"http:\/\/127.0.0.1:8081")") != std::string::npos);
    // The same through ?rest_route= and the PATHINFO form.
    BOOST_TEST(http_get(E2eWorld::get().port(), "/?rest_route=/").body == r.body);
    BOOST_TEST(http_get(E2eWorld::get().port(), "/index.php/wp-json/").body == r.body);
}

BOOST_AUTO_TEST_CASE(health_is_public) {
    const auto r = http_get(E2eWorld::get().port(), "/wp-json/cartpress/v1/health");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == R"({"status":"ok"})");
}

BOOST_AUTO_TEST_CASE(status_without_auth_is_401) {
    const auto r = http_get(E2eWorld::get().port(), "/wp-json/cartpress/v1/status");
    BOOST_TEST(r.status == 401);
    BOOST_TEST(r.body == kForbidden);
}

BOOST_AUTO_TEST_CASE(status_with_wrong_app_password_is_401) {
    const auto r = get_as("/wp-json/cartpress/v1/status", "admin", "wrong wrong wrong wrong");
    BOOST_TEST(r.status == 401);
    BOOST_TEST(r.body == kForbidden);
}

BOOST_AUTO_TEST_CASE(status_as_subscriber_is_403) {
    const auto& w = E2eWorld::get();
    const auto r = get_as("/wp-json/cartpress/v1/status", w.creds.subscriber_user,
                          w.creds.subscriber_app_password);
    BOOST_TEST(r.status == 403);
    BOOST_TEST(r.body == kForbidden403);
    BOOST_TEST(r.header("Cache-Control") ==
               "no-cache, must-revalidate, max-age=0, no-store, private");
}

BOOST_AUTO_TEST_CASE(status_as_admin_with_generic_hash) {
    const auto& w = E2eWorld::get();
    const auto r = get_as("/wp-json/cartpress/v1/status", "admin", w.creds.admin_app_password);
    BOOST_TEST(r.status == 200);
    auto d = parse(r.body);
    BOOST_TEST(std::string(d["database"]["table_prefix"].GetString()) == "wp_");
    BOOST_TEST(std::string(d["database"]["server_version"].GetString()).find("MariaDB") !=
               std::string::npos);
    BOOST_TEST(d["worker_threads"].GetInt() == 4);
    BOOST_TEST(d["requests_served"].GetUint64() > 0u);
}

BOOST_AUTO_TEST_CASE(status_as_admin_with_spaced_password) {
    // WordPress shows application passwords in groups of four; any non-alphanumerics are dropped.
    const auto& w = E2eWorld::get();
    std::string spaced;
    for (std::size_t i = 0; i < w.creds.admin_app_password.size(); ++i) {
        if (i > 0 && i % 4 == 0) spaced += ' ';
        spaced += w.creds.admin_app_password[i];
    }
    BOOST_TEST(get_as("/wp-json/cartpress/v1/status", "admin", spaced).status == 200);
}

BOOST_AUTO_TEST_CASE(status_as_admin_with_phpass_hash) {
    const auto r = get_as("/wp-json/cartpress/v1/status", "admin", E2eWorld::kLegacyPassword);
    BOOST_TEST(r.status == 200);
}

BOOST_AUTO_TEST_CASE(status_with_email_as_login) {
    const auto& w = E2eWorld::get();
    BOOST_TEST(
        get_as("/wp-json/cartpress/v1/status", "admin@example.com", w.creds.admin_app_password)
            .status == 200);
    BOOST_TEST(get_as("/wp-json/cartpress/v1/status", "ADMIN", w.creds.admin_app_password).status ==
               200);
}

BOOST_AUTO_TEST_CASE(me_names_the_authenticated_user) {
    const auto& w = E2eWorld::get();
    BOOST_TEST(
        get_as("/wp-json/cartpress/v1/me", "subscriber1", w.creds.subscriber_app_password).body ==
        R"({"id":2,"login":"subscriber1"})");
    BOOST_TEST(http_get(w.port(), "/wp-json/cartpress/v1/me").status == 401);
}

BOOST_AUTO_TEST_CASE(custom_role_with_manage_options_is_admitted) {
    BOOST_TEST(
        get_as("/wp-json/cartpress/v1/status", "manager1", E2eWorld::kManagerPassword).status ==
        200);
}

BOOST_AUTO_TEST_CASE(editor_is_refused) {
    const auto r = get_as("/wp-json/cartpress/v1/status", "editor1", E2eWorld::kEditorPassword);
    BOOST_TEST(r.status == 403);
    BOOST_TEST(r.body == kForbidden403);
}

BOOST_AUTO_TEST_CASE(login_password_is_never_accepted_over_basic) {
    BOOST_TEST(get_as("/wp-json/cartpress/v1/status", "admin", "AdminPass123!").status == 401);
}

BOOST_AUTO_TEST_CASE(unknown_route_and_wrong_method_are_rest_no_route) {
    const int port = E2eWorld::get().port();
    auto r = http_get(port, "/wp-json/nope");
    BOOST_TEST(r.status == 404);
    BOOST_TEST(r.body == kNoRoute);
    HttpRequest post;
    post.method = "POST";
    post.target = "/wp-json/cartpress/v1/health";
    r = http_send(port, post);
    BOOST_TEST(r.status == 404);
    BOOST_TEST(r.body == kNoRoute);
    BOOST_TEST(!r.has_header("Allow"));
    HttpRequest del;
    del.method = "DELETE";
    del.target = "/wp-json/cartpress/v1/status";
    BOOST_TEST(http_send(port, del).status == 404);
}

BOOST_AUTO_TEST_CASE(rest_route_with_dot_dot_or_nul_is_rest_no_route) {
    const int port = E2eWorld::get().port();
    for (const char* target :
         {"/?rest_route=/cartpress/v1/../v1/health", "/?rest_route=/cartpress/v1/health%00",
          "/?rest_route=/cartpress/v1/%2e%2e/v1/health", "/wp-json/cartpress/v1/../v1/health",
          "/?rest_route=%00"}) {
        const auto r = http_get(port, target);
        BOOST_TEST_CONTEXT(target) {
            BOOST_TEST(r.status == 404);
            BOOST_TEST(code_of(r) == "rest_no_route");
        }
    }
    BOOST_TEST(http_get(port, "/?rest_route=/cartpress/v1/health").status == 200);
    BOOST_TEST(http_get(port, "/?rest_route=%2Fcartpress%2Fv1%2Fhealth").status == 200);
    BOOST_TEST(http_get(port, "/wp-json/CARTPRESS/V1/HEALTH/").status == 200);
}

BOOST_AUTO_TEST_CASE(malformed_json_is_400_rest_invalid_json) {
    const auto& w = E2eWorld::get();
    HttpRequest r;
    r.method = "POST";
    r.target = "/wp-json/cartpress/v1/cache/flush";
    r.with_basic_auth("admin", w.creds.admin_app_password).with_json(R"({"customer_id": 1,)");
    const auto resp = http_send(w.port(), r);
    BOOST_TEST(resp.status == 400);
    BOOST_TEST(
        resp.body ==
        R"({"code":"rest_invalid_json","message":"Invalid JSON body passed.","data":{"status":400,"json_error_code":4,"json_error_message":"Syntax error"}})");
    BOOST_TEST(resp.header("Allow") == "POST");
}

BOOST_AUTO_TEST_CASE(anonymous_bad_json_gets_400_before_401) {
    HttpRequest r;
    r.method = "POST";
    r.target = "/wp-json/cartpress/v1/cache/flush";
    r.with_json("{");
    BOOST_TEST(http_send(E2eWorld::get().port(), r).status == 400);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_400_json) {
    const auto& w = E2eWorld::get();
    HttpRequest r;
    r.method = "POST";
    r.target = "/wp-json/cartpress/v1/cache/flush";
    r.with_basic_auth("admin", w.creds.admin_app_password).with_json("{\"a\":\"\xC3\x28\"}");
    auto resp = http_send(w.port(), r);
    BOOST_TEST(resp.status == 400);
    BOOST_TEST(resp.body.find(R"("json_error_code":5)") != std::string::npos);

    resp = http_get(w.port(), "/wp-json/cartpress/v1/health?x=%C3%28");
    BOOST_TEST(resp.status == 400);
    BOOST_TEST(code_of(resp) == "cartpress_invalid_utf8");

    HttpRequest form;
    form.method = "POST";
    form.target = "/wp-json/cartpress/v1/cache/flush";
    form.body = "name=%FF%FE";
    form.with_basic_auth("admin", w.creds.admin_app_password)
        .with_header("Content-Type", "application/x-www-form-urlencoded");
    resp = http_send(w.port(), form);
    BOOST_TEST(resp.status == 400);
    BOOST_TEST(code_of(resp) == "cartpress_invalid_utf8");
}

BOOST_AUTO_TEST_CASE(oversized_body_is_413_json) {
    const auto& w = E2eWorld::get();
    HttpRequest r;
    r.method = "POST";
    r.target = "/wp-json/cartpress/v1/cache/flush";
    r.with_json("{\"a\":\"" + std::string(1100000, 'x') + "\"}");
    auto resp = http_send(w.port(), r);
    BOOST_TEST(resp.status == 413);
    BOOST_TEST(
        resp.body ==
        R"({"code":"cartpress_body_too_large","message":"The request body is too large.","data":{"status":413}})");
    // Over nginx's own bound the answer has the same shape.
    r.body = std::string(3 * 1024 * 1024, 'x');
    resp = http_send(w.port(), r);
    BOOST_TEST(resp.status == 413);
    BOOST_TEST(code_of(resp) == "cartpress_body_too_large");
}

BOOST_AUTO_TEST_CASE(options_lists_methods_and_allow) {
    const auto& w = E2eWorld::get();
    HttpRequest r;
    r.method = "OPTIONS";
    r.target = "/wp-json/cartpress/v1/status";
    auto anon = http_send(w.port(), r);
    BOOST_TEST(anon.status == 200);
    BOOST_TEST(!anon.has_header("Allow"));
    BOOST_TEST(
        anon.body ==
        R"({"namespace":"cartpress\/v1","methods":["GET"],"endpoints":[{"methods":["GET"],"args":[]}],"_links":{"self":[{"href":"http:\/\/127.0.0.1:8081\/wp-json\/cartpress\/v1\/status"}]}})");
    r.with_basic_auth("admin", w.creds.admin_app_password);
    BOOST_TEST(http_send(w.port(), r).header("Allow") == "GET");
}

BOOST_AUTO_TEST_CASE(envelope_and_fields) {
    const int port = E2eWorld::get().port();
    auto r = http_get(port, "/wp-json/cartpress/v1/status?_envelope=1");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(
        r.body ==
        R"({"body":{"code":"rest_forbidden","message":"Sorry, you are not allowed to do that.","data":{"status":401}},"status":401,"headers":[]})");
    r = http_get(port, "/wp-json/?_fields=name,namespaces");
    auto d = parse(r.body);
    BOOST_TEST(d.MemberCount() == 2u);
    BOOST_TEST(d.HasMember("name"));
    BOOST_TEST(d.HasMember("namespaces"));
}

BOOST_AUTO_TEST_CASE(wp_config_with_shop_prefix) {
    const auto& w = E2eWorld::get();
    const auto r = get_as("/wp-json/cartpress/v1/status", "admin", w.creds.admin_app_password,
                          w.shop_nginx->port());
    BOOST_TEST(r.status == 200);
    auto d = parse(r.body);
    BOOST_TEST(std::string(d["database"]["table_prefix"].GetString()) == "shop_");
    BOOST_TEST(get_as("/wp-json/cartpress/v1/status", w.creds.subscriber_user,
                      w.creds.subscriber_app_password, w.shop_nginx->port())
                   .status == 403);
}

BOOST_AUTO_TEST_CASE(usage_is_recorded_once_a_day) {
    auto& w = E2eWorld::get();
    // usage1 is used by this test only, so its first request is the first use.
    const std::string before = app_passwords_meta(*w.db, "cp_ref", "wp_", 5);
    BOOST_TEST(before.find(R"(s:9:"last_used";N;)") != std::string::npos);
    BOOST_TEST(get_as("/wp-json/cartpress/v1/health", "usage1", E2eWorld::kUsagePassword).status ==
               200);
    const std::string after = app_passwords_meta(*w.db, "cp_ref", "wp_", 5);
    BOOST_TEST(after.find(R"(s:9:"last_used";i:)") != std::string::npos);
    BOOST_TEST(after.find(R"(s:7:"last_ip";s:9:"127.0.0.1";)") != std::string::npos);
    // A second request within the day leaves the row as it is.
    BOOST_TEST(get_as("/wp-json/cartpress/v1/health", "usage1", E2eWorld::kUsagePassword).status ==
               200);
    BOOST_TEST(app_passwords_meta(*w.db, "cp_ref", "wp_", 5) == after);
}

BOOST_AUTO_TEST_CASE(host_down_gives_json_503_from_nginx) {
    NginxInstance orphan({E2eWorld::get().dir + "/missing.sock"});
    const auto r = http_get(orphan.port(), "/wp-json/");
    BOOST_TEST(r.status == 503);
    BOOST_TEST(
        r.body ==
        R"({"code":"cartpress_unavailable","message":"The service is temporarily unavailable.","data":{"status":503}})");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::test
