#include <boost/test/unit_test.hpp>
#include <cartpress/http/form_data.hpp>
#include <cartpress/json/json_writer.hpp>

namespace cartpress::http {
namespace {

std::string parsed(std::string_view query) {
    json::Document d;
    d.SetObject();
    parse_php_query(query, d, d.GetAllocator());
    return *json::encode(d);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(http)
BOOST_AUTO_TEST_SUITE(form_data)

// Expected values are what PHP 8's parse_str() builds, as json_encode() prints it.
BOOST_AUTO_TEST_CASE(php_parse_str_rules) {
    BOOST_TEST(parsed("a=1&b=x+y&c=%2F") == R"({"a":"1","b":"x y","c":"\/"})");
    BOOST_TEST(parsed("a[]=1&a[]=2") == R"({"a":["1","2"]})");
    BOOST_TEST(parsed("a[k]=v&a[j][]=w") == R"({"a":{"k":"v","j":["w"]}})");
    BOOST_TEST(parsed("a.b=1&c d=2") == R"({"a_b":"1","c_d":"2"})");
    BOOST_TEST(parsed("a=1&a=2") == R"({"a":"2"})");
    BOOST_TEST(parsed("flag&=x&&b=") == R"({"flag":"","b":""})");
    BOOST_TEST(parsed("a[5]=x&a[]=y") == R"({"a":{"5":"x","6":"y"}})");
    BOOST_TEST(parsed("a[b=1") == R"({"a_b":"1"})");
    BOOST_TEST(parsed("a]=1") == R"({"a]":"1"})");
    BOOST_TEST(parsed("a=1&a[]=2") == R"({"a":["2"]})");
    BOOST_TEST(parsed("%41=%zz") == R"({"A":"%zz"})");
    BOOST_TEST(parsed("a[x]junk=1") == R"({"a":{"x":"1"}})");
}

BOOST_AUTO_TEST_CASE(input_vars_and_nesting_are_bounded) {
    std::string many;
    for (int i = 0; i < 1500; ++i) many += "v" + std::to_string(i) + "=1&";
    json::Document d;
    d.SetObject();
    parse_php_query(many, d, d.GetAllocator());
    BOOST_TEST(d.MemberCount() == kMaxInputVars);
    std::string deep = "a";
    for (int i = 0; i < 100; ++i) deep += "[x]";
    BOOST_TEST(parsed(deep + "=1") == "{}");
}

BOOST_AUTO_TEST_CASE(urlencode_like_php) {
    BOOST_TEST(php_urlencode("a b/c~d-_.é") == "a+b%2Fc%7Ed-_.%C3%A9");
    BOOST_TEST(percent_decode("a+b%2f%", true) == "a b/%");
    BOOST_TEST(percent_decode("a+b", false) == "a+b");
}

BOOST_AUTO_TEST_CASE(multipart_fields) {
    const std::string body =
        "--XyZ\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nhank@example.com\r\n"
        "--XyZ\r\nContent-Disposition: form-data; name=\"tags[]\"\r\n\r\na\r\n"
        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\n"
        "Content-Type: text/plain\r\n\r\nignored\r\n--XyZ--\r\n";
    json::Document d;
    d.SetObject();
    BOOST_REQUIRE(parse_multipart_form(body, "XyZ", d, d.GetAllocator()));
    BOOST_TEST(*json::encode(d) == R"({"email":"hank@example.com","tags":["a"]})");
    json::Document bad;
    bad.SetObject();
    BOOST_TEST(!parse_multipart_form("--XyZ\r\nno end", "XyZ", bad, bad.GetAllocator()));
}

BOOST_AUTO_TEST_CASE(utf8_check_covers_keys_and_values) {
    json::Document d;
    d.SetObject();
    parse_php_query("ok=%C3%A9", d, d.GetAllocator());
    BOOST_TEST(all_strings_valid_utf8(d));
    parse_php_query("k%FF=1", d, d.GetAllocator());
    BOOST_TEST(!all_strings_valid_utf8(d));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::http
