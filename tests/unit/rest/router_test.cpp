#include <boost/test/unit_test.hpp>
#include <cartpress/rest/router.hpp>

namespace cartpress::rest {
namespace {

Endpoint endpoint(std::vector<std::string> methods) {
    Endpoint e;
    e.methods = std::move(methods);
    e.handler = [](const RestRequest&, RequestContext&) -> HandlerResult { return RestResponse(); };
    return e;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rest)
BOOST_AUTO_TEST_SUITE(router)

BOOST_AUTO_TEST_CASE(typed_parameters) {
    Router r;
    r.add("shop/v1", "orders/{order_id:int}", endpoint({"GET"}));
    r.add("shop/v1", "carts/{hash}", endpoint({"POST"}));
    auto m = r.match("/shop/v1/orders/42", "GET");
    BOOST_REQUIRE(m && m->endpoint);
    BOOST_TEST(m->url_params.at(0).first == "order_id");
    BOOST_TEST(m->url_params.at(0).second == "42");
    BOOST_TEST(!r.match("/shop/v1/orders/abc", "GET"));
    BOOST_TEST(!r.match("/shop/v1/orders/", "GET"));
    BOOST_TEST(!r.match("/shop/v1/orders/1/x", "GET"));
    BOOST_TEST(r.match("/shop/v1/carts/a-b_c", "POST")->url_params.at(0).second == "a-b_c");
    BOOST_TEST(r.routes()[0].display_pattern() == "/shop/v1/orders/(?P<order_id>[\\d]+)");
    BOOST_TEST(r.routes()[1].display_pattern() == "/shop/v1/carts/(?P<hash>[^/]+)");
}

BOOST_AUTO_TEST_CASE(literals_match_case_insensitively) {
    Router r;
    r.add("shop/v1", "orders", endpoint({"GET"}));
    BOOST_TEST(r.match("/SHOP/V1/Orders", "GET").has_value());
}

BOOST_AUTO_TEST_CASE(method_selection_and_fallthrough) {
    Router r;
    r.add("a/v1", "x/{id:int}", endpoint({"GET"}));
    r.add("a/v1", "x/{id}", endpoint({"POST"}));
    r.add("a/v1", "x/{id:int}", endpoint({"DELETE"}));  // same pattern: same route
    BOOST_TEST(r.routes().size() == 2u);
    auto post = r.match("/a/v1/x/5", "POST");
    BOOST_REQUIRE(post && post->endpoint);
    BOOST_TEST(post->route == &r.routes()[1]);  // the first route lacks POST: the next is tried
    auto del = r.match("/a/v1/x/5", "DELETE");
    BOOST_TEST(del->route == &r.routes()[0]);
    auto put = r.match("/a/v1/x/5", "PUT");
    BOOST_REQUIRE(put);
    BOOST_TEST(put->endpoint == nullptr);  // path known, method not: rest_no_route
    BOOST_TEST(r.match("/a/v1/x/5", "HEAD")->endpoint != nullptr);  // HEAD uses GET
}

BOOST_AUTO_TEST_CASE(registration_after_freeze_is_refused) {
    Router r;
    r.freeze();
    BOOST_CHECK_THROW(r.add("a/v1", "x", endpoint({"GET"})), std::logic_error);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::rest
