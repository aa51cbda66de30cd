// GET orders through nginx and the real socket, on a fresh copy of the reference store: the
// plain-permalink form, bracketed query arrays as a browser encodes them, and a refused
// scopes[] that leaves every order in place.

#include <boost/test/unit_test.hpp>
#include <cartpress/json/rapidjson.hpp>
#include <string>

#include "e2e/e2e_world.hpp"
#include "support/capture.hpp"
#include "support/http_client.hpp"

namespace cartpress::test {
namespace {

constexpr const char* kDatabase = "cp_order_list_e2e";

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) {
        s.replace(at, from.size(), to);
    }
    return s;
}

struct ListHost {
    ListHost() : dir(make_temp_dir("olist")) {
        auto& w = E2eWorld::get();
        w.db->drop_database(kDatabase);
        w.db->create_store(kDatabase, "wp_", true);
        host = std::make_unique<HostProcess>(dir, "olist",
                                             "db.socket = " + w.db->socket() +
                                                 "\ndb.name = " + kDatabase +
                                                 "\ndb.user = root\nenvironment_type = local\n");
        nginx = std::make_unique<NginxInstance>(std::vector<std::string>{host->socket()});
    }
    ~ListHost() {
        nginx.reset();
        host.reset();
        remove_tree(dir);
        E2eWorld::get().db->drop_database(kDatabase);
    }

    HttpResponse get(const std::string& target) {
        HttpRequest r;
        r.target = target;
        r.with_basic_auth("admin", E2eWorld::get().creds.admin_app_password);
        return http_send(nginx->port(), r);
    }

    std::string dir;
    std::unique_ptr<HostProcess> host;
    std::unique_ptr<NginxInstance> nginx;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(e2e)
BOOST_FIXTURE_TEST_SUITE(fluent_cart_order_list, ListHost)

BOOST_AUTO_TEST_CASE(rest_route_form_pages_from_the_bare_site_url) {
    // Capture 02's request in the ?rest_route= form: the same body, with <path> the site URL.
    const Capture c = load_capture(2);
    const auto got = get("/?rest_route=/fluent-cart/v2/orders&per_page=2&page=2");
    BOOST_TEST(got.status == 200);
    BOOST_TEST(got.header("Allow") == "GET, POST");
    BOOST_TEST(got.body ==
               replace_all(c.response_body,
                           R"(http:\/\/127.0.0.1:8081\/wp-json\/fluent-cart\/v2\/orders)",
                           R"(http:\/\/127.0.0.1:8081)"));
}

BOOST_AUTO_TEST_CASE(encoded_array_parameters) {
    const auto got =
        get("/wp-json/fluent-cart/v2/orders?with%5B%5D=customer&order_statuses%5B0%5D=completed"
            "&order_statuses%5B1%5D=on-hold&sort_by=total_amount&sort_type=asc");
    BOOST_REQUIRE(got.status == 200);
    json::Document d;
    d.Parse(got.body.c_str());
    BOOST_REQUIRE(!d.HasParseError());
    const auto& data = d["orders"]["data"];
    std::string ids;
    for (const auto& o : data.GetArray()) ids += std::to_string(o["id"].GetInt64()) + " ";
    BOOST_TEST(ids == "2 4 1 5 ");  // 2900, 4250, 5748, 7598
    BOOST_TEST(std::string(data[0]["customer"]["email"].GetString()) == "alice@example.com");
    BOOST_TEST(std::string(data[1]["customer"]["email"].GetString()) == "carol@example.com");
}

BOOST_AUTO_TEST_CASE(scopes_are_refused_and_nothing_is_deleted) {
    const auto refused = get("/wp-json/fluent-cart/v2/orders?scopes%5B%5D=delete");
    BOOST_TEST(refused.status == 400);
    BOOST_TEST(refused.body.find(R"("code":"rest_invalid_param")") != std::string::npos);
    const auto after = get("/wp-json/fluent-cart/v2/orders");
    BOOST_TEST(after.body.find(R"("total":6})") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::test
