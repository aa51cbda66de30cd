#include "domain/page_request.hpp"

#include <boost/test/unit_test.hpp>
#include <cartpress/json/json_reader.hpp>
#include <string>

namespace {

using cartpress::plugins::fluent_cart::page_request;
using cartpress::plugins::fluent_cart::php_is_numeric;
using cartpress::plugins::fluent_cart::php_number;
namespace json = cartpress::json;

// "page/per_page" for the two values given as JSON text ("" = absent).
std::string pages(const std::string& page, const std::string& per_page) {
    json::Document p;
    json::Document pp;
    const bool has_page = !page.empty() && json::decode(page, p).has_value();
    const bool has_per_page = !per_page.empty() && json::decode(per_page, pp).has_value();
    const auto r = page_request(has_page ? &p : nullptr, has_per_page ? &pp : nullptr);
    return std::to_string(r.page) + "/" + std::to_string(r.per_page);
}

// is_numeric() both ways: a request value, and a text (the customer search's test).
bool numeric(const std::string& text) {
    json::Value v(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
    const bool value = php_number(&v).has_value();
    BOOST_TEST(value == php_is_numeric(text), text);
    return value;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_AUTO_TEST_SUITE(page_request_rules)

BOOST_AUTO_TEST_CASE(php_is_numeric_strings) {
    for (const char* yes :
         {"5", " 5", "5 ", "+5", "-5", "5.", ".5", "1e3", "1E+3", "-1.5e-2", "\t\n7", "00012"}) {
        BOOST_TEST(numeric(yes), yes);
    }
    for (const char* no :
         {"", " ", ".", "abc", "5abc", "0x1A", "1e", "--5", "5 5", "inf", "nan", "1,5"}) {
        BOOST_TEST(!numeric(no), no);
    }
}

BOOST_AUTO_TEST_CASE(per_page_kept_when_numeric_between_0_and_200) {
    BOOST_TEST(pages("", "") == "1/10");
    BOOST_TEST(pages("", "\"2\"") == "1/2");
    BOOST_TEST(pages("", "2") == "1/2");
    BOOST_TEST(pages("", "\"199\"") == "1/199");
    BOOST_TEST(pages("", "\"199.9\"") == "1/199");
    BOOST_TEST(pages("", "\"200\"") == "1/10");
    BOOST_TEST(pages("", "\"0\"") == "1/10");
    BOOST_TEST(pages("", "\"-3\"") == "1/10");
    BOOST_TEST(pages("", "\"0.5\"") == "1/10");
    BOOST_TEST(pages("", "\"2.9\"") == "1/2");
    BOOST_TEST(pages("", "\"1e1\"") == "1/10");
    BOOST_TEST(pages("", "\"5e1\"") == "1/50");
    BOOST_TEST(pages("", "\"abc\"") == "1/10");
    BOOST_TEST(pages("", "true") == "1/10");
    BOOST_TEST(pages("", "[5]") == "1/10");
}

BOOST_AUTO_TEST_CASE(page_is_the_int_of_a_numeric_value_at_least_1) {
    BOOST_TEST(pages("\"3\"", "") == "3/10");
    BOOST_TEST(pages("\"3.9\"", "") == "3/10");
    BOOST_TEST(pages("\"0\"", "") == "1/10");
    BOOST_TEST(pages("\"-4\"", "") == "1/10");
    BOOST_TEST(pages("\"x\"", "") == "1/10");
    BOOST_TEST(pages("\"99999999999999999999\"", "") == "9223372036854775807/10");
    BOOST_TEST(pages("\"1e300\"", "") == "9223372036854775807/10");
}

BOOST_AUTO_TEST_CASE(offset_or_nothing_past_int64) {
    cartpress::plugins::fluent_cart::PageRequest r;
    r.page = 3;
    r.per_page = 25;
    BOOST_TEST(r.offset().value() == 50);
    r.page = 9223372036854775807;
    BOOST_TEST(!r.offset().has_value());
    r.per_page = 1;
    BOOST_TEST(r.offset().value() == 9223372036854775806);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
