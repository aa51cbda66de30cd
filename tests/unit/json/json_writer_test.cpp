#include <boost/test/unit_test.hpp>
#include <cartpress/json/json_reader.hpp>
#include <cartpress/json/json_writer.hpp>

namespace cartpress::json {
namespace {

std::string roundtrip(const std::string& text, bool pretty = false) {
    Document d;
    BOOST_REQUIRE(decode(text, d));
    auto out = encode(d, pretty);
    BOOST_REQUIRE(out);
    return *out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json)
BOOST_AUTO_TEST_SUITE(json_writer)

// Expected strings are what PHP 8.2's json_encode() printed for the same values.
BOOST_AUTO_TEST_CASE(escapes_like_php) {
    Document d;
    d.SetObject();
    d.AddMember("a", str("\xC3\xA9/\xF0\x9F\x98\x80\x01", d.GetAllocator()), d.GetAllocator());
    BOOST_TEST(*encode(d) == R"({"a":"\u00e9\/\ud83d\ude00\u0001"})");
}

BOOST_AUTO_TEST_CASE(control_characters_and_raw_ascii) {
    BOOST_TEST(roundtrip(R"(["\b\f\n\r\t\u001f","<>&'\u007f"])") == R"(["\b\f\n\r\t\u001f","<>&')"
                                                                    "\x7f"
                                                                    R"("])");
    // A backslash followed by "u" in the text is not an escape to lowercase.
    BOOST_TEST(roundtrip(R"(["\\uABCD"])") == R"(["\\uABCD"])");
    BOOST_TEST(roundtrip(R"(["\u00C9"])") == R"(["\u00c9"])");
}

// Plain text is scanned eight bytes at a time, strings under eight bytes and the last bytes of
// longer ones by overlapping loads: a byte that needs escaping must be found at every position
// of every length, and every plain byte must land in its place (the letters all differ).
BOOST_AUTO_TEST_CASE(escapes_are_found_at_every_position) {
    const std::pair<std::string, std::string> specials[] = {
        {"\"", "\\\""},          {"\\", "\\\\"},      {"/", "\\/"},
        {"\n", "\\n"},           {"\x1f", "\\u001f"}, {"\x01", "\\u0001"},
        {"\xC3\xA9", "\\u00e9"}, {"\x7f", "\x7f"}};
    const std::string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (std::size_t length = 0; length <= 26; ++length) {
        const std::string plain = letters.substr(0, length);
        Document whole;
        whole.SetArray();
        whole.PushBack(str(plain, whole.GetAllocator()), whole.GetAllocator());
        BOOST_TEST(*encode(whole) == "[\"" + plain + "\"]", "plain, length " << length);
        for (std::size_t at = 0; at < length; ++at) {
            for (const auto& [raw, escaped] : specials) {
                std::string text = plain;
                text.replace(at, 1, raw);
                std::string expected = plain;
                expected.replace(at, 1, escaped);
                Document d;
                d.SetArray();
                d.PushBack(str(text, d.GetAllocator()), d.GetAllocator());
                BOOST_TEST(*encode(d) == "[\"" + expected + "\"]",
                           "length " << length << " at " << at);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(doubles_like_php) {
    BOOST_TEST(php_double(1.0) == "1");
    BOOST_TEST(php_double(0.1) == "0.1");
    BOOST_TEST(php_double(0.30000000000000004) == "0.30000000000000004");
    BOOST_TEST(php_double(-2.5) == "-2.5");
    BOOST_TEST(php_double(100.0) == "100");
    BOOST_TEST(php_double(1e25) == "1.0e+25");
    BOOST_TEST(php_double(1.5e-7) == "1.5e-7");
    BOOST_TEST(php_double(0.0001) == "0.0001");
    BOOST_TEST(php_double(123456789012345680.0) == "1.2345678901234568e+17");
    BOOST_TEST(php_double(0.0) == "0");
    Document d;
    d.SetArray();
    d.PushBack(Value(19.99), d.GetAllocator());
    d.PushBack(Value(2.0), d.GetAllocator());
    BOOST_TEST(*encode(d) == "[19.99,2]");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_fails) {
    Document d;
    d.SetObject();
    d.AddMember("a", str("\xC3\x28", d.GetAllocator()), d.GetAllocator());
    auto out = encode(d);
    BOOST_REQUIRE(!out);
    BOOST_TEST(out.error().message == "Malformed UTF-8 characters, possibly incorrectly encoded");
}

BOOST_AUTO_TEST_CASE(every_malformed_utf8_form_fails_and_valid_edges_pass) {
    const auto encoded = [](std::string text) {
        Document d;
        d.SetArray();
        d.PushBack(str(text, d.GetAllocator()), d.GetAllocator());
        return encode(d);
    };
    // Truncated, lone continuation, overlong, surrogate, above U+10FFFF, invalid lead bytes.
    for (const char* bad : {"\xC3", "\x80", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF",
                            "\xED\xA0\x80", "\xED\xBF\xBF", "\xF0\x80\x80\x80", "\xF4\x90\x80\x80",
                            "\xF5\x80\x80\x80", "\xFF", "a\xE2\x82", "\xE2\x28\xA1"}) {
        BOOST_TEST(!encoded(bad), "accepted " << bad);
    }
    BOOST_TEST(*encoded("\xC2\x80") == R"(["\u0080"])");
    BOOST_TEST(*encoded("\xED\x9F\xBF") == R"(["\ud7ff"])");
    BOOST_TEST(*encoded("\xEE\x80\x80") == R"(["\ue000"])");
    BOOST_TEST(*encoded("\xEF\xBF\xBF") == R"(["\uffff"])");
    BOOST_TEST(*encoded("\xF0\x90\x80\x80") == R"(["\ud800\udc00"])");
    BOOST_TEST(*encoded("\xF4\x8F\xBF\xBF") == R"(["\udbff\udfff"])");
    BOOST_TEST(*encoded(std::string("a\0b", 3)) == R"(["a\u0000b"])");
}

BOOST_AUTO_TEST_CASE(keys_are_escaped_and_containers_nest) {
    BOOST_TEST(
        roundtrip(R"({"a/b\"":[[],{},[{"\u00e9":null}],true,false,-5,9223372036854775807]})") ==
        R"({"a\/b\"":[[],{},[{"\u00e9":null}],true,false,-5,9223372036854775807]})");
    BOOST_TEST(roundtrip(R"([{"a":{"b":[]}}])", true) ==
               "[\n    {\n        \"a\": {\n            \"b\": []\n        }\n    }\n]");
}

BOOST_AUTO_TEST_CASE(pretty_print_uses_four_spaces) {
    BOOST_TEST(roundtrip(R"({"a":[1,2],"b":{}})", true) ==
               "{\n    \"a\": [\n        1,\n        2\n    ],\n    \"b\": {}\n}");
}

BOOST_AUTO_TEST_CASE(integers_stay_integers) {
    BOOST_TEST(roundtrip("[0,-1,9007199254740993,18446744073709551615]") ==
               "[0,-1,9007199254740993,18446744073709551615]");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(json_reader)

BOOST_AUTO_TEST_CASE(php_error_codes) {
    Document d;
    auto r = decode(R"({"customer_id": 1,)", d);
    BOOST_REQUIRE(!r);
    BOOST_TEST(r.error().php_code == 4);
    BOOST_TEST(r.error().php_message == "Syntax error");

    r = decode("[\"a\x01\"]", d);
    BOOST_REQUIRE(!r);
    BOOST_TEST(r.error().php_code == 3);
    BOOST_TEST(r.error().php_message == "Control character error, possibly incorrectly encoded");

    r = decode("[\"\xC3\x28\"]", d);
    BOOST_REQUIRE(!r);
    BOOST_TEST(r.error().php_code == 5);

    r = decode(R"(["\ud800"])", d);
    BOOST_REQUIRE(!r);
    BOOST_TEST(r.error().php_code == 10);

    r = decode(std::string("{}\0{}", 5), d);
    BOOST_REQUIRE(!r);
    BOOST_TEST(r.error().php_code == 4);

    BOOST_TEST(!decode("", d));
    BOOST_TEST(!decode("{} x", d));
    BOOST_TEST(decode(" {} \n", d).has_value());
}

BOOST_AUTO_TEST_CASE(depth_limit_is_512) {
    Document d;
    BOOST_TEST(decode(std::string(512, '[') + std::string(512, ']'), d).has_value());
    auto r = decode(std::string(513, '[') + std::string(513, ']'), d);
    BOOST_REQUIRE(!r);
    BOOST_TEST(r.error().php_code == 1);
    BOOST_TEST(r.error().php_message == "Maximum stack depth exceeded");
    // Deep nesting is refused without recursion (no stack overflow).
    BOOST_TEST(!decode(std::string(100000, '['), d));
}

BOOST_AUTO_TEST_CASE(duplicate_keys_last_wins) {
    Document d;
    BOOST_REQUIRE(decode(R"({"a":1,"b":2,"a":3})", d));
    BOOST_TEST(d.MemberCount() == 2u);
    BOOST_TEST(d["a"].GetInt() == 3);
    BOOST_TEST(*encode(d) == R"({"a":3,"b":2})");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::json
