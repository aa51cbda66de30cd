#include "serialization/paginator.hpp"

#include <boost/test/unit_test.hpp>
#include <cartpress/json/json_writer.hpp>
#include <string>

namespace {

using cartpress::plugins::fluent_cart::PageRequest;
using cartpress::plugins::fluent_cart::paginator_json;
using cartpress::plugins::fluent_cart::paginator_path;
namespace json = cartpress::json;

constexpr const char* kPath = "http://127.0.0.1:8081/wp-json/fluent-cart/v2/orders";

json::Document envelope(std::int64_t total, std::int64_t page, std::int64_t per_page, int rows) {
    json::Document d;
    json::Value data(rapidjson::kArrayType);
    for (int i = 0; i < rows; ++i) data.PushBack(i, d.GetAllocator());
    PageRequest p;
    p.page = page;
    p.per_page = per_page;
    json::Value v = paginator_json(std::move(data), total, p, kPath, d.GetAllocator());
    d.CopyFrom(v, d.GetAllocator());
    return d;
}

// The link labels, "(N)" for the active one: "< 1 (2) 3 >".
std::string labels(std::int64_t total, std::int64_t page, std::int64_t per_page) {
    const auto d = envelope(total, page, per_page, 0);
    std::string out;
    for (const auto& l : d["links"].GetArray()) {
        std::string label = l["label"].GetString();
        if (label == "pagination.previous") label = "<";
        if (label == "pagination.next") label = ">";
        if (l["active"].GetBool()) label = "(" + label + ")";
        out += (out.empty() ? "" : " ") + label;
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_AUTO_TEST_SUITE(paginator)

// Capture 02 (per_page=2&page=2 of 6 orders) with its two orders replaced by 0 and 1.
BOOST_AUTO_TEST_CASE(capture_02_envelope) {
    const std::string u = R"(http:\/\/127.0.0.1:8081\/wp-json\/fluent-cart\/v2\/orders)";
    const std::string expected =
        R"({"current_page":2,"data":[0,1],"first_page_url":")" + u +
        R"(\/?page=1","from":3,"last_page":3,"last_page_url":")" + u +
        R"(\/?page=3","links":[{"url":")" + u +
        R"(\/?page=1","label":"pagination.previous","active":false},{"url":")" + u +
        R"(\/?page=1","label":"1","active":false},{"url":")" + u +
        R"(\/?page=2","label":"2","active":true},{"url":")" + u +
        R"(\/?page=3","label":"3","active":false},{"url":")" + u +
        R"(\/?page=3","label":"pagination.next","active":false}],"next_page_url":")" + u +
        R"(\/?page=3","path":")" + u + R"(","per_page":2,"prev_page_url":")" + u +
        R"(\/?page=1","to":4,"total":6})";
    BOOST_TEST(json::encode(envelope(6, 2, 2, 2)).value() == expected);
}

BOOST_AUTO_TEST_CASE(empty_result_has_one_page_and_null_bounds) {
    const auto d = envelope(0, 1, 10, 0);
    BOOST_TEST(d["last_page"].GetInt64() == 1);
    BOOST_TEST(d["from"].IsNull());
    BOOST_TEST(d["to"].IsNull());
    BOOST_TEST(d["prev_page_url"].IsNull());
    BOOST_TEST(d["next_page_url"].IsNull());
    BOOST_TEST(labels(0, 1, 10) == "< (1) >");
}

BOOST_AUTO_TEST_CASE(page_past_the_end) {
    const auto d = envelope(6, 4, 5, 0);
    BOOST_TEST(d["current_page"].GetInt64() == 4);
    BOOST_TEST(d["from"].IsNull());
    BOOST_TEST(std::string(d["prev_page_url"].GetString()) == std::string(kPath) + "/?page=3");
    BOOST_TEST(d["next_page_url"].IsNull());
    BOOST_TEST(labels(6, 4, 5) == "< 1 2 >");
}

// Laravel's UrlWindow, onEachSide 3 (spec §4).
BOOST_AUTO_TEST_CASE(link_windows) {
    BOOST_TEST(labels(13, 1, 1) == "< (1) 2 3 4 5 6 7 8 9 10 11 12 13 >");  // < 14 pages: all
    BOOST_TEST(labels(14, 1, 1) == "< (1) 2 3 4 5 6 7 8 9 10 ... 13 14 >");
    BOOST_TEST(labels(20, 7, 1) == "< 1 2 3 4 5 6 (7) 8 9 10 ... 19 20 >");
    BOOST_TEST(labels(20, 8, 1) == "< 1 2 ... 5 6 7 (8) 9 10 11 ... 19 20 >");
    BOOST_TEST(labels(20, 13, 1) == "< 1 2 ... 10 11 12 (13) 14 15 16 ... 19 20 >");
    BOOST_TEST(labels(20, 14, 1) == "< 1 2 ... 11 12 13 (14) 15 16 17 18 19 20 >");
    BOOST_TEST(labels(20, 20, 1) == "< 1 2 ... 11 12 13 14 15 16 17 18 19 (20) >");
    BOOST_TEST(labels(20, 99, 1) == "< 1 2 ... 11 12 13 14 15 16 17 18 19 20 >");
    BOOST_TEST(labels(1000, 50, 10) == "< 1 2 ... 47 48 49 (50) 51 52 53 ... 99 100 >");
    const auto d = envelope(20, 8, 1, 1);
    BOOST_TEST(d["links"][3]["url"].IsNull());  // "..."
    BOOST_TEST(d["from"].GetInt64() == 8);
    BOOST_TEST(d["to"].GetInt64() == 8);
}

BOOST_AUTO_TEST_CASE(path_is_site_url_plus_request_path) {
    const std::string site = "http://127.0.0.1:8081";
    BOOST_TEST(paginator_path(site, "/wp-json/fluent-cart/v2/orders") ==
               site + "/wp-json/fluent-cart/v2/orders");
    BOOST_TEST(paginator_path(site, "/wp-json/fluent-cart/v2/orders/?per_page=2&page=2") ==
               site + "/wp-json/fluent-cart/v2/orders");
    BOOST_TEST(paginator_path(site, "/wp-json/fluent-cart/v2/orders//") ==
               site + "/wp-json/fluent-cart/v2/orders");
    BOOST_TEST(paginator_path(site, "/?rest_route=/fluent-cart/v2/orders&page=2") == site);
    BOOST_TEST(paginator_path(site, "/index.php?rest_route=/fluent-cart/v2/orders") ==
               site + "/index.php");
    BOOST_TEST(paginator_path(site + "/", "/") == site);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
