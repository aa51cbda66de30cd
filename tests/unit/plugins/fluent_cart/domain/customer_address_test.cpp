#include "domain/customer_address.hpp"

#include <boost/test/unit_test.hpp>
#include <optional>
#include <string>

namespace {

using cartpress::plugins::fluent_cart::address_meta_with_company;

std::string meta(const std::optional<std::string>& stored, const std::string& company) {
    return address_meta_with_company(stored, company).value_or("NULL");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_AUTO_TEST_SUITE(customer_address)

BOOST_AUTO_TEST_CASE(a_new_address_stores_meta_only_for_a_company) {
    BOOST_TEST(meta(std::nullopt, "") == "NULL");
    BOOST_TEST(meta(std::nullopt, "Acme/Inc") == R"({"other_data":{"company_name":"Acme\/Inc"}})");
}

BOOST_AUTO_TEST_CASE(an_edit_keeps_every_other_key) {
    BOOST_TEST(meta(R"({"a":1,"other_data":{"phone":"1"}})", "Acme") ==
               R"({"a":1,"other_data":{"phone":"1","company_name":"Acme"}})");
    BOOST_TEST(meta(R"({"other_data":{"company_name":"Old","x":"y"}})", "New") ==
               R"({"other_data":{"company_name":"New","x":"y"}})");
    // Taken out when the form clears it; other_data goes when nothing else is in it.
    BOOST_TEST(meta(R"({"other_data":{"company_name":"Old","x":"y"}})", "") ==
               R"({"other_data":{"x":"y"}})");
    BOOST_TEST(meta(R"({"a":1,"other_data":{"company_name":"Old"}})", "") == R"({"a":1})");
    // Nothing to take out: the stored text stays as it is, NULL included.
    BOOST_TEST(meta(R"({"b": 2})", "") == R"({"b": 2})");
    BOOST_TEST(meta(std::string("[]"), "") == "[]");
    // A list or unreadable text has no keys to keep.
    BOOST_TEST(meta(std::string("[]"), "Acme") == R"({"other_data":{"company_name":"Acme"}})");
    BOOST_TEST(meta(std::string("not json"), "Acme") ==
               R"({"other_data":{"company_name":"Acme"}})");
    BOOST_TEST(meta(R"({"other_data":"text"})", "Acme") ==
               R"({"other_data":{"company_name":"Acme"}})");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
