#include "storefront/validation/customer_input.hpp"

#include <boost/test/unit_test.hpp>
#include <cartpress/json/json_reader.hpp>
#include <cartpress/json/json_writer.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "fluent_cart/serialization/countries.hpp"

namespace {

using namespace cartpress;
using namespace cartpress::plugins::storefront;
using cartpress::plugins::fluent_cart::Countries;

const Countries& countries() {
    static const Countries c = [] {
        auto loaded = Countries::from_data(R"({"3166-1":[
            {"alpha_2":"US","name":"United States of America"},
            {"alpha_2":"DE","name":"Germany"},
            {"alpha_2":"GB","name":"United Kingdom"}]})",
                                           "", "");
        if (!loaded) throw std::runtime_error(loaded.error());
        return std::move(*loaded);
    }();
    return c;
}

using Parsed = core::Result<CustomerInput, std::vector<FieldError>>;

json::Document parse(const std::string& text) {
    json::Document d;
    BOOST_REQUIRE(json::decode(text, d).has_value());
    return d;
}

Parsed create(const std::string& body, bool staff = true) {
    return parse_customer_input(parse(body), CustomerInputMode::kCreate, staff, countries());
}

Parsed update(const std::string& body, bool staff = true) {
    return parse_customer_input(parse(body), CustomerInputMode::kUpdate, staff, countries());
}

// An update body with one member whose value is raw bytes (to send what a JSON parser refuses).
Parsed update_raw(const std::string& key, const std::string& bytes, bool staff = true) {
    json::Document d;
    d.SetObject();
    d.AddMember(json::str(key, d.GetAllocator()), json::str(bytes, d.GetAllocator()),
                d.GetAllocator());
    return parse_customer_input(d, CustomerInputMode::kUpdate, staff, countries());
}

// "name|code|message" of each error, "" when the body parsed.
std::string errors_of(const Parsed& r) {
    if (r) return "";
    std::string out;
    for (const auto& e : r.error()) {
        out += (out.empty() ? "" : "\n") + e.name + "|" + e.code + "|" + e.message;
    }
    return out;
}

// The message of the only error ("" when the body parsed).
std::string message_of(const Parsed& r) {
    if (r) return "";
    BOOST_TEST_REQUIRE(r.error().size() == 1u, errors_of(r));
    return r.error()[0].message;
}

std::string json_string(const std::string& s) {
    json::Document d;
    d.SetString(s.data(), static_cast<rapidjson::SizeType>(s.size()), d.GetAllocator());
    return *json::encode(d);
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(storefront)
BOOST_AUTO_TEST_SUITE(customer_input)

BOOST_AUTO_TEST_CASE(a_full_staff_create) {
    const auto r =
        create(R"({"email":" New@Example.com ","first_name":" New ","last_name":"Customer",)"
               R"("password":"  s3cret-pass  ","country":"US","state":"NY","city":"New York",)"
               R"("postcode":"10110","status":"inactive","notes":"VIP\nsince 2020 <3",)"
               R"("custom_fields":{"shoe_size":42,"_tier":"gold"},"user_id":7})");
    BOOST_TEST_REQUIRE(r.has_value(), errors_of(r));
    BOOST_TEST(r->email.value_or("?") == "New@Example.com");
    BOOST_TEST(r->first_name.value_or("?") == "New");
    BOOST_TEST(r->last_name.value_or("?") == "Customer");
    BOOST_TEST(r->password.value_or("?") == "s3cret-pass");
    BOOST_TEST(!r->current_password.has_value());
    BOOST_TEST(r->country.value_or("?") == "US");
    BOOST_TEST(r->state.value_or("?") == "NY");
    BOOST_TEST(r->city.value_or("?") == "New York");
    BOOST_TEST(r->postcode.value_or("?") == "10110");
    BOOST_TEST(r->status.value_or("?") == "inactive");
    BOOST_TEST(r->notes.value_or("?") == "VIP\nsince 2020 <3");
    BOOST_TEST_REQUIRE(r->custom_fields.has_value());
    BOOST_TEST_REQUIRE(r->custom_fields->size() == 2u);
    BOOST_TEST((*r->custom_fields)[0].name == "shoe_size");
    BOOST_TEST((*r->custom_fields)[0].json_value.value_or("?") == "42");
    BOOST_TEST((*r->custom_fields)[1].json_value.value_or("?") == R"("gold")");
    BOOST_TEST_REQUIRE(r->user_id.has_value());
    BOOST_TEST(r->user_id->value_or(0) == 7);
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_ignored) {
    const auto r = update(
        R"({"id":9,"purchase_count":"x","ltv":[],"uuid":{},"password_hash":1,"city":"Paris"})");
    BOOST_TEST_REQUIRE(r.has_value(), errors_of(r));
    BOOST_TEST(r->city.value_or("?") == "Paris");
}

BOOST_AUTO_TEST_CASE(the_body_must_be_an_object) {
    for (const char* body : {"[]", R"(["email"])", R"("x")", "null", "5"}) {
        const auto r = create(body);
        BOOST_TEST(errors_of(r) == "body|rest_invalid_type|body is not of type object.", body);
    }
}

BOOST_AUTO_TEST_CASE(create_requires_email_and_sign_up_a_password) {
    BOOST_TEST(errors_of(create("{}")) == "email|rest_missing_callback_param|email is required.");
    BOOST_TEST(errors_of(create("{}", false)) ==
               "email|rest_missing_callback_param|email is required.\n"
               "password|rest_missing_callback_param|password is required.");
    // Staff may create a guest (no password).
    BOOST_TEST(errors_of(create(R"({"email":"a@example.com"})")) == "");
    BOOST_TEST(errors_of(create(R"({"email":"a@example.com","password":"12345678"})", false)) ==
               "");
    // An update requires nothing.
    BOOST_TEST(errors_of(update("{}")) == "");
    BOOST_TEST(errors_of(update("{}", false)) == "");
}

BOOST_AUTO_TEST_CASE(input_error_answers_missing_before_invalid) {
    const auto r = create(R"({"first_name":"<b>"})", false);
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error().size() == 3u);
    const auto missing = input_error(r.error());
    BOOST_TEST(missing.code == "rest_missing_callback_param");
    BOOST_TEST(missing.status == 400);
    BOOST_TEST(missing.message == "Missing parameter(s): email, password");

    const auto bad = update(R"({"first_name":"<b>","email":5})");
    BOOST_TEST_REQUIRE(!bad.has_value());
    const auto invalid = input_error(bad.error());
    BOOST_TEST(invalid.code == "rest_invalid_param");
    BOOST_TEST(invalid.status == 400);
    BOOST_TEST(invalid.message == "Invalid parameter(s): email, first_name");
    BOOST_TEST(
        *json::encode(*invalid.data_extra) ==
        R"({"params":{"email":"email is not of type string.",)"
        R"("first_name":"first_name must not contain \"<\"."},)"
        R"("details":{"email":{"code":"rest_invalid_type",)"
        R"("message":"email is not of type string.","data":{"param":"email"}},)"
        R"("first_name":{"code":"rest_invalid_param",)"
        R"("message":"first_name must not contain \"<\".","data":{"param":"first_name"}}}})");
}

BOOST_AUTO_TEST_CASE(a_partial_update_sets_only_what_was_sent) {
    const auto r = update(R"({"last_name":"Smith"})", false);
    BOOST_TEST_REQUIRE(r.has_value(), errors_of(r));
    BOOST_TEST(r->last_name.value_or("?") == "Smith");
    BOOST_TEST(!r->email.has_value());
    BOOST_TEST(!r->first_name.has_value());
    BOOST_TEST(!r->password.has_value());
    BOOST_TEST(!r->current_password.has_value());
    BOOST_TEST(!r->country.has_value());
    BOOST_TEST(!r->state.has_value());
    BOOST_TEST(!r->city.has_value());
    BOOST_TEST(!r->postcode.has_value());
    BOOST_TEST(!r->status.has_value());
    BOOST_TEST(!r->notes.has_value());
    BOOST_TEST(!r->custom_fields.has_value());
    BOOST_TEST(!r->user_id.has_value());
    // "" is a value: it clears.
    const auto cleared = update(R"({"city":""})");
    BOOST_TEST_REQUIRE(cleared.has_value());
    BOOST_TEST(cleared->city.value_or("?") == "");
}

BOOST_AUTO_TEST_CASE(every_wrong_type_is_named) {
    struct Case {
        const char* body;
        const char* expected;
    };
    const Case cases[] = {
        {R"({"email":5})", "email is not of type string."},
        {R"({"email":null})", "email is not of type string."},
        {R"({"first_name":["A"]})", "first_name is not of type string."},
        {R"({"last_name":{"a":1}})", "last_name is not of type string."},
        {R"({"full_name":true})", "full_name is not of type string."},
        {R"({"password":12345678})", "password is not of type string."},
        {R"({"current_password":null})", "current_password is not of type string."},
        {R"({"country":1})", "country is not of type string."},
        {R"({"state":1.5})", "state is not of type string."},
        {R"({"city":null})", "city is not of type string."},
        {R"({"postcode":10110})", "postcode is not of type string."},
        {R"({"status":1})", "status is not of type string."},
        {R"({"notes":[]})", "notes is not of type string."},
        {R"({"custom_fields":"x"})", "custom_fields is not of type object."},
        {R"({"user_id":"5"})", "user_id is not of type integer,null."},
        {R"({"user_id":5.5})", "user_id is not of type integer,null."},
        {R"({"user_id":true})", "user_id is not of type integer,null."},
    };
    for (const auto& c : cases) {
        const auto r = update(c.body);
        BOOST_TEST_REQUIRE(!r.has_value(), c.body);
        BOOST_TEST_REQUIRE(r.error().size() == 1u, c.body);
        BOOST_TEST(r.error()[0].message == c.expected, c.body);
        BOOST_TEST(r.error()[0].code == "rest_invalid_type", c.body);
    }
}

BOOST_AUTO_TEST_CASE(email_is_trimmed_and_checked_with_is_email) {
    const auto r = update(R"({"email":"  Bob@Example.com\n"})");
    BOOST_TEST_REQUIRE(r.has_value(), errors_of(r));
    BOOST_TEST(*r->email == "Bob@Example.com");
    for (const char* bad : {"", "   ", "bob", "bob@", "@example.com", "bob@example",
                            "a b@example.com", "bob@@example.com"}) {
        BOOST_TEST(errors_of(update(R"({"email":)" + json_string(bad) + "}")) ==
                       "email|rest_invalid_email|email is not a valid email address.",
                   bad);
    }
    // is_email's "\n" before the @ is a control character here.
    BOOST_TEST(message_of(update(R"({"email":"bob\n@example.com"})")) ==
               "email must not contain control characters.");
    // 192 characters at most: "@example.com" is 12.
    const std::string local180(180, 'a');
    BOOST_TEST(errors_of(update(R"({"email":")" + local180 + R"(@example.com"})")) == "");
    BOOST_TEST(message_of(update(R"({"email":")" + local180 + R"(b@example.com"})")) ==
               "email must be at most 192 characters.");
}

BOOST_AUTO_TEST_CASE(names_are_trimmed_and_unicode_is_welcome) {
    const auto r = update(R"({"first_name":"  Zoë 山田 \t","last_name":"Ångström 😀"})");
    BOOST_TEST_REQUIRE(r.has_value(), errors_of(r));
    BOOST_TEST(*r->first_name == "Zoë 山田");
    BOOST_TEST(*r->last_name == "Ångström 😀");
}

BOOST_AUTO_TEST_CASE(names_count_characters_not_bytes) {
    // 192 four-byte characters (768 bytes) pass; 193 do not.
    BOOST_TEST(errors_of(update(R"({"first_name":")" + repeat("😀", 192) + R"("})")) == "");
    BOOST_TEST(message_of(update(R"({"first_name":")" + repeat("😀", 193) + R"("})")) ==
               "first_name must be at most 192 characters.");
    BOOST_TEST(errors_of(update(R"({"last_name":")" + repeat("é", 192) + R"("})")) == "");
    BOOST_TEST(message_of(update(R"({"last_name":")" + repeat("é", 193) + R"("})")) ==
               "last_name must be at most 192 characters.");
    BOOST_TEST(errors_of(update(R"({"last_name":")" + std::string(192, 'a') + R"("})")) == "");
    BOOST_TEST(message_of(update(R"({"last_name":")" + std::string(193, 'a') + R"("})")) ==
               "last_name must be at most 192 characters.");
    // Counted after trimming.
    BOOST_TEST(errors_of(update(R"({"last_name":"  )" + std::string(192, 'a') + R"(  "})")) == "");
}

BOOST_AUTO_TEST_CASE(names_refuse_control_characters_and_angle_brackets) {
    for (const char* bad :
         {"A\\u0001B", "A\\tB", "A\\nB", "A\\u007fB", "A\\u0085B", "A\\u009fB", "A\\u0000B"}) {
        BOOST_TEST(message_of(update(std::string(R"({"first_name":")") + bad + R"("})")) ==
                       "first_name must not contain control characters.",
                   bad);
    }
    // U+00A0 (no-break space) and U+200D are not control characters.
    BOOST_TEST(errors_of(update(R"({"first_name":"A\u00a0B\u200dC"})")) == "");
    BOOST_TEST(message_of(update(R"({"last_name":"<script>"})")) ==
               "last_name must not contain \"<\".");
    BOOST_TEST(errors_of(update(R"({"last_name":"O'Brien > & Sons"})")) == "");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_refused) {
    for (const char* bytes : {"\xff", "A\xc3(", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                              "\x80", "abc\xe2\x82"}) {
        BOOST_TEST(message_of(update_raw("first_name", bytes)) == "first_name is not valid UTF-8.");
        BOOST_TEST(message_of(update_raw("city", bytes)) == "city is not valid UTF-8.");
        BOOST_TEST(message_of(update_raw("password", std::string("12345678") + bytes)) ==
                   "password is not valid UTF-8.");
        BOOST_TEST(message_of(update_raw("notes", bytes)) == "notes is not valid UTF-8.");
        BOOST_TEST(message_of(update_raw("email", bytes)) == "email is not valid UTF-8.");
    }
}

BOOST_AUTO_TEST_CASE(full_name_is_split_as_fluent_cart_does) {
    const auto split = [](const std::string& full) {
        const auto r = update(R"({"full_name":)" + json_string(full) + "}");
        BOOST_TEST_REQUIRE(r.has_value(), errors_of(r));
        return *r->first_name + "|" + *r->last_name;
    };
    BOOST_TEST(split("Mary Ann Smith") == "Mary Ann|Smith");
    BOOST_TEST(split("Cher") == "Cher|");
    BOOST_TEST(split("  Alice Anderson  ") == "Alice|Anderson");
    BOOST_TEST(split("A  B") == "A|B");
    BOOST_TEST(split("") == "|");
    BOOST_TEST(split("山田 太郎") == "山田|太郎");
    BOOST_TEST(message_of(update(R"({"full_name":"A B","first_name":"A"})")) ==
               "full_name cannot be sent with first_name or last_name.");
    BOOST_TEST(message_of(update(R"({"full_name":"A B","last_name":"B"})")) ==
               "full_name cannot be sent with first_name or last_name.");
    BOOST_TEST(message_of(update(R"({"full_name":")" + std::string(193, 'a') + R"("})")) ==
               "full_name must be at most 192 characters.");
    BOOST_TEST(message_of(update(R"({"full_name":"A <B>"})")) ==
               "full_name must not contain \"<\".");
}

BOOST_AUTO_TEST_CASE(password_length_after_trimming) {
    BOOST_TEST(message_of(update(R"({"password":"  1234567  "})")) ==
               "password must be at least 8 characters.");
    const auto ok = update(R"({"password":"  12345678  "})");
    BOOST_TEST_REQUIRE(ok.has_value(), errors_of(ok));
    BOOST_TEST(*ok->password == "12345678");
    // Characters, not bytes: seven é are 14 bytes.
    BOOST_TEST(message_of(update(R"({"password":")" + repeat("é", 7) + R"("})")) ==
               "password must be at least 8 characters.");
    BOOST_TEST(errors_of(update(R"({"password":")" + repeat("é", 8) + R"("})")) == "");
    BOOST_TEST(message_of(update(R"({"password":""})")) ==
               "password must be at least 8 characters.");
    // Anything else goes, control characters and `<` included.
    BOOST_TEST(errors_of(update(R"({"password":"a\tb<c\u0001d\"e"})")) == "");
}

BOOST_AUTO_TEST_CASE(password_at_most_4096_bytes) {
    BOOST_TEST(errors_of(update(R"({"password":")" + std::string(4096, 'p') + R"("})")) == "");
    BOOST_TEST(message_of(update(R"({"password":")" + std::string(4097, 'p') + R"("})")) ==
               "password must be at most 4096 bytes.");
    // Bytes, not characters: 2048 é are 4096 bytes, one more is 4098.
    BOOST_TEST(errors_of(update(R"({"password":")" + repeat("é", 2048) + R"("})")) == "");
    BOOST_TEST(message_of(update(R"({"password":")" + repeat("é", 2048) + R"(x"})")) ==
               "password must be at most 4096 bytes.");
    // Measured after trimming.
    BOOST_TEST(errors_of(update(R"({"password":"  )" + std::string(4096, 'p') + R"(  "})")) == "");
}

BOOST_AUTO_TEST_CASE(current_password_is_any_string_up_to_4096_bytes) {
    const auto r = update(R"({"current_password":" x "})", false);
    BOOST_TEST_REQUIRE(r.has_value(), errors_of(r));
    BOOST_TEST(*r->current_password == "x");
    BOOST_TEST(errors_of(update(R"({"current_password":")" + std::string(4096, 'p') + R"("})")) ==
               "");
    BOOST_TEST(message_of(update(R"({"current_password":")" + std::string(4097, 'p') + R"("})")) ==
               "current_password must be at most 4096 bytes.");
}

BOOST_AUTO_TEST_CASE(country_is_a_known_alpha_2_code_or_empty) {
    BOOST_TEST(*update(R"({"country":"DE"})")->country == "DE");
    BOOST_TEST(*update(R"({"country":" GB "})")->country == "GB");
    BOOST_TEST(*update(R"({"country":""})")->country == "");
    for (const char* bad : {"us", "XX", "USA", "United States", "0"}) {
        BOOST_TEST(message_of(update(R"({"country":)" + json_string(bad) + "}")) ==
                       "country is not a known ISO 3166-1 alpha-2 country code (such as \"US\").",
                   bad);
    }
}

BOOST_AUTO_TEST_CASE(location_fields_fit_their_45_character_columns) {
    for (const char* key : {"state", "city", "postcode"}) {
        const std::string k(key);
        BOOST_TEST(errors_of(update("{\"" + k + "\":\"" + repeat("ü", 45) + "\"}")) == "", key);
        BOOST_TEST(message_of(update("{\"" + k + "\":\"" + repeat("ü", 46) + "\"}")) ==
                       k + " must be at most 45 characters.",
                   key);
        BOOST_TEST(message_of(update("{\"" + k + "\":\"a<b\"}")) == k + " must not contain \"<\".",
                   key);
    }
}

BOOST_AUTO_TEST_CASE(staff_only_fields_are_errors_for_customers) {
    const auto r = update(
        R"({"status":"active","notes":"x","user_id":3,"custom_fields":{"_tier":"gold"}})", false);
    BOOST_TEST(errors_of(r) ==
               "status|rest_invalid_param|status can only be changed by staff.\n"
               "notes|rest_invalid_param|notes can only be changed by staff.\n"
               "custom_fields|rest_invalid_param|custom_fields: \"_tier\" can only be changed by "
               "staff.\n"
               "user_id|rest_invalid_param|user_id can only be changed by staff.");
    // Sign-up too.
    BOOST_TEST(message_of(create(R"({"email":"a@example.com","password":"12345678",)"
                                 R"("status":"active"})",
                                 false)) == "status can only be changed by staff.");
    // Customers may write their own unprotected fields.
    const auto own = update(R"({"custom_fields":{"shoe_size":42,"old":null}})", false);
    BOOST_TEST_REQUIRE(own.has_value(), errors_of(own));
    BOOST_TEST(own->custom_fields->size() == 2u);
    BOOST_TEST(!(*own->custom_fields)[1].json_value.has_value());
}

BOOST_AUTO_TEST_CASE(status_is_active_or_inactive) {
    BOOST_TEST(*update(R"({"status":"active"})")->status == "active");
    BOOST_TEST(*update(R"({"status":"inactive"})")->status == "inactive");
    for (const char* bad : {"", "Active", " active", "archived"}) {
        BOOST_TEST(errors_of(update(R"({"status":)" + json_string(bad) + "}")) ==
                       "status|rest_not_in_enum|status is not one of active, inactive.",
                   bad);
    }
}

BOOST_AUTO_TEST_CASE(notes_are_multiline_text) {
    BOOST_TEST(*update(R"({"notes":"  a\r\n\tb <i>  "})")->notes == "a\r\n\tb <i>");
    BOOST_TEST(message_of(update(R"({"notes":"a\u0007b"})")) ==
               "notes must not contain control characters.");
    BOOST_TEST(errors_of(update(R"({"notes":")" + std::string(65535, 'n') + R"("})")) == "");
    BOOST_TEST(message_of(update(R"({"notes":")" + std::string(65536, 'n') + R"("})")) ==
               "notes must be at most 65535 characters.");
}

BOOST_AUTO_TEST_CASE(user_id_is_a_positive_integer_or_null) {
    const auto linked = update(R"({"user_id":12})");
    BOOST_TEST_REQUIRE(linked.has_value());
    BOOST_TEST_REQUIRE(linked->user_id.has_value());
    BOOST_TEST(linked->user_id->value_or(0) == 12);
    const auto unlinked = update(R"({"user_id":null})");
    BOOST_TEST_REQUIRE(unlinked.has_value());
    BOOST_TEST_REQUIRE(unlinked->user_id.has_value());
    BOOST_TEST(!unlinked->user_id->has_value());
    BOOST_TEST(errors_of(update(R"({"user_id":0})")) ==
               "user_id|rest_out_of_bounds|user_id must be greater than or equal to 1");
    BOOST_TEST(errors_of(update(R"({"user_id":-4})")) ==
               "user_id|rest_out_of_bounds|user_id must be greater than or equal to 1");
    BOOST_TEST(errors_of(update(R"({"user_id":9223372036854775808})")) ==
               "user_id|rest_out_of_bounds|user_id must be less than or equal to "
               "9223372036854775807");
    BOOST_TEST(errors_of(update(R"({"user_id":9223372036854775807})")) == "");
}

BOOST_AUTO_TEST_CASE(custom_field_errors_are_passed_on) {
    BOOST_TEST(errors_of(update(R"({"custom_fields":{"Bad":1}})")) ==
               "custom_fields|rest_invalid_param|custom_fields: \"Bad\" is not a valid field "
               "name (^_?[a-z][a-z0-9_]{0,47}$).");
    const auto empty = update(R"({"custom_fields":[]})");
    BOOST_TEST_REQUIRE(empty.has_value());
    BOOST_TEST_REQUIRE(empty->custom_fields.has_value());
    BOOST_TEST(empty->custom_fields->empty());
}

BOOST_AUTO_TEST_CASE(every_bad_key_is_reported_in_field_order) {
    const auto r = update(R"({"user_id":0,"postcode":")" + std::string(46, '1') +
                          R"(","first_name":"<","email":1,"country":"xx"})");
    BOOST_TEST(errors_of(r) ==
               "email|rest_invalid_type|email is not of type string.\n"
               "first_name|rest_invalid_param|first_name must not contain \"<\".\n"
               "country|rest_invalid_param|country is not a known ISO 3166-1 alpha-2 country "
               "code (such as \"US\").\n"
               "postcode|rest_invalid_param|postcode must be at most 45 characters.\n"
               "user_id|rest_out_of_bounds|user_id must be greater than or equal to 1");
}

BOOST_AUTO_TEST_CASE(utf8_length_counts_code_points) {
    BOOST_TEST(utf8_length("") == 0u);
    BOOST_TEST(utf8_length("abc") == 3u);
    BOOST_TEST(utf8_length("é山😀") == 3u);
    BOOST_TEST(utf8_length("\xff\xfe") == 2u);  // each invalid byte counts once
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
