#include "storefront/validation/address_input.hpp"

#include <boost/test/unit_test.hpp>
#include <cartpress/json/json_reader.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "fluent_cart/serialization/countries.hpp"
#include "storefront/validation/customer_input.hpp"

namespace {

using namespace cartpress;
using namespace cartpress::plugins::storefront;
using cartpress::plugins::fluent_cart::Countries;

const Countries& countries() {
    static const Countries c = [] {
        auto loaded = Countries::from_data(R"({"3166-1":[
            {"alpha_2":"US","name":"United States of America"},
            {"alpha_2":"DE","name":"Germany"}]})",
                                           "", "US\tNY\tNew York\n");
        if (!loaded) throw std::runtime_error(loaded.error());
        return std::move(*loaded);
    }();
    return c;
}

using Parsed = core::Result<AddressInput, std::vector<FieldError>>;

Parsed parse_as(const std::string& body, AddressInputMode mode) {
    json::Document d;
    BOOST_REQUIRE(json::decode(body, d).has_value());
    return parse_address_input(d, mode, countries());
}

Parsed create(const std::string& body) { return parse_as(body, AddressInputMode::kCreate); }
Parsed update(const std::string& body) { return parse_as(body, AddressInputMode::kUpdate); }

// A valid create body with `extra` members added or replaced (the last key wins).
std::string form(const std::string& extra = "") {
    std::string base =
        R"("type":"billing","label":"Office","name":"Alice Anderson","company_name":"ACME",)"
        R"("email":"alice@example.com","phone":"+1 555 0100","address_1":"500 Fifth Ave",)"
        R"("address_2":"Floor 3","city":"New York","state":"NY","postcode":"10110",)"
        R"("country":"US")";
    return "{" + (extra.empty() ? base : base + "," + extra) + "}";
}

std::string errors_of(const Parsed& r) {
    if (r) return "";
    std::string out;
    for (const auto& e : r.error()) {
        out += (out.empty() ? "" : "\n") + e.name + "|" + e.code + "|" + e.message;
    }
    return out;
}

std::string message_of(const Parsed& r) {
    if (r) return "";
    BOOST_TEST_REQUIRE(r.error().size() == 1u, errors_of(r));
    return r.error()[0].message;
}

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(storefront)
BOOST_AUTO_TEST_SUITE(address_input)

BOOST_AUTO_TEST_CASE(a_full_create) {
    const auto r = create(form(R"("is_primary":true)"));
    BOOST_TEST_REQUIRE(r.has_value(), errors_of(r));
    BOOST_TEST(r->type.value_or("?") == "billing");
    BOOST_TEST(r->label.value_or("?") == "Office");
    BOOST_TEST(r->name.value_or("?") == "Alice Anderson");
    BOOST_TEST(r->company_name.value_or("?") == "ACME");
    BOOST_TEST(r->email.value_or("?") == "alice@example.com");
    BOOST_TEST(r->phone.value_or("?") == "+1 555 0100");
    BOOST_TEST(r->address_1.value_or("?") == "500 Fifth Ave");
    BOOST_TEST(r->address_2.value_or("?") == "Floor 3");
    BOOST_TEST(r->city.value_or("?") == "New York");
    BOOST_TEST(r->state.value_or("?") == "NY");
    BOOST_TEST(r->postcode.value_or("?") == "10110");
    BOOST_TEST(r->country.value_or("?") == "US");
    BOOST_TEST(r->is_primary);
    BOOST_TEST(!create(form())->is_primary);
}

BOOST_AUTO_TEST_CASE(create_requires_type_name_address_1_city_and_country) {
    const auto r = create(R"({"label":"Home"})");
    BOOST_TEST(errors_of(r) ==
               "type|rest_missing_callback_param|type is required.\n"
               "name|rest_missing_callback_param|name is required.\n"
               "address_1|rest_missing_callback_param|address_1 is required.\n"
               "city|rest_missing_callback_param|city is required.\n"
               "country|rest_missing_callback_param|country is required.");
    const auto e = input_error(r.error());
    BOOST_TEST(e.code == "rest_missing_callback_param");
    BOOST_TEST(e.message == "Missing parameter(s): type, name, address_1, city, country");
    // The optional ones may be left out.
    BOOST_TEST(errors_of(create(R"({"type":"shipping","name":"A","address_1":"B","city":"C",)"
                                R"("country":"DE"})")) == "");
}

BOOST_AUTO_TEST_CASE(required_fields_are_never_blank) {
    for (const char* key : {"name", "address_1", "city"}) {
        const std::string k(key);
        BOOST_TEST(message_of(create(form("\"" + k + "\":\"  \""))) == k + " must not be empty.",
                   key);
        BOOST_TEST(message_of(update("{\"" + k + "\":\"\"}")) == k + " must not be empty.", key);
    }
    // The optional ones can be cleared.
    const auto r = update(R"({"label":"","company_name":"","email":"","phone":"","address_2":"",)"
                          R"("state":"","postcode":""})");
    BOOST_TEST_REQUIRE(r.has_value(), errors_of(r));
    BOOST_TEST(r->email.value_or("?") == "");
    BOOST_TEST(r->postcode.value_or("?") == "");
}

BOOST_AUTO_TEST_CASE(a_partial_update_sets_only_what_was_sent) {
    const auto r = update(R"({"label":" Home "})");
    BOOST_TEST_REQUIRE(r.has_value(), errors_of(r));
    BOOST_TEST(r->label.value_or("?") == "Home");
    BOOST_TEST(!r->type.has_value());
    BOOST_TEST(!r->name.has_value());
    BOOST_TEST(!r->company_name.has_value());
    BOOST_TEST(!r->email.has_value());
    BOOST_TEST(!r->phone.has_value());
    BOOST_TEST(!r->address_1.has_value());
    BOOST_TEST(!r->address_2.has_value());
    BOOST_TEST(!r->city.has_value());
    BOOST_TEST(!r->state.has_value());
    BOOST_TEST(!r->postcode.has_value());
    BOOST_TEST(!r->country.has_value());
    BOOST_TEST(!r->is_primary);
    BOOST_TEST(update("{}").has_value());
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_ignored) {
    const auto r = update(
        R"({"id":9,"customer_id":"x","status":"archived","meta":[],"created_at":1,"city":"Bonn"})");
    BOOST_TEST_REQUIRE(r.has_value(), errors_of(r));
    BOOST_TEST(*r->city == "Bonn");
}

BOOST_AUTO_TEST_CASE(the_body_must_be_an_object) {
    for (const char* body : {"[]", "null", R"("x")", "1"}) {
        BOOST_TEST(errors_of(create(body)) == "body|rest_invalid_type|body is not of type object.",
                   body);
    }
}

BOOST_AUTO_TEST_CASE(type_is_billing_or_shipping_and_immutable) {
    BOOST_TEST(*create(form(R"("type":"shipping")"))->type == "shipping");
    for (const char* bad : {R"("Billing")", R"("")", R"(" billing")", R"("home")"}) {
        BOOST_TEST(errors_of(create(form(std::string(R"("type":)") + bad))) ==
                       "type|rest_not_in_enum|type is not one of billing, shipping.",
                   bad);
    }
    BOOST_TEST(errors_of(create(form(R"("type":1)"))) ==
               "type|rest_invalid_type|type is not of type string.");
    BOOST_TEST(errors_of(create(form(R"("type":null)"))) ==
               "type|rest_invalid_type|type is not of type string.");

    const auto same = update(R"({"type":"billing"})");
    BOOST_TEST_REQUIRE(same.has_value());
    BOOST_TEST(!address_type_change_error(*same, "billing").has_value());
    const auto change = address_type_change_error(*same, "shipping");
    BOOST_TEST_REQUIRE(change.has_value());
    BOOST_TEST(change->name == "type");
    BOOST_TEST(change->code == "rest_invalid_param");
    BOOST_TEST(change->message == "type cannot be changed after the address is created.");
    BOOST_TEST(!address_type_change_error(*update("{}"), "shipping").has_value());
}

BOOST_AUTO_TEST_CASE(country_is_a_known_alpha_2_code) {
    BOOST_TEST(*create(form(R"("country":"DE")"))->country == "DE");
    BOOST_TEST(*update(R"({"country":" US "})")->country == "US");
    for (const char* bad : {R"("")", R"("us")", R"("XX")", R"("USA")"}) {
        BOOST_TEST(message_of(update(std::string(R"({"country":)") + bad + "}")) ==
                       "country is not a known ISO 3166-1 alpha-2 country code (such as \"US\").",
                   bad);
    }
    BOOST_TEST(message_of(update(R"({"country":840})")) == "country is not of type string.");
}

BOOST_AUTO_TEST_CASE(lengths_are_the_column_sizes_in_characters) {
    struct Limit {
        const char* key;
        std::size_t max;
    };
    const Limit limits[] = {{"label", 50},         {"postcode", 32}, {"name", 192},
                            {"company_name", 192}, {"phone", 192},   {"address_1", 192},
                            {"address_2", 192},    {"city", 192},    {"state", 192}};
    for (const auto& l : limits) {
        const std::string k(l.key);
        BOOST_TEST(errors_of(update("{\"" + k + "\":\"" + repeat("ß", l.max) + "\"}")) == "",
                   l.key);
        BOOST_TEST(message_of(update("{\"" + k + "\":\"" + repeat("ß", l.max + 1) + "\"}")) ==
                       k + " must be at most " + std::to_string(l.max) + " characters.",
                   l.key);
    }
    const std::string local180(180, 'a');
    BOOST_TEST(errors_of(update(R"({"email":")" + local180 + R"(@example.com"})")) == "");
    BOOST_TEST(message_of(update(R"({"email":")" + local180 + R"(b@example.com"})")) ==
               "email must be at most 192 characters.");
}

BOOST_AUTO_TEST_CASE(email_is_empty_or_valid) {
    BOOST_TEST(*update(R"({"email":"  Bob@Example.com "})")->email == "Bob@Example.com");
    BOOST_TEST(*update(R"({"email":"  "})")->email == "");
    BOOST_TEST(errors_of(update(R"({"email":"bob"})")) ==
               "email|rest_invalid_email|email is not a valid email address.");
    BOOST_TEST(message_of(update(R"({"email":5})")) == "email is not of type string.");
}

BOOST_AUTO_TEST_CASE(is_primary_can_only_be_set_to_true) {
    BOOST_TEST(update(R"({"is_primary":true})")->is_primary);
    BOOST_TEST(errors_of(update(R"({"is_primary":false})")) ==
               "is_primary|rest_invalid_param|is_primary cannot be set to false: make another "
               "address primary instead.");
    BOOST_TEST(message_of(create(form(R"("is_primary":false)"))) ==
               "is_primary cannot be set to false: make another address primary instead.");
    for (const char* bad : {"1", "0", R"("true")", "null"}) {
        BOOST_TEST(errors_of(update(std::string(R"({"is_primary":)") + bad + "}")) ==
                       "is_primary|rest_invalid_type|is_primary is not of type boolean.",
                   bad);
    }
}

BOOST_AUTO_TEST_CASE(text_fields_follow_the_name_rules) {
    const auto r = update(R"({"name":"José Müller-Łukasz 😀","address_1":"Königsallee 1",)"
                          R"("city":"東京","label":"Büro & Co"})");
    BOOST_TEST_REQUIRE(r.has_value(), errors_of(r));
    BOOST_TEST(*r->city == "東京");
    BOOST_TEST(message_of(update(R"({"address_2":"a\nb"})")) ==
               "address_2 must not contain control characters.");
    BOOST_TEST(message_of(update(R"({"phone":"1\u0085"})")) ==
               "phone must not contain control characters.");
    BOOST_TEST(message_of(update(R"({"company_name":"<b>ACME</b>"})")) ==
               "company_name must not contain \"<\".");
    BOOST_TEST(message_of(update(R"({"postcode":10110})")) == "postcode is not of type string.");
    BOOST_TEST(message_of(update(R"({"state":["NY"]})")) == "state is not of type string.");

    json::Document d;
    d.SetObject();
    d.AddMember("label", json::str("Caf\xe9", d.GetAllocator()), d.GetAllocator());  // Latin-1
    const auto bad = parse_address_input(d, AddressInputMode::kUpdate, countries());
    BOOST_TEST(message_of(bad) == "label is not valid UTF-8.");
}

BOOST_AUTO_TEST_CASE(every_bad_key_is_reported) {
    const auto r = create(R"({"type":"home","name":"","email":"x","country":"ZZ","is_primary":0})");
    BOOST_TEST(errors_of(r) ==
               "type|rest_not_in_enum|type is not one of billing, shipping.\n"
               "name|rest_invalid_param|name must not be empty.\n"
               "email|rest_invalid_email|email is not a valid email address.\n"
               "address_1|rest_missing_callback_param|address_1 is required.\n"
               "city|rest_missing_callback_param|city is required.\n"
               "country|rest_invalid_param|country is not a known ISO 3166-1 alpha-2 country "
               "code (such as \"US\").\n"
               "is_primary|rest_invalid_type|is_primary is not of type boolean.");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
