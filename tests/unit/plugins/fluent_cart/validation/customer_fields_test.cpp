#include "validation/customer_fields.hpp"

#include <boost/test/unit_test.hpp>
#include <cartpress/json/json_reader.hpp>
#include <cartpress/json/json_writer.hpp>
#include <cartpress/site/email_identity.hpp>
#include <string>

namespace {

using namespace cartpress;
using namespace cartpress::plugins::fluent_cart;

// The 422 body the rules give for a JSON request body.
std::string bag(const std::string& body, NameMode mode = NameMode::kFullName, bool exists = false) {
    json::Document d;
    if (!body.empty()) BOOST_REQUIRE(json::decode(body, d).has_value());
    const ParamLookup param = [&d](std::string_view name) -> const json::Value* {
        if (!d.IsObject()) return nullptr;
        const auto it =
            d.FindMember(json::Value(name.data(), static_cast<rapidjson::SizeType>(name.size())));
        return it == d.MemberEnd() ? nullptr : &it->value;
    };
    const auto errors = validate_customer_fields(param, mode, exists);
    if (errors.empty()) return "";
    return *json::encode(*errors.to_error().raw_body);
}

bool first_last(std::optional<std::string> option) {
    return checkout_name_mode(option) == NameMode::kFirstLast;
}

bool sanitize_ok(const std::string& json_value) {
    json::Document d;
    BOOST_REQUIRE(json::decode(json_value, d).has_value());
    return passes_sanitize_text(d);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_AUTO_TEST_SUITE(customer_fields)

// The 422 bodies of captures 12–17 and 20 (exist answered by the database).
BOOST_AUTO_TEST_CASE(capture_bodies) {
    BOOST_TEST(bag(R"({"email":"new@example.com"})") ==
               R"({"full_name":{"required":"Full Name is required."}})");
    BOOST_TEST(bag(R"({"email":"not-an-email","full_name":"Bad Email"})") ==
               R"({"email":{"email":"Email must be a valid email address."}})");
    BOOST_TEST(bag(R"({"full_name":"No Email"})") ==
               R"({"email":{"required":"Email is required."}})");
    BOOST_TEST(bag(R"({"email":"new@example.com","first_name":"New"})") ==
               R"({"full_name":{"required":"Full Name is required."}})");
    BOOST_TEST(
        bag("") ==
        R"({"full_name":{"required":"Full Name is required."},"email":{"required":"Email is required."}})");
    BOOST_TEST(bag(R"({"email":"bob@example.com","full_name":"Bob Brown"})", NameMode::kFullName,
                   true) == R"({"email":{"exist":"Email already exists."}})");
    BOOST_TEST(bag(R"({"email":"new@example.com","full_name":"New Customer","foo":"bar"})") == "");
}

BOOST_AUTO_TEST_CASE(every_failing_rule_is_reported_in_rule_order) {
    // present null: required and email (spec §7.1)
    BOOST_TEST(
        bag(R"({"email":null,"full_name":"A B"})") ==
        R"({"email":{"required":"Email is required.","email":"Email must be a valid email address."}})");
    BOOST_TEST(
        bag(R"({"email":"","full_name":"A B"})") ==
        R"({"email":{"required":"Email is required.","email":"Email must be a valid email address."}})");
    BOOST_TEST(
        bag(R"({"email":"a<b@example.com","full_name":"  "})", NameMode::kFullName, true) ==
        R"({"full_name":{"required":"Full Name is required."},"email":{"sanitizeText":"The email must be a valid text","email":"Email must be a valid email address.","exist":"Email already exists."}})");
    // arrays fail sanitizeText instead of PHP's TypeError (§10 #16)
    BOOST_TEST(
        bag(R"({"email":["x"],"full_name":{"a":1},"city":[1]})") ==
        R"({"full_name":{"sanitizeText":"The full_name must be a valid text"},"city":{"sanitizeText":"The city must be a valid text"},"email":{"sanitizeText":"The email must be a valid text","email":"Email must be a valid email address."}})");
    BOOST_TEST(
        bag(R"({"email":"a@b.co","full_name":[]})") ==
        R"({"full_name":{"required":"Full Name is required.","sanitizeText":"The full_name must be a valid text"}})");
    // city is nullable; spacing is not trimmed before the email rule
    BOOST_TEST(bag(R"({"email":" pat@example.com","full_name":"A","city":null})") ==
               R"({"email":{"email":"Email must be a valid email address."}})");
}

BOOST_AUTO_TEST_CASE(first_and_last_name_mode) {
    BOOST_TEST(bag(R"({"email":"a@b.co","full_name":"A B"})", NameMode::kFirstLast) ==
               R"({"first_name":{"required":"First Name is required."}})");
    BOOST_TEST(
        bag(R"({"email":"a@b.co","first_name":"A","last_name":null})", NameMode::kFirstLast) == "");
    BOOST_TEST(
        bag(R"({"email":"a@b.co","first_name":"A","last_name":"x\ty"})", NameMode::kFirstLast) ==
        R"({"last_name":{"sanitizeText":"The last_name must be a valid text"}})");
    BOOST_TEST(!first_last(std::nullopt));
    BOOST_TEST(first_last(
        R"({"basic_info":{"first_name":{"enabled":"no"},"last_name":{"enabled":"yes"}}})"));
    BOOST_TEST(!first_last(R"({"basic_info":{"first_name":{"enabled":"no"}}})"));
    BOOST_TEST(first_last(
        R"(a:1:{s:10:"basic_info";a:1:{s:10:"first_name";a:1:{s:7:"enabled";s:3:"yes";}}})"));
    BOOST_TEST(!first_last("garbage"));
}

// maxLength counts bytes of the trimmed value: 255 is FluentCart's limit, 192 Cartpress's extra
// rule for the 192-character columns (§10 #17); only one of the two is reported.
BOOST_AUTO_TEST_CASE(max_length_and_the_column_rule) {
    const std::string name192(192, 'a');
    const std::string name193(193, 'a');
    const std::string name256(256, 'a');
    BOOST_TEST(bag(R"({"email":"a@b.co","full_name":" )" + name192 + R"( "})") == "");
    BOOST_TEST(
        bag(R"({"email":"a@b.co","full_name":")" + name193 + R"("})") ==
        R"({"full_name":{"maxLength":"The full_name must not be greater than 192 characters."}})");
    BOOST_TEST(
        bag(R"({"email":"a@b.co","full_name":")" + name256 + R"("})") ==
        R"({"full_name":{"maxLength":"The full_name must not be greater than 255 characters."}})");
    const std::string long_email = std::string(190, 'a') + "@example.com";
    BOOST_TEST(bag(R"({"email":")" + long_email + R"(","full_name":"A"})") ==
               R"({"email":{"maxLength":"The email must not be greater than 192 characters."}})");
    BOOST_TEST(
        bag(R"({"email":"a@b.co","first_name":")" + name193 + R"("})", NameMode::kFirstLast) ==
        R"({"first_name":{"maxLength":"The first_name must not be greater than 192 characters."}})");
}

BOOST_AUTO_TEST_CASE(is_email_is_wordpress_is_email) {
    BOOST_TEST(is_email("a@b.co"));
    BOOST_TEST(is_email("new@example.com"));
    BOOST_TEST(is_email("Pat.O'Neil+tag@sub-domain.example.org"));
    BOOST_TEST(!is_email("a@b.c"));  // shorter than 6
    BOOST_TEST(!is_email("not-an-email"));
    BOOST_TEST(!is_email("@example.com"));
    BOOST_TEST(!is_email(" pat@example.com"));
    BOOST_TEST(!is_email("pat@example.com "));
    BOOST_TEST(!is_email("pat@example..com"));
    BOOST_TEST(!is_email("pat@.example.com"));
    BOOST_TEST(!is_email("pat@example.com."));
    BOOST_TEST(!is_email("pat@-example.com"));
    BOOST_TEST(!is_email("pat@example-.com"));
    BOOST_TEST(!is_email("pat@localhost"));
    BOOST_TEST(!is_email("pa t@example.com"));
    BOOST_TEST(!is_email("pat@exa_mple.com"));
    BOOST_TEST(!is_email("pat@a@example.com"));
    BOOST_TEST(is_email("pat\n@example.com"));  // preg's `$` before a final newline
    BOOST_TEST(!is_email("pat\n\n@example.com"));
    BOOST_TEST(!is_email("pat@example.com\n"));
}

BOOST_AUTO_TEST_CASE(sanitize_text_rule) {
    BOOST_TEST(sanitize_ok(R"("Bob Brown")"));
    BOOST_TEST(sanitize_ok(R"("  Bob Brown ")"));  // the trimmed value is checked
    BOOST_TEST(sanitize_ok(R"("a%2")"));
    BOOST_TEST(sanitize_ok("42"));
    BOOST_TEST(sanitize_ok("true"));
    BOOST_TEST(sanitize_ok("null"));
    BOOST_TEST(!sanitize_ok(R"("Bob  Brown")"));
    BOOST_TEST(!sanitize_ok(R"("a<b")"));
    BOOST_TEST(!sanitize_ok(R"("a\tb")"));
    BOOST_TEST(!sanitize_ok(R"("a\nb")"));
    BOOST_TEST(!sanitize_ok(R"("a%2Fb")"));
    BOOST_TEST(!sanitize_ok(R"(["a"])"));
    json::Document invalid;
    invalid.SetString("a\xff", invalid.GetAllocator());
    BOOST_TEST(!passes_sanitize_text(invalid));
}

BOOST_AUTO_TEST_CASE(sanitize_text_field_is_wordpress_sanitize_text_field) {
    BOOST_TEST(sanitize_text_field("  Rome  ") == "Rome");
    BOOST_TEST(sanitize_text_field("a \t\n b") == "a b");
    BOOST_TEST(sanitize_text_field("a \t\n b", true) == "a \t\n b");
    BOOST_TEST(sanitize_text_field("<b>Rome</b>") == "Rome");
    BOOST_TEST(sanitize_text_field("x<script>alert(1)</script>y") == "xy");
    BOOST_TEST(sanitize_text_field("a < b") == "a &lt; b");
    BOOST_TEST(sanitize_text_field("100%41off %zz") == "100off %zz");
    BOOST_TEST(sanitize_text_field("a %20 b") == "a b");
    BOOST_TEST(sanitize_text_field("a\xff") == "");
    json::Document arr;
    arr.SetArray();
    BOOST_TEST(sanitize_text_field(&arr) == "");
    BOOST_TEST(sanitize_text_field(nullptr) == "");
}

BOOST_AUTO_TEST_CASE(php_string_cast_and_exist_value) {
    json::Document d;
    BOOST_REQUIRE(json::decode(R"([1.5, 1e25, 0.1, true, false, null, "0", "x", -3])", d));
    BOOST_TEST(*php_scalar_string(d[0]) == "1.5");
    BOOST_TEST(*php_scalar_string(d[1]) == "1.0E+25");
    BOOST_TEST(*php_scalar_string(d[2]) == "0.1");
    BOOST_TEST(*php_scalar_string(d[3]) == "1");
    BOOST_TEST(*php_scalar_string(d[4]) == "");
    BOOST_TEST(!exist_lookup_value(&d[5]).has_value());
    BOOST_TEST(!exist_lookup_value(&d[6]).has_value());
    BOOST_TEST(*exist_lookup_value(&d[7]) == "x");
    BOOST_TEST(*php_scalar_string(d[8]) == "-3");
    BOOST_TEST(!exist_lookup_value(nullptr).has_value());
}

BOOST_AUTO_TEST_CASE(email_identity_of_storefront_section_4) {
    BOOST_TEST(site::email_key(" PAT@Example.COM \t") == "pat@example.com");
    BOOST_TEST(site::email_key("Zoë@Example.com") == "zoë@example.com");  // ASCII letters only
    const auto name = site::email_lock_name("pat@example.com");
    BOOST_TEST(name.size() == 56u);
    BOOST_TEST(name.rfind("cartpress:email:", 0) == 0u);
    // the first 40 hex digits of sha256("pat@example.com")
    BOOST_TEST(name == "cartpress:email:fe9733fcc96501276776fc927df08a395835461a");
    BOOST_TEST(site::email_lock_name(site::email_key(" Pat@EXAMPLE.com")) == name);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
