#include <boost/test/unit_test.hpp>
#include <cartpress/core/php_serialize.hpp>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

namespace {

using cartpress::core::php_unserialize;
using cartpress::core::PhpKey;
using cartpress::core::PhpValue;

// Test data lives in tests/data: under CMake the source dir is given; a standalone build from the
// repo root finds it from this file's own (then relative) path.
std::filesystem::path data_dir() {
#ifdef CARTPRESS_SOURCE_DIR
    return std::filesystem::path(CARTPRESS_SOURCE_DIR) / "tests" / "data";
#else
    return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "data";
#endif
}

std::string read_data_file(const std::string& name) {
    const auto path = data_dir() / "php_serialize" / name;
    std::ifstream in(path, std::ios::binary);
    BOOST_TEST_REQUIRE(in.good(), "cannot open " << path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The suite is named php_serialize too, which hides the function inside the test bodies.
std::string serialize(const PhpValue& value) { return cartpress::core::php_serialize(value); }

PhpValue parse_ok(std::string_view input) {
    auto result = php_unserialize(input);
    if (!result) BOOST_FAIL("unserialize failed for " << input << ": " << result.error());
    return std::move(result).value();
}

void check_round_trip(std::string_view input) {
    const PhpValue value = parse_ok(input);
    BOOST_TEST(serialize(value) == input);
}

std::string serialized_double(double d) { return serialize(PhpValue::from_double(d)); }

// Values as WordPress 6.9.7 wrote them (shared/reference/store.sql, SQL escaping removed).
constexpr std::string_view kAdminAppPasswords =
    R"(a:1:{i:0;a:7:{s:4:"uuid";s:36:"5e042451-ebcd-498d-aa84-068f3a9f40c7";s:6:"app_id";s:0:"";)"
    R"(s:4:"name";s:12:"peer-capture";s:8:"password";)"
    R"(s:49:"$generic$xY7cUg7mJGxiUpA-I6JI6Ow3_mQbLo9mC8BE6GSw";s:7:"created";i:1795692442;)"
    R"(s:9:"last_used";N;s:7:"last_ip";N;}})";
constexpr std::string_view kSubscriberAppPasswords =
    R"(a:1:{i:0;a:7:{s:4:"uuid";s:36:"3ae0d6ea-738a-4f44-a283-c657578e33cb";s:6:"app_id";s:0:"";)"
    R"(s:4:"name";s:12:"peer-capture";s:8:"password";)"
    R"(s:49:"$generic$t9Pwsn0aeGfaOB4mOGCOiU9Y1CjMJp1S4BnfJrUi";s:7:"created";i:1795692442;)"
    R"(s:9:"last_used";N;s:7:"last_ip";N;}})";
constexpr std::string_view kAdminCapabilities = R"(a:1:{s:13:"administrator";b:1;})";
constexpr std::string_view kSubscriberCapabilities = R"(a:1:{s:10:"subscriber";b:1;})";
constexpr std::string_view kActivePlugins = R"(a:1:{i:0;s:27:"fluent-cart/fluent-cart.php";})";

}  // namespace

BOOST_AUTO_TEST_SUITE(core)
BOOST_AUTO_TEST_SUITE(php_serialize)

BOOST_AUTO_TEST_CASE(parses_scalars) {
    BOOST_TEST(parse_ok("N;").is_null());
    BOOST_TEST(parse_ok("b:0;").as_bool() == false);
    BOOST_TEST(parse_ok("b:1;").as_bool() == true);
    BOOST_TEST(parse_ok("i:0;").as_int() == 0);
    BOOST_TEST(parse_ok("i:-42;").as_int() == -42);
    BOOST_TEST(parse_ok("i:+5;").as_int() == 5);
    BOOST_TEST(parse_ok("i:007;").as_int() == 7);
    BOOST_TEST(parse_ok("i:9223372036854775807;").as_int() ==
               std::numeric_limits<std::int64_t>::max());
    BOOST_TEST(parse_ok("i:-9223372036854775808;").as_int() ==
               std::numeric_limits<std::int64_t>::min());
    BOOST_TEST(parse_ok("s:0:\"\";").as_string() == "");
    BOOST_TEST(parse_ok("s:5:\"hello\";").as_string() == "hello");
}

BOOST_AUTO_TEST_CASE(parses_doubles) {
    BOOST_TEST(parse_ok("d:0.5;").as_double() == 0.5);
    BOOST_TEST(parse_ok("d:-1.25;").as_double() == -1.25);
    BOOST_TEST(parse_ok("d:1;").as_double() == 1.0);
    BOOST_TEST(parse_ok("d:1.0E+25;").as_double() == 1e25);
    BOOST_TEST(parse_ok("d:1.5E-7;").as_double() == 1.5e-7);
    BOOST_TEST(parse_ok("d:1e3;").as_double() == 1000.0);
    BOOST_TEST(parse_ok("d:.5;").as_double() == 0.5);
    BOOST_TEST(parse_ok("d:5.;").as_double() == 5.0);
    BOOST_TEST(parse_ok("d:+2.5;").as_double() == 2.5);
    BOOST_TEST(parse_ok("d:-.5e+1;").as_double() == -5.0);
    BOOST_TEST(std::signbit(parse_ok("d:-0;").as_double()));
    BOOST_TEST(parse_ok("d:INF;").as_double() == std::numeric_limits<double>::infinity());
    BOOST_TEST(parse_ok("d:-INF;").as_double() == -std::numeric_limits<double>::infinity());
    BOOST_TEST(std::isnan(parse_ok("d:NAN;").as_double()));
    // strtod semantics, as in PHP: overflow is infinite, underflow is zero.
    BOOST_TEST(parse_ok("d:1e999;").as_double() == std::numeric_limits<double>::infinity());
    BOOST_TEST(parse_ok("d:-1e999;").as_double() == -std::numeric_limits<double>::infinity());
    BOOST_TEST(parse_ok("d:1e-999;").as_double() == 0.0);
    BOOST_TEST(parse_ok("d:0.5e99999999999999999999;").as_double() ==
               std::numeric_limits<double>::infinity());
}

BOOST_AUTO_TEST_CASE(string_length_counts_bytes) {
    // "café" is 5 bytes in UTF-8; "€" is 3.
    const PhpValue v = parse_ok("s:5:\"caf\xc3\xa9\";");
    BOOST_TEST(v.as_string() == "caf\xc3\xa9");
    BOOST_TEST(serialize(PhpValue::from_string("\xe2\x82\xac")) == "s:3:\"\xe2\x82\xac\";");
    BOOST_TEST(!php_unserialize("s:4:\"caf\xc3\xa9\";").has_value());
    // Quotes, semicolons and NUL bytes inside the payload are data, not syntax.
    check_round_trip("s:3:\"\"\"\"\";");
    check_round_trip("s:5:\"a\";b}\";");
    check_round_trip(std::string_view("s:3:\"a\0b\";", 10));
    BOOST_TEST(parse_ok(std::string_view("s:3:\"a\0b\";", 10)).as_string().size() == 3u);
}

BOOST_AUTO_TEST_CASE(serializes_scalars_like_php) {
    BOOST_TEST(serialize(PhpValue()) == "N;");
    BOOST_TEST(serialize(PhpValue::from_bool(true)) == "b:1;");
    BOOST_TEST(serialize(PhpValue::from_bool(false)) == "b:0;");
    BOOST_TEST(serialize(PhpValue::from_int(0)) == "i:0;");
    BOOST_TEST(serialize(PhpValue::from_int(-17)) == "i:-17;");
    BOOST_TEST(serialize(PhpValue::from_int(std::numeric_limits<std::int64_t>::min())) ==
               "i:-9223372036854775808;");
    BOOST_TEST(serialize(PhpValue::from_string("")) == "s:0:\"\";");
    BOOST_TEST(serialize(PhpValue::empty_array()) == "a:0:{}");
}

BOOST_AUTO_TEST_CASE(serializes_doubles_like_php) {
    // serialize_precision = -1: shortest round-trip digits, %G-like layout with a 17-digit
    // threshold, no ".0" on whole numbers.
    BOOST_TEST(serialized_double(0.1) == "d:0.1;");
    BOOST_TEST(serialized_double(0.5) == "d:0.5;");
    BOOST_TEST(serialized_double(1.0) == "d:1;");
    BOOST_TEST(serialized_double(100.0) == "d:100;");
    BOOST_TEST(serialized_double(-1.5) == "d:-1.5;");
    BOOST_TEST(serialized_double(0.0) == "d:0;");
    BOOST_TEST(serialized_double(-0.0) == "d:-0;");
    BOOST_TEST(serialized_double(0.1 + 0.2) == "d:0.30000000000000004;");
    BOOST_TEST(serialized_double(1.0 / 3.0) == "d:0.3333333333333333;");
    BOOST_TEST(serialized_double(19.99) == "d:19.99;");
    BOOST_TEST(serialized_double(1e15) == "d:1000000000000000;");
    BOOST_TEST(serialized_double(1e16) == "d:10000000000000000;");
    BOOST_TEST(serialized_double(1e17) == "d:1.0E+17;");
    BOOST_TEST(serialized_double(1e25) == "d:1.0E+25;");
    BOOST_TEST(serialized_double(9223372036854775808.0) == "d:9.223372036854776E+18;");
    BOOST_TEST(serialized_double(123456789012345678.0) == "d:1.2345678901234568E+17;");
    BOOST_TEST(serialized_double(0.0001) == "d:0.0001;");
    BOOST_TEST(serialized_double(0.00012) == "d:0.00012;");
    BOOST_TEST(serialized_double(0.00001) == "d:1.0E-5;");
    BOOST_TEST(serialized_double(-1.5e-7) == "d:-1.5E-7;");
    BOOST_TEST(serialized_double(std::numeric_limits<double>::max()) ==
               "d:1.7976931348623157E+308;");
    BOOST_TEST(serialized_double(std::numeric_limits<double>::denorm_min()) == "d:5.0E-324;");
    BOOST_TEST(serialized_double(std::numeric_limits<double>::infinity()) == "d:INF;");
    BOOST_TEST(serialized_double(-std::numeric_limits<double>::infinity()) == "d:-INF;");
    BOOST_TEST(serialized_double(std::numeric_limits<double>::quiet_NaN()) == "d:NAN;");
    BOOST_TEST(serialized_double(-std::numeric_limits<double>::quiet_NaN()) == "d:NAN;");
}

BOOST_AUTO_TEST_CASE(doubles_round_trip_exactly) {
    for (double d : {0.1, 2.5e-300, 6.02214076e23, 1e22, 1e23, 3.141592653589793, 1234.5678,
                     std::numeric_limits<double>::min(), 9007199254740993.0, -7e-4}) {
        const std::string s = serialized_double(d);
        BOOST_TEST(parse_ok(s).as_double() == d, s);
    }
}

BOOST_AUTO_TEST_CASE(random_doubles_round_trip_exactly) {
    std::mt19937_64 rng(20240601);
    int checked = 0;
    for (int i = 0; i < 20000; ++i) {
        const std::uint64_t bits = rng();
        double d = 0;
        std::memcpy(&d, &bits, sizeof(d));
        if (std::isnan(d)) continue;
        const std::string s = serialized_double(d);
        const auto parsed = php_unserialize(s);
        const double back = parsed ? parsed->as_double() : 0.0;
        if (!parsed || std::memcmp(&back, &d, sizeof(d)) != 0) {
            BOOST_ERROR("double " << bits << " serialized as " << s << " does not read back");
            break;
        }
        ++checked;
    }
    BOOST_TEST(checked > 19000);
}

BOOST_AUTO_TEST_CASE(parses_arrays_in_order) {
    const PhpValue v = parse_ok(R"(a:3:{i:2;s:1:"b";s:1:"k";a:1:{i:0;N;}i:0;d:0.5;})");
    BOOST_TEST_REQUIRE(v.is_array());
    BOOST_TEST(v.size() == 3u);
    const auto& entries = v.as_array();
    BOOST_TEST(entries[0].first.as_int() == 2);
    BOOST_TEST(entries[0].second.as_string() == "b");
    BOOST_TEST(entries[1].first.as_string() == "k");
    BOOST_TEST(entries[1].second.size() == 1u);
    BOOST_TEST(entries[2].first.as_int() == 0);
    BOOST_TEST(v.find(0)->as_double() == 0.5);
    BOOST_TEST(v.find("k")->find(0)->is_null());
    BOOST_TEST(v.find(1) == nullptr);
    BOOST_TEST(v.find("missing") == nullptr);
    BOOST_TEST(PhpValue::from_int(3).find("k") == nullptr);
}

BOOST_AUTO_TEST_CASE(numeric_string_keys_become_integer_keys) {
    // PHP turns canonical integer strings into integer keys, so re-serializing writes i:.
    const PhpValue v = parse_ok(R"(a:4:{s:1:"5";i:1;s:2:"05";i:2;s:2:"-0";i:3;s:2:"-7";i:4;})");
    const auto& entries = v.as_array();
    BOOST_TEST(entries[0].first.is_int());
    BOOST_TEST(entries[1].first.is_string());
    BOOST_TEST(entries[2].first.is_string());
    BOOST_TEST(entries[3].first.as_int() == -7);
    BOOST_TEST(serialize(v) == R"(a:4:{i:5;i:1;s:2:"05";i:2;s:2:"-0";i:3;i:-7;i:4;})");
    BOOST_TEST(v.find("5")->as_int() == 1);
    BOOST_TEST(v.find(5)->as_int() == 1);
    BOOST_TEST(v.find("-7")->as_int() == 4);
    BOOST_TEST(PhpKey("9223372036854775807").is_int());
    BOOST_TEST(PhpKey("-9223372036854775808").is_int());
    BOOST_TEST(PhpKey("9223372036854775808").is_string());
    BOOST_TEST(PhpKey("").is_string());
    BOOST_TEST(PhpKey("1.5").is_string());
}

BOOST_AUTO_TEST_CASE(duplicate_keys_overwrite_in_place) {
    const PhpValue v = parse_ok(R"(a:3:{i:0;s:1:"a";i:1;s:1:"b";i:0;s:1:"c";})");
    BOOST_TEST(serialize(v) == R"(a:2:{i:0;s:1:"c";i:1;s:1:"b";})");

    // Large arrays take the hashed path; same semantics.
    std::string big = "a:40:{";
    for (int i = 0; i < 39; ++i) big += "i:" + std::to_string(i) + ";i:" + std::to_string(i) + ";";
    big += "i:3;s:1:\"x\";}";
    const PhpValue w = parse_ok(big);
    BOOST_TEST(w.size() == 39u);
    BOOST_TEST(w.find(3)->as_string() == "x");
    BOOST_TEST(w.as_array()[3].first.as_int() == 3);
}

BOOST_AUTO_TEST_CASE(round_trips_wordpress_values) {
    check_round_trip(kAdminAppPasswords);
    check_round_trip(kSubscriberAppPasswords);
    check_round_trip(kAdminCapabilities);
    check_round_trip(kSubscriberCapabilities);
    check_round_trip(kActivePlugins);
    check_round_trip(R"(a:2:{i:0;a:1:{s:1:"x";i:1;}i:2;a:1:{s:1:"x";i:2;}})");
    check_round_trip(R"(a:3:{s:1:"f";d:0.1;s:1:"g";d:1.0E+25;s:1:"h";a:0:{}})");
}

BOOST_AUTO_TEST_CASE(round_trips_wp_user_roles) {
    const std::string roles = read_data_file("wp_user_roles.txt");
    BOOST_TEST_REQUIRE(roles.size() == 3133u);
    const PhpValue v = parse_ok(roles);
    BOOST_TEST(serialize(v) == roles);

    BOOST_TEST(v.size() == 5u);
    const PhpValue* admin = v.find("administrator");
    BOOST_TEST_REQUIRE(admin != nullptr);
    BOOST_TEST(admin->find("name")->as_string() == "Administrator");
    const PhpValue* caps = admin->find("capabilities");
    BOOST_TEST_REQUIRE(caps != nullptr);
    BOOST_TEST(caps->size() == 61u);
    BOOST_TEST(caps->find("manage_options")->truthy());
    const PhpValue* subscriber_caps = v.find("subscriber")->find("capabilities");
    BOOST_TEST(subscriber_caps->size() == 2u);
    BOOST_TEST(subscriber_caps->find("read")->truthy());
    BOOST_TEST(subscriber_caps->find("manage_options") == nullptr);
}

BOOST_AUTO_TEST_CASE(reads_application_password_items) {
    const PhpValue list = parse_ok(kAdminAppPasswords);
    const PhpValue* item = list.find(0);
    BOOST_TEST_REQUIRE(item != nullptr);
    BOOST_TEST(item->find("uuid")->as_string() == "5e042451-ebcd-498d-aa84-068f3a9f40c7");
    BOOST_TEST(item->find("password")->as_string() ==
               "$generic$xY7cUg7mJGxiUpA-I6JI6Ow3_mQbLo9mC8BE6GSw");
    BOOST_TEST(item->find("created")->to_int().value() == 1795692442);
    BOOST_TEST(item->find("last_used")->is_null());
}

BOOST_AUTO_TEST_CASE(updating_last_used_keeps_everything_else) {
    // The §11.6 write-back: two fields change, every other byte stays as WordPress wrote it.
    PhpValue list = parse_ok(kAdminAppPasswords);
    PhpValue* item = list.find(0);
    BOOST_TEST_REQUIRE(item != nullptr);
    item->set("last_used", PhpValue::from_int(1795700000));
    item->set("last_ip", PhpValue::from_string("127.0.0.1"));
    const std::string expected =
        R"(a:1:{i:0;a:7:{s:4:"uuid";s:36:"5e042451-ebcd-498d-aa84-068f3a9f40c7";s:6:"app_id";)"
        R"(s:0:"";s:4:"name";s:12:"peer-capture";s:8:"password";)"
        R"(s:49:"$generic$xY7cUg7mJGxiUpA-I6JI6Ow3_mQbLo9mC8BE6GSw";s:7:"created";i:1795692442;)"
        R"(s:9:"last_used";i:1795700000;s:7:"last_ip";s:9:"127.0.0.1";}})";
    BOOST_TEST(serialize(list) == expected);
}

BOOST_AUTO_TEST_CASE(set_append_erase) {
    PhpValue v;  // null auto-vivifies into an array, as in PHP
    v.set("a", PhpValue::from_int(1));
    v.set(7, PhpValue::from_bool(true));
    v.set("b", PhpValue::from_string("x"));
    v.set("a", PhpValue::from_int(2));       // replaced where it stands
    v.set("7", PhpValue::from_bool(false));  // same slot as integer 7
    BOOST_TEST(serialize(v) == R"(a:3:{s:1:"a";i:2;i:7;b:0;s:1:"b";s:1:"x";})");

    v.append(PhpValue::from_string("next"));
    BOOST_TEST(v.as_array().back().first.as_int() == 8);
    BOOST_TEST(v.erase(PhpKey("a")));
    BOOST_TEST(!v.erase(PhpKey("a")));
    BOOST_TEST(serialize(v) == R"(a:3:{i:7;b:0;s:1:"b";s:1:"x";i:8;s:4:"next";})");

    PhpValue fresh = PhpValue::empty_array();
    fresh.append(PhpValue());
    BOOST_TEST(fresh.as_array()[0].first.as_int() == 0);
    PhpValue negative = parse_ok("a:1:{i:-5;N;}");
    negative.append(PhpValue());
    BOOST_TEST(negative.as_array()[1].first.as_int() == 0);
    PhpValue full = parse_ok("a:1:{i:9223372036854775807;N;}");
    BOOST_CHECK_THROW(full.append(PhpValue()), std::logic_error);

    PhpValue scalar = PhpValue::from_int(1);
    BOOST_CHECK_THROW(scalar.set("x", PhpValue()), std::logic_error);

    PhpValue::Array entries;
    entries.emplace_back(PhpKey(1), PhpValue::from_int(1));
    entries.emplace_back(PhpKey("1"), PhpValue::from_int(2));
    BOOST_TEST(serialize(PhpValue::from_entries(std::move(entries))) == "a:1:{i:1;i:2;}");
}

BOOST_AUTO_TEST_CASE(truthiness_follows_php) {
    BOOST_TEST(!PhpValue().truthy());
    BOOST_TEST(!PhpValue::from_bool(false).truthy());
    BOOST_TEST(PhpValue::from_bool(true).truthy());
    BOOST_TEST(!PhpValue::from_int(0).truthy());
    BOOST_TEST(PhpValue::from_int(-1).truthy());
    BOOST_TEST(!PhpValue::from_double(0.0).truthy());
    BOOST_TEST(!PhpValue::from_double(-0.0).truthy());
    BOOST_TEST(PhpValue::from_double(0.001).truthy());
    BOOST_TEST(PhpValue::from_double(std::numeric_limits<double>::quiet_NaN()).truthy());
    BOOST_TEST(!PhpValue::from_string("").truthy());
    BOOST_TEST(!PhpValue::from_string("0").truthy());
    BOOST_TEST(PhpValue::from_string("0.0").truthy());
    BOOST_TEST(PhpValue::from_string("00").truthy());
    BOOST_TEST(PhpValue::from_string(" ").truthy());
    BOOST_TEST(PhpValue::from_string("false").truthy());
    BOOST_TEST(!PhpValue::empty_array().truthy());
    BOOST_TEST(parse_ok("a:1:{i:0;b:0;}").truthy());
}

BOOST_AUTO_TEST_CASE(to_int_accepts_integer_strings) {
    BOOST_TEST(PhpValue::from_int(5).to_int().value() == 5);
    BOOST_TEST(PhpValue::from_string("1795692442").to_int().value() == 1795692442);
    BOOST_TEST(PhpValue::from_string("-3").to_int().value() == -3);
    BOOST_TEST(!PhpValue::from_string("12abc").to_int().has_value());
    BOOST_TEST(!PhpValue::from_string("").to_int().has_value());
    BOOST_TEST(!PhpValue::from_string("99999999999999999999").to_int().has_value());
    BOOST_TEST(!PhpValue::from_double(1.0).to_int().has_value());
    BOOST_TEST(!PhpValue().to_int().has_value());
}

BOOST_AUTO_TEST_CASE(rejects_objects_and_references) {
    for (std::string_view input : {
             R"(O:8:"stdClass":0:{})",
             R"(O:8:"stdClass":1:{s:1:"a";i:1;})",
             R"(C:11:"ArrayObject":21:{x:i:0;a:0:{};m:a:0:{}})",
             R"(E:7:"Foo:Bar";)",
             R"(a:1:{i:0;O:8:"stdClass":0:{}})",
             R"(a:2:{i:0;i:1;i:1;r:2;})",
             R"(a:2:{i:0;i:1;i:1;R:2;})",
             R"(S:3:"\61bc";)",
         }) {
        const auto result = php_unserialize(input);
        BOOST_TEST(!result.has_value(), input);
    }
    BOOST_TEST(php_unserialize(R"(O:8:"stdClass":0:{})").error().find("object") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(rejects_malformed_input) {
    for (std::string_view input : {
             "",
             "N",
             "N;;",
             "n;",
             "b:2;",
             "b:;",
             "b:1",
             "i:;",
             "i:1",
             "i:1.5;",
             "i:- 1;",
             "i:0x10;",
             "i:9223372036854775808;",
             "i:-9223372036854775809;",
             "i:99999999999999999999999999;",
             "d:;",
             "d:.;",
             "d:e5;",
             "d:1e;",
             "d:inf;",
             "d:+INF;",
             "d:nan;",
             "d:1.5",
             "d:0x1p3;",
             "s:5:\"abc\";",
             "s:-1:\"\";",
             "s:+1:\"a\";",
             "s:1:\"ab\";",
             "s:1:\"a\"",
             "s:1:'a';",
             "s:2:\"a",
             "s:18446744073709551616:\"a\";",
             "s:1:a;",
             "a:1:{i:0;N;",
             "a:1:{i:0;N;}}",
             "a:1:{i:0;}",
             "a:2:{i:0;N;}",
             "a:1:{i:0;N;i:1;N;}",
             "a:0:{};",
             "a:-1:{}",
             "a:1:{N;N;}",
             "a:1:{b:1;N;}",
             "a:1:{d:0.5;N;}",
             "a:1:{a:0:{}N;}",
             "a:1{i:0;N;}",
             "a:1:[i:0;N;]",
             "x:0;",
             " N;",
             "N; ",
             "i:1;garbage",
             "b:1;b:1;",
         }) {
        const auto result = php_unserialize(input);
        BOOST_TEST(!result.has_value(), "accepted: " << input);
    }
}

BOOST_AUTO_TEST_CASE(rejects_truncations_of_valid_input) {
    // Every proper prefix of a valid value is invalid.
    const std::string roles = read_data_file("wp_user_roles.txt");
    for (std::string_view valid : {kAdminAppPasswords, std::string_view(roles)}) {
        for (std::size_t n = 0; n < valid.size(); ++n) {
            if (php_unserialize(valid.substr(0, n)).has_value()) {
                BOOST_ERROR("accepted a prefix of length " << n);
                break;
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(rejects_huge_declared_counts_without_allocating) {
    BOOST_TEST(!php_unserialize("a:999999999999:{}").has_value());
    BOOST_TEST(!php_unserialize("a:18446744073709551615:{i:0;N;}").has_value());
    BOOST_TEST(!php_unserialize("a:99999999999999999999999999:{}").has_value());
    BOOST_TEST(!php_unserialize("s:999999999999:\"a\";").has_value());
    // The count bound is tight: 2 entries need at least 12 bytes plus the closing brace.
    BOOST_TEST(php_unserialize("a:2:{i:0;N;i:1;N;}").has_value());
    BOOST_TEST(!php_unserialize("a:3:{i:0;N;i:1;N;}").has_value());
    // Nested arrays each claiming a count near the input size must not multiply reservations.
    std::string nested;
    for (int i = 0; i < 60; ++i) nested += "a:200:{i:0;";
    nested += std::string(1200, 'x');
    BOOST_TEST(!php_unserialize(nested).has_value());
}

BOOST_AUTO_TEST_CASE(limits_nesting_depth) {
    auto nested = [](int depth) {
        std::string s;
        for (int i = 0; i < depth; ++i) s += "a:1:{i:0;";
        s += "N;";
        for (int i = 0; i < depth; ++i) s += "}";
        return s;
    };
    const std::string at_limit = nested(cartpress::core::kPhpMaxDepth);
    BOOST_TEST(php_unserialize(at_limit).has_value());
    check_round_trip(at_limit);
    const auto too_deep = php_unserialize(nested(cartpress::core::kPhpMaxDepth + 1));
    BOOST_TEST_REQUIRE(!too_deep.has_value());
    BOOST_TEST(too_deep.error().find("deep") != std::string::npos);
    // Far deeper than any stack would survive without the limit.
    BOOST_TEST(!php_unserialize(nested(1000000)).has_value());
}

BOOST_AUTO_TEST_CASE(error_names_the_offset) {
    const auto result = php_unserialize(R"(a:1:{s:1:"k";i:x;})");
    BOOST_TEST_REQUIRE(!result.has_value());
    BOOST_TEST(result.error().find("offset 15") != std::string::npos, result.error());
}

BOOST_AUTO_TEST_SUITE_END()  // php_serialize
BOOST_AUTO_TEST_SUITE_END()  // core
