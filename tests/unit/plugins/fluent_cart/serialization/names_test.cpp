#include "serialization/names.hpp"

#include <boost/test/unit_test.hpp>
#include <string>
#include <string_view>

namespace {

using cartpress::plugins::fluent_cart::NameParts;
using cartpress::plugins::fluent_cart::split_address_name;
using cartpress::plugins::fluent_cart::split_full_name;

std::string show(const NameParts& parts) { return "[" + parts.first + "|" + parts.last + "]"; }

std::string address(std::string_view name) { return show(split_address_name(name)); }
std::string full(std::string_view name) { return show(split_full_name(name)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_AUTO_TEST_SUITE(names)

// Order address names of the captures (05, 06, 19) and the customer address of 47.
BOOST_AUTO_TEST_CASE(address_capture_values) {
    BOOST_TEST(address("Alice Anderson") == "[Alice|Anderson]");
    BOOST_TEST(address("Bob Brown") == "[Bob|Brown]");
    BOOST_TEST(address("Alice A.") == "[Alice|A.]");
}

BOOST_AUTO_TEST_CASE(address_names_split_at_the_first_and_last_space) {
    BOOST_TEST(address("Cher") == "[Cher|Cher]");
    BOOST_TEST(address("") == "[|]");
    BOOST_TEST(address("Mary Ann Smith") == "[Mary|Smith]");
    BOOST_TEST(address("Alice  Anderson") == "[Alice|Anderson]");
    BOOST_TEST(address(" Alice") == "[|Alice]");
    BOOST_TEST(address("Alice ") == "[Alice|]");
    BOOST_TEST(address(" ") == "[|]");
    BOOST_TEST(address("Jean\tPaul") == "[Jean\tPaul|Jean\tPaul]");  // only spaces split
}

// full_name of the customers created in captures 18, 21–24, 35 and updated in 40.
BOOST_AUTO_TEST_CASE(full_name_capture_values) {
    BOOST_TEST(full("New Customer") == "[New|Customer]");
    BOOST_TEST(full("Frank Foster") == "[Frank|Foster]");
    BOOST_TEST(full("Ghost Person") == "[Ghost|Person]");
    BOOST_TEST(full("Gina Green") == "[Gina|Green]");
    BOOST_TEST(full("Hank Hill") == "[Hank|Hill]");
    BOOST_TEST(full("Erin Evans") == "[Erin|Evans]");
    BOOST_TEST(full("Erin Evans-Updated") == "[Erin|Evans-Updated]");
}

BOOST_AUTO_TEST_CASE(full_names_keep_all_but_the_last_word_as_first_name) {
    BOOST_TEST(full("Madonna") == "[Madonna|]");
    BOOST_TEST(full("") == "[|]");
    BOOST_TEST(full(" \t\n ") == "[|]");
    BOOST_TEST(full("Mary Ann Smith") == "[Mary Ann|Smith]");
    BOOST_TEST(full("  Mary Ann  Smith  ") == "[Mary Ann|Smith]");
    BOOST_TEST(full("A  B") == "[A|B]");
    BOOST_TEST(full("A \tB") == "[A|B]");
    BOOST_TEST(full("A\tB") == "[A\tB|]");
    BOOST_TEST(full("José María García") == "[José María|García]");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
