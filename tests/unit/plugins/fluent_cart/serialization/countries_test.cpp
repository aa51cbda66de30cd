#include "serialization/countries.hpp"

#include <boost/test/unit_test.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace {

using cartpress::plugins::fluent_cart::Countries;

// Debian's iso-codes package is a build dependency (scripts/lib/common.sh).
const Countries& installed() {
    static const Countries countries = [] {
        auto loaded = Countries::load("/usr/share/iso-codes/json");
        if (!loaded) throw std::runtime_error(loaded.error());
        return std::move(*loaded);
    }();
    return countries;
}

constexpr std::string_view kTinyIso = R"({"3166-1":[
    {"alpha_2":"AA","name":"Official Name","common_name":"Common Name"},
    {"alpha_2":"BB","name":"Bee"},
    {"alpha_2":"US","name":"United States of America"}]})";

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_AUTO_TEST_SUITE(countries)

// Every country name that appears in a capture (05, 06, 32, 33, 38, 43, 45).
BOOST_AUTO_TEST_CASE(capture_country_names) {
    const Countries& c = installed();
    BOOST_TEST(c.country_name("US") == "United States (US)");
    BOOST_TEST(c.country_name("GB") == "United Kingdom (UK)");
    BOOST_TEST(c.country_name("CA") == "Canada");
    BOOST_TEST(c.country_name("DE") == "Germany");
    BOOST_TEST(c.country_name("FR") == "France");
    BOOST_TEST(c.country_name("IT") == "Italy");
    BOOST_TEST(c.country_name("") == "");
}

BOOST_AUTO_TEST_CASE(fluent_cart_lists_every_iso_code_with_its_own_spellings) {
    const Countries& c = installed();
    BOOST_TEST(c.country_count() == 249u);
    BOOST_TEST(c.country_name("BL") == "Saint Barth&eacute;lemy");
    BOOST_TEST(c.country_name("CW") == "Cura&ccedil;ao");
    BOOST_TEST(c.country_name("ST") == "São Tomé and Príncipe");
    BOOST_TEST(c.country_name("CI") == "Ivory Coast");
    BOOST_TEST(c.country_name("TR") == "Turkey");
    BOOST_TEST(c.country_name("VG") == "Virgin Islands (British)");
    BOOST_TEST(c.country_name("UM") == "United States (US) Minor Outlying Islands");
    // iso-codes' common_name, which FluentCart shares.
    BOOST_TEST(c.country_name("BO") == "Bolivia");
    BOOST_TEST(c.country_name("TW") == "Taiwan");
    BOOST_TEST(c.country_name("AX") == "Åland Islands");
}

BOOST_AUTO_TEST_CASE(unknown_and_empty_codes) {
    const Countries& c = installed();
    BOOST_TEST(c.country_name("XX") == "XX");
    BOOST_TEST(c.country_name("us") == "us");  // PHP array keys are case-sensitive
    BOOST_TEST(c.country_name("USA") == "USA");
    BOOST_TEST(c.country_name("0") == "");  // empty() in PHP
}

// Capture values: US NY and CA ON are named, GB LND and DE BE stay raw (05, 32, 38, 43, 45).
BOOST_AUTO_TEST_CASE(capture_state_names) {
    const Countries& c = installed();
    BOOST_TEST(c.state_name("US", "NY") == "New York");
    BOOST_TEST(c.state_name("CA", "ON") == "Ontario");
    BOOST_TEST(c.state_name("GB", "LND") == "LND");
    BOOST_TEST(c.state_name("DE", "BE") == "BE");
    BOOST_TEST(c.state_name("FR", "") == "");
    BOOST_TEST(c.state_name("IT", "") == "");
}

BOOST_AUTO_TEST_CASE(states_use_fluent_carts_codes_and_names) {
    const Countries& c = installed();
    BOOST_TEST(c.state_name("DE", "DE-BE") == "Berlin");
    BOOST_TEST(c.state_name("DE", "DE-BY") == "Bavaria");
    BOOST_TEST(c.state_name("JP", "JP13") == "Tokyo");
    BOOST_TEST(c.state_name("IN", "TN") == "Tamil Nadu");
    BOOST_TEST(c.state_name("IT", "AQ") == "L'Aquila");
    BOOST_TEST(c.state_name("CO", "CO-SAP") == "San Andrés & Providencia");
    BOOST_TEST(c.state_name("PH", "00") == "Metro Manila");  // "00" is a string key in PHP
    BOOST_TEST(c.state_name("BD", "BD-15") == "Faridpur ");  // FluentCart's trailing space
    BOOST_TEST(c.state_name("US", "CA") == "California");
}

BOOST_AUTO_TEST_CASE(unknown_states_stay_raw) {
    const Countries& c = installed();
    BOOST_TEST(c.state_name("US", "ny") == "ny");
    BOOST_TEST(c.state_name("us", "NY") == "NY");
    BOOST_TEST(c.state_name("US", "") == "");
    BOOST_TEST(c.state_name("US", "Somewhere") == "Somewhere");
    BOOST_TEST(c.state_name("FR", "IDF") == "IDF");  // FluentCart's FR list is empty
    BOOST_TEST(c.state_name("XX", "NY") == "NY");
}

// FluentCart searches every list when the country is empty; a later country wins a shared code.
BOOST_AUTO_TEST_CASE(empty_country_searches_all_lists) {
    const Countries& c = installed();
    BOOST_TEST(c.state_name("", "NY") == "New York");
    BOOST_TEST(c.state_name("0", "NY") == "New York");
    BOOST_TEST(c.state_name("", "ON") == "Ondo");  // CA Ontario, NA Oshana, then NG Ondo
    BOOST_TEST(c.state_name("", "LND") == "LND");
    BOOST_TEST(c.state_name("", "") == "");
}

// array_merge() renumbers UM's integer codes 81, 84, … as 0, 1, …, so FluentCart finds Baker
// Island under "0" and nothing under "81".
BOOST_AUTO_TEST_CASE(integer_codes_are_renumbered_like_array_merge) {
    const Countries& c = installed();
    BOOST_TEST(c.state_name("UM", "81") == "81");
    BOOST_TEST(c.state_name("UM", "0") == "Baker Island");
    BOOST_TEST(c.state_name("UM", "8") == "Wake Island");
    BOOST_TEST(c.state_name("UM", "9") == "9");
    BOOST_TEST(c.state_name("UM", "00") == "00");
    BOOST_TEST(c.state_name("", "0") == "Baker Island");
    BOOST_TEST(c.state_name("", "81") == "81");
}

BOOST_AUTO_TEST_CASE(from_data_prefers_common_name_and_applies_overrides) {
    auto c = Countries::from_data(kTinyIso, "# comment\n\nUS\tUnited States (US)\nZZ\tZed\\s\n",
                                  "US\tNY\tNew York\nUS\t5\tFive\nUS\t7\tSeven\n");
    BOOST_TEST_REQUIRE(c.has_value(), (c ? "" : c.error()));
    BOOST_TEST(c->country_count() == 4u);
    BOOST_TEST(c->country_name("AA") == "Common Name");
    BOOST_TEST(c->country_name("BB") == "Bee");
    BOOST_TEST(c->country_name("US") == "United States (US)");
    BOOST_TEST(c->country_name("ZZ") == "Zed ");
    BOOST_TEST(c->state_name("US", "NY") == "New York");
    BOOST_TEST(c->state_name("US", "0") == "Five");
    BOOST_TEST(c->state_name("US", "1") == "Seven");
    BOOST_TEST(c->state_name("US", "5") == "5");
}

BOOST_AUTO_TEST_CASE(bad_data_is_a_startup_error) {
    auto error_of = [](std::string_view iso, std::string_view overrides, std::string_view states) {
        auto c = Countries::from_data(iso, overrides, states);
        return c ? std::string() : c.error();
    };
    BOOST_TEST(error_of("{", "", "").find("invalid JSON") != std::string::npos);
    BOOST_TEST(error_of("[]", "", "").find("3166-1") != std::string::npos);
    BOOST_TEST(error_of(R"({"3166-1":[]})", "", "").find("empty") != std::string::npos);
    BOOST_TEST(error_of(R"({"3166-1":[{"alpha_2":"AA"}]})", "", "").find("lacks") !=
               std::string::npos);
    BOOST_TEST(error_of(kTinyIso, "US United States\n", "") ==
               "country-names.tsv line 1: want <code>\\t<name>");
    BOOST_TEST(error_of(kTinyIso, "US\tA\\tB\n", "").find("unknown escape") != std::string::npos);
    BOOST_TEST(error_of(kTinyIso, "", "# c\nUS\tNY\n") ==
               "state-names.tsv line 2: want <country>\\t<state>\\t<name>");
    BOOST_TEST(error_of(kTinyIso, "", "US\tNY\tA\nUS\tNY\tB\n") ==
               "state-names.tsv line 2: duplicate state NY");
    BOOST_TEST(error_of(kTinyIso, "", "US\tNY\tA\nCA\tON\tB\nUS\tCA\tC\n") ==
               "state-names.tsv line 3: rows of US are not together");

    auto missing = Countries::load("/nonexistent-iso-codes");
    BOOST_TEST_REQUIRE(!missing.has_value());
    BOOST_TEST(missing.error() == "cannot open /nonexistent-iso-codes/iso_3166-1.json");
}

// What the address form's rules ask (spec §8.6): known codes, which countries have a list, and
// the list's codes as FluentCart keys them (UM's integer codes as written, not renumbered).
BOOST_AUTO_TEST_CASE(address_rule_lookups) {
    const Countries& c = installed();
    BOOST_TEST(c.has_country("US"));
    BOOST_TEST(c.has_country("GB"));
    BOOST_TEST(!c.has_country("us"));
    BOOST_TEST(!c.has_country("XX"));
    BOOST_TEST(!c.has_country(""));
    BOOST_TEST(c.has_state_list("US"));
    BOOST_TEST(c.has_state_list("DE"));
    BOOST_TEST(!c.has_state_list("GB"));
    BOOST_TEST(!c.has_state_list("XX"));
    BOOST_TEST(c.has_state("US", "NY"));
    BOOST_TEST(!c.has_state("US", "ny"));
    BOOST_TEST(!c.has_state("US", "New York"));
    BOOST_TEST(c.has_state("DE", "DE-BE"));
    BOOST_TEST(!c.has_state("DE", "BE"));
    BOOST_TEST(c.has_state("UM", "81"));
    BOOST_TEST(!c.has_state("GB", "LND"));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
