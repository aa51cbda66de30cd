#include "validation/address_fields.hpp"

#include <boost/test/unit_test.hpp>
#include <cartpress/json/json_reader.hpp>
#include <cartpress/json/json_writer.hpp>
#include <stdexcept>
#include <string>

namespace {

using namespace cartpress;
using namespace cartpress::plugins::fluent_cart;

const Countries& installed() {
    static const Countries countries = [] {
        auto loaded = Countries::load("/usr/share/iso-codes/json");
        if (!loaded) throw std::runtime_error(loaded.error());
        return std::move(*loaded);
    }();
    return countries;
}

// The 422 body the rules give for a JSON request body ("" when it passes).
std::string bag(const std::string& body) {
    json::Document d;
    BOOST_REQUIRE(json::decode(body, d).has_value());
    const ParamLookup param = [&d](std::string_view name) -> const json::Value* {
        const auto it =
            d.FindMember(json::Value(name.data(), static_cast<rapidjson::SizeType>(name.size())));
        return it == d.MemberEnd() ? nullptr : &it->value;
    };
    const auto errors = validate_address_fields(param, installed());
    if (errors.empty()) return "";
    return *json::encode(*errors.to_error().raw_body);
}

// A valid form (capture 45) with `extra` members added or replaced.
std::string form(const std::string& extra = "") {
    std::string base =
        R"("type":"billing","label":"Office","name":"Alice Anderson","email":"alice@example.com",)"
        R"("address_1":"500 Fifth Ave","address_2":"Floor 3","city":"New York","state":"NY",)"
        R"("postcode":"10110","country":"US","phone":"+15551234567")";
    return "{" + (extra.empty() ? base : base + "," + extra) + "}";  // the last key wins
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_AUTO_TEST_SUITE(address_fields)

BOOST_AUTO_TEST_CASE(capture_46_body_and_a_valid_form) {
    BOOST_TEST(
        bag(R"({"type":"billing","name":""})") ==
        R"({"country":{"required":"Country field is required.","1":"Invalid country code."},"state":{"required":"State is required."},"name":{"required":"Name field is required."},"email":{"required":"Email field is required."},"address_1":{"required":"Street Address field is required."},"city":{"required":"City field is required."}})");
    BOOST_TEST(bag(form()) == "");
    // postcode, type, phone and address_2 have no rule.
    BOOST_TEST(bag(form(R"("postcode":[1],"type":"x","phone":"<b>","address_2":null)")) == "");
}

BOOST_AUTO_TEST_CASE(country_must_be_a_known_code_as_sent) {
    BOOST_TEST(bag(form(R"("country":"XX")")) == R"({"country":{"1":"Invalid country code."}})");
    // Not trimmed, not upper-cased.
    BOOST_TEST(bag(form(R"("country":"us")")) == R"({"country":{"1":"Invalid country code."}})");
    BOOST_TEST(bag(form(R"("country":" US")")) == R"({"country":{"1":"Invalid country code."}})");
    BOOST_TEST(
        bag(form(R"("country":"")")) ==
        R"({"country":{"required":"Country field is required.","1":"Invalid country code."}})");
}

BOOST_AUTO_TEST_CASE(state_follows_the_countrys_list) {
    // US has a list: required, and only its codes.
    BOOST_TEST(bag(form(R"("state":"")")) == R"({"state":{"required":"State is required."}})");
    BOOST_TEST(bag(form(R"("state":"ZZ")")) == R"({"state":{"invalid":"Invalid state code."}})");
    BOOST_TEST(bag(form(R"("state":"New York")")) ==
               R"({"state":{"invalid":"Invalid state code."}})");
    BOOST_TEST(bag(form(R"("state":["NY"])")) == R"({"state":{"invalid":"Invalid state code."}})");
    // DE's list uses FluentCart's codes ("DE-BE", not the seed's "BE").
    BOOST_TEST(bag(form(R"("country":"DE","state":"DE-BE")")) == "");
    BOOST_TEST(bag(form(R"("country":"DE","state":"BE")")) ==
               R"({"state":{"invalid":"Invalid state code."}})");
    // GB has no list: any state, or none.
    BOOST_TEST(bag(form(R"("country":"GB","state":"LND")")) == "");
    BOOST_TEST(bag(form(R"("country":"GB","state":"")")) == "");
    // An unknown country still needs a state, but no list decides which.
    BOOST_TEST(
        bag(form(R"("country":"XX","state":"")")) ==
        R"({"country":{"1":"Invalid country code."},"state":{"required":"State is required."}})");
    BOOST_TEST(bag(form(R"("country":"XX","state":"Anything")")) ==
               R"({"country":{"1":"Invalid country code."}})");
}

BOOST_AUTO_TEST_CASE(label_is_nullable_text_of_at_most_15_bytes) {
    BOOST_TEST(bag(form(R"("label":null)")) == "");
    BOOST_TEST(bag(form(R"("label":"123456789012345")")) == "");
    BOOST_TEST(bag(form(R"("label":" 123456789012345 ")")) == "");  // counted trimmed
    BOOST_TEST(bag(form(R"("label":"1234567890123456")")) ==
               R"({"label":{"maxLength":"The label must not be greater than 15 characters."}})");
    BOOST_TEST(
        bag(form(R"("label":"Caf\u00e9 Caf\u00e9 Caf\u00e9s")")) ==  // 15 characters, 17 bytes
        R"({"label":{"maxLength":"The label must not be greater than 15 characters."}})");
    BOOST_TEST(bag(form(R"("label":"a\tb")")) ==
               R"({"label":{"sanitizeText":"The label must be a valid text"}})");
    BOOST_TEST(bag(form(R"("label":["x"])")) ==
               R"({"label":{"sanitizeText":"The label must be a valid text"}})");
}

BOOST_AUTO_TEST_CASE(email_is_required_and_checked_as_sent) {
    BOOST_TEST(bag(form(R"("email":"not-an-email")")) ==
               R"({"email":{"email":"The email must be a valid email address."}})");
    BOOST_TEST(bag(form(R"("email":" alice@example.com")")) ==
               R"({"email":{"email":"The email must be a valid email address."}})");
    BOOST_TEST(
        bag(form(R"("email":null)")) ==
        R"({"email":{"required":"Email field is required.","email":"The email must be a valid email address."}})");
}

BOOST_AUTO_TEST_CASE(blank_required_fields_fail) {
    BOOST_TEST(
        bag(form(R"("name":"   ","address_1":[],"city":null)")) ==
        R"({"name":{"required":"Name field is required."},"address_1":{"required":"Street Address field is required."},"city":{"required":"City field is required."}})");
}

BOOST_AUTO_TEST_CASE(is_primary_must_be_numeric_when_sent) {
    for (const char* ok : {R"(1)", R"(0)", R"("1")", R"(" 1 ")", R"("1.5")", R"("-2")", R"(".5")",
                           R"("1e3")", R"(2.5)"}) {
        BOOST_TEST_CONTEXT(ok) {
            BOOST_TEST(bag(form(std::string(R"("is_primary":)") + ok)) == "");
        }
    }
    for (const char* bad :
         {R"("yes")", R"(true)", R"(null)", R"("")", R"("1e")", R"(".")", R"("0x1")", R"([1])"}) {
        BOOST_TEST_CONTEXT(bad) {
            BOOST_TEST(bag(form(std::string(R"("is_primary":)") + bad)) ==
                       R"({"is_primary":{"numeric":"The is_primary must be a number."}})");
        }
    }
}

BOOST_AUTO_TEST_CASE(company_name_at_most_255_bytes) {
    BOOST_TEST(bag(form(R"("company_name":")" + std::string(255, 'c') + "\"")) == "");
    BOOST_TEST(
        bag(form(R"("company_name":")" + std::string(256, 'c') + "\"")) ==
        R"({"company_name":{"maxLength":"The company_name must not be greater than 255 characters."}})");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
