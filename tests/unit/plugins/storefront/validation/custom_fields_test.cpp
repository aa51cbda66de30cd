#include "storefront/validation/custom_fields.hpp"

#include <boost/test/unit_test.hpp>
#include <cartpress/json/json_reader.hpp>
#include <cartpress/json/json_writer.hpp>
#include <string>
#include <vector>

#include "storefront/validation/customer_input.hpp"

namespace {

using namespace cartpress;
using namespace cartpress::plugins::storefront;

json::Document parse(const std::string& text) {
    json::Document d;
    BOOST_REQUIRE(json::decode(text, d).has_value());
    return d;
}

using Parsed = core::Result<std::vector<CustomFieldWrite>, std::vector<FieldError>>;

Parsed fields(const std::string& text, bool staff = false) {
    const json::Document d = parse(text);
    return parse_custom_fields(d, staff);
}

// The one error's message ("" when the value parsed).
std::string error_of(const std::string& text, bool staff = false) {
    const auto r = fields(text, staff);
    if (r) return "";
    BOOST_TEST_REQUIRE(r.error().size() == 1u);
    BOOST_TEST(r.error()[0].name == "custom_fields");
    return r.error()[0].message;
}

// {"<name>":1}
std::string with_name(const std::string& name) { return R"({")" + name + R"(":1})"; }

// An object with `n` fields f0..f(n-1).
std::string many(int n) {
    std::string s = "{";
    for (int i = 0; i < n; ++i)
        s += (i ? "," : "") + std::string("\"f") + std::to_string(i) + "\":1";
    return s + "}";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(storefront)
BOOST_AUTO_TEST_SUITE(custom_fields)

BOOST_AUTO_TEST_CASE(names_follow_the_pattern) {
    BOOST_TEST(is_custom_field_name("a"));
    BOOST_TEST(is_custom_field_name("shoe_size"));
    BOOST_TEST(is_custom_field_name("a1_"));
    BOOST_TEST(is_custom_field_name("_secret"));
    BOOST_TEST(is_custom_field_name("a" + std::string(47, 'b')));   // 48 characters
    BOOST_TEST(!is_custom_field_name("a" + std::string(48, 'b')));  // 49
    BOOST_TEST(is_custom_field_name("_a" + std::string(47, 'b')));  // the `_` is extra
    BOOST_TEST(!is_custom_field_name("_a" + std::string(48, 'b')));
    BOOST_TEST(!is_custom_field_name(""));
    BOOST_TEST(!is_custom_field_name("_"));
    BOOST_TEST(!is_custom_field_name("__a"));
    BOOST_TEST(!is_custom_field_name("1a"));
    BOOST_TEST(!is_custom_field_name("_1"));
    BOOST_TEST(!is_custom_field_name("Shoe"));
    BOOST_TEST(!is_custom_field_name("shoe-size"));
    BOOST_TEST(!is_custom_field_name("shoe size"));
    BOOST_TEST(!is_custom_field_name("sch\xc3\xb6n"));
    BOOST_TEST(!is_custom_field_name(std::string("a\0b", 3)));
    BOOST_TEST(is_protected_custom_field("_secret"));
    BOOST_TEST(!is_protected_custom_field("secret"));
}

BOOST_AUTO_TEST_CASE(meta_keys_round_trip) {
    BOOST_TEST(custom_field_meta_key("shoe_size") == "cartpress_cf_shoe_size");
    BOOST_TEST(custom_field_meta_key("_vip") == "cartpress_cf__vip");
    BOOST_TEST(custom_field_name("cartpress_cf_shoe_size").value_or("?") == "shoe_size");
    BOOST_TEST(custom_field_name("cartpress_cf__vip").value_or("?") == "_vip");
    BOOST_TEST(!custom_field_name("cartpress_cf_").has_value());
    BOOST_TEST(!custom_field_name("cartpress_cf_Bad").has_value());
    BOOST_TEST(!custom_field_name("_fc_shoe_size").has_value());
    BOOST_TEST(!custom_field_name("cartpress_c").has_value());
    BOOST_TEST(!custom_field_name("").has_value());
}

BOOST_AUTO_TEST_CASE(values_are_stored_php_encoded_and_null_deletes) {
    const auto r = fields(R"({"b":"x/y","a":42,"c":{"k":"é"},"d":null,"e":[true,"s"]})");
    BOOST_TEST_REQUIRE(r.has_value());
    const auto& w = *r;
    BOOST_TEST_REQUIRE(w.size() == 5u);
    // The body's order.
    BOOST_TEST(w[0].name == "b");
    BOOST_TEST(w[0].json_value.value_or("?") == R"("x\/y")");
    BOOST_TEST(w[1].name == "a");
    BOOST_TEST(w[1].json_value.value_or("?") == "42");
    BOOST_TEST(w[2].json_value.value_or("?") == R"({"k":"\u00e9"})");
    BOOST_TEST(w[3].name == "d");
    BOOST_TEST(!w[3].json_value.has_value());
    BOOST_TEST(w[4].json_value.value_or("?") == R"([true,"s"])");
}

BOOST_AUTO_TEST_CASE(must_be_an_object) {
    for (const char* body : {R"("x")", "5", "true", "null", "[1]", R"(["a"])"}) {
        const auto r = fields(body);
        BOOST_TEST_REQUIRE(!r.has_value(), body);
        BOOST_TEST_REQUIRE(r.error().size() == 1u);
        BOOST_TEST(r.error()[0].name == "custom_fields");
        BOOST_TEST(r.error()[0].code == "rest_invalid_type");
        BOOST_TEST(r.error()[0].message == "custom_fields is not of type object.");
    }
    // [] is how PHP encodes an empty map.
    BOOST_TEST(fields("[]").has_value());
    BOOST_TEST(fields("[]")->empty());
    BOOST_TEST(fields("{}")->empty());
}

BOOST_AUTO_TEST_CASE(bad_names_are_rejected_and_named) {
    BOOST_TEST(error_of(with_name("Shoe")) ==
               R"(custom_fields: "Shoe" is not a valid field name (^_?[a-z][a-z0-9_]{0,47}$).)");
    BOOST_TEST(error_of(with_name("")) != "");
    BOOST_TEST(error_of(with_name("a-b")) != "");
    BOOST_TEST(error_of(with_name("9a")) != "");
    BOOST_TEST(error_of(with_name("a" + std::string(47, 'b'))) == "");
    BOOST_TEST(error_of(with_name("a" + std::string(48, 'b'))) != "");
    // A long key is cut in the message.
    const std::string shown = error_of(with_name(std::string(100, 'X')));
    BOOST_TEST(shown.find(std::string(64, 'X') + "...\"") != std::string::npos);
    BOOST_TEST(shown.find(std::string(65, 'X')) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(protected_names_are_for_staff_only) {
    BOOST_TEST(error_of(R"({"_vip":true})") ==
               R"(custom_fields: "_vip" can only be changed by staff.)");
    BOOST_TEST(error_of(R"({"_vip":null})") != "");  // deleting is a change too
    const auto r = fields(R"({"_vip":true,"shoe_size":42})", true);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->size() == 2u);
    BOOST_TEST((*r)[0].name == "_vip");
}

BOOST_AUTO_TEST_CASE(at_most_fifty_per_request) {
    BOOST_TEST(error_of(many(50)) == "");
    BOOST_TEST(fields(many(50))->size() == 50u);
    BOOST_TEST(error_of(many(51)) ==
               "custom_fields: at most 50 fields can be written in one request.");
}

BOOST_AUTO_TEST_CASE(values_up_to_16_kb_encoded) {
    // A string encodes with its two quotes.
    BOOST_TEST(error_of(R"({"a":")" + std::string(16382, 'x') + R"("})") == "");
    BOOST_TEST(error_of(R"({"a":")" + std::string(16383, 'x') + R"("})") ==
               R"(custom_fields: the value of "a" is larger than 16384 bytes when encoded.)");
    // The limit is on the stored (escaped) form: é is 2 bytes sent but 6 stored.
    std::string e;
    for (int i = 0; i < 2730; ++i) e += "\xc3\xa9";
    BOOST_TEST(error_of(R"({"a":")" + e + R"("})") == "");  // 2730 * 6 + 2 = 16382
    e += "\xc3\xa9";
    BOOST_TEST(error_of(R"({"a":")" + e + R"("})") != "");                       // 16388
    BOOST_TEST(error_of(R"({"a":")" + std::string(8000, '/') + R"("})") == "");  // 16002
    BOOST_TEST(error_of(R"({"a":")" + std::string(8192, '/') + R"("})") != "");  // 16386
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_never_echoed) {
    json::Document d;
    d.SetObject();
    auto& a = d.GetAllocator();
    d.AddMember(json::str("ok", a), json::str("bad \xff", a), a);
    auto r = parse_custom_fields(d, false);
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error()[0].message == R"(custom_fields: the value of "ok" is not valid UTF-8.)");

    json::Document n;
    n.SetObject();
    n.AddMember(json::str("\xff\xfe", n.GetAllocator()), json::Value(1), n.GetAllocator());
    r = parse_custom_fields(n, true);
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error()[0].message ==
               "custom_fields: (a name that is not valid UTF-8) is not a valid field name "
               "(^_?[a-z][a-z0-9_]{0,47}$).");
    // The error body encodes.
    const auto e = input_error(r.error());
    BOOST_TEST_REQUIRE(e.data_extra != nullptr);
    BOOST_TEST(json::encode(*e.data_extra).has_value());
}

BOOST_AUTO_TEST_CASE(one_error_even_when_many_keys_are_bad) {
    const auto r = fields(R"({"Bad":1,"_p":2,"ok":3,"Worse":4})");
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error().size() == 1u);
    BOOST_TEST(r.error()[0].code == "rest_invalid_param");
    BOOST_TEST(r.error()[0].message.find("\"Bad\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
