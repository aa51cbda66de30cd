// The database-free parts of creating a WordPress user (fluent-cart-v2.md §9.3): login cleaning
// and derivation order, counters, capabilities, display name, password alphabet, hash format.

#include <boost/test/unit_test.hpp>
#include <cartpress/site/wordpress_user_writer.hpp>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cartpress::site {
namespace {

using config::HashFormat;
using Logins = std::vector<std::string>;

// Hands out the given bytes in a cycle.
class CyclingRandom final : public core::Random {
public:
    explicit CyclingRandom(std::vector<std::uint8_t> bytes) : bytes_(std::move(bytes)) {}
    void fill(std::span<std::uint8_t> out) override {
        for (auto& b : out) b = bytes_[next_++ % bytes_.size()];
    }

private:
    std::vector<std::uint8_t> bytes_;
    std::size_t next_ = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(site)
BOOST_AUTO_TEST_SUITE(wordpress_user_writer)

BOOST_AUTO_TEST_CASE(clean_login_part_keeps_lowercase_alnum_and_underscore) {
    BOOST_TEST(clean_login_part("John.Smith+shop") == "johnsmithshop");
    BOOST_TEST(clean_login_part("Anne-Marie O'Neil") == "annemarieoneil");
    BOOST_TEST(clean_login_part("jos\xc3\xa9_99") == "jos_99");  // é dropped byte by byte
    BOOST_TEST(clean_login_part("ZZ_top 2") == "zz_top2");
    BOOST_TEST(clean_login_part(" .-@!").empty());
    BOOST_TEST(clean_login_part("").empty());
}

BOOST_AUTO_TEST_CASE(local_part_first_name_last_name_in_that_order) {
    auto plan = plan_login("Mary.Jones@Example.com", "Mary", "Jones");
    BOOST_TEST(plan.preferred == (Logins{"maryjones", "mary", "jones"}),
               boost::test_tools::per_element());
    BOOST_TEST(plan.counter_base == "maryjones");
}

BOOST_AUTO_TEST_CASE(parts_shorter_than_three_characters_are_skipped) {
    // "ab" is too short: the first name comes first.
    auto plan = plan_login("ab@example.com", "Bo", "Lundqvist");
    BOOST_TEST(plan.preferred == (Logins{"lundqvist"}), boost::test_tools::per_element());
    BOOST_TEST(plan.counter_base == "ab");  // the counter still uses the local part: ab2, ab3
    plan = plan_login("a.b@example.com", "Éva", "");  // "éva" cleans to "va"
    BOOST_TEST(plan.preferred.empty());
    BOOST_TEST(plan.counter_base == "ab");
    plan = plan_login("x@example.com", "Anna", "Li");
    BOOST_TEST(plan.preferred == (Logins{"anna"}), boost::test_tools::per_element());
    // Exactly three characters is enough.
    plan = plan_login("abc@example.com", "", "");
    BOOST_TEST(plan.preferred == (Logins{"abc"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(duplicates_dropped_and_empty_local_part_falls_back_to_user) {
    auto plan = plan_login("anna@example.com", "ANNA", "Anna");
    BOOST_TEST(plan.preferred == (Logins{"anna"}), boost::test_tools::per_element());
    plan = plan_login("\xc3\xa9@example.com", "", "");
    BOOST_TEST(plan.preferred.empty());
    BOOST_TEST(plan.counter_base == "user");
    BOOST_TEST(counter_login(plan.counter_base, 2) == "user2");
}

BOOST_AUTO_TEST_CASE(local_part_is_before_the_last_at_sign) {
    auto plan = plan_login("\"a@b.c\"@example.com", "", "");
    BOOST_TEST(plan.preferred == (Logins{"abc"}), boost::test_tools::per_element());
    plan = plan_login("no-at-sign", "", "");  // the whole text, as explode('@')[0] would give
    BOOST_TEST(plan.preferred == (Logins{"noatsign"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(logins_are_at_most_sixty_characters) {
    const std::string long_local(70, 'a');
    auto plan = plan_login(long_local + "@example.com", std::string(65, 'b'), "");
    BOOST_TEST(plan.preferred == (Logins{std::string(60, 'a'), std::string(60, 'b')}),
               boost::test_tools::per_element());
    BOOST_TEST(counter_login(plan.counter_base, 2) == std::string(59, 'a') + "2");
    BOOST_TEST(counter_login(plan.counter_base, 1000) == std::string(56, 'a') + "1000");
}

BOOST_AUTO_TEST_CASE(counter_starts_at_two) {
    BOOST_TEST(counter_login("maryjones", 2) == "maryjones2");
    BOOST_TEST(counter_login("maryjones", 3) == "maryjones3");
    BOOST_TEST(counter_login("ab", 10) == "ab10");
}

BOOST_AUTO_TEST_CASE(nicename_counter_keeps_fifty_characters) {
    BOOST_TEST(counter_nicename("johnsmith", 2) == "johnsmith-2");
    BOOST_TEST(counter_nicename(std::string(50, 'n'), 2) == std::string(48, 'n') + "-2");
    BOOST_TEST(counter_nicename(std::string(50, 'n'), 10) == std::string(47, 'n') + "-10");
}

BOOST_AUTO_TEST_CASE(capabilities_serialized_as_php) {
    BOOST_TEST(capabilities_value("subscriber") == R"(a:1:{s:10:"subscriber";b:1;})");
    BOOST_TEST(capabilities_value("customer") == R"(a:1:{s:8:"customer";b:1;})");
    BOOST_TEST(capabilities_value("administrator") == R"(a:1:{s:13:"administrator";b:1;})");
}

BOOST_AUTO_TEST_CASE(display_name_is_full_name_or_login) {
    BOOST_TEST(display_name_for("Mary", "Jones", "maryjones") == "Mary Jones");
    BOOST_TEST(display_name_for("Mary", "", "maryjones") == "Mary");
    BOOST_TEST(display_name_for("", "Jones", "maryjones") == "Jones");
    BOOST_TEST(display_name_for(" ", "", "maryjones") == "maryjones");
    BOOST_TEST(display_name_for("", "", "maryjones") == "maryjones");
}

BOOST_AUTO_TEST_CASE(random_password_is_alphanumeric_without_bias) {
    // 0 -> 'A', 61 -> '9', 62 -> 'A' again; 248..255 are rejected, never mapped.
    CyclingRandom random({0, 248, 61, 255, 62, 25, 26, 51, 52, 123});
    BOOST_TEST(random_alphanumeric(random, 8) == "A9AZaz09");
    core::SecureRandom secure;
    const std::string password = random_alphanumeric(secure, 8);
    BOOST_TEST(password.size() == 8u);
    for (char c : password) {
        BOOST_TEST(((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')));
    }
}

BOOST_AUTO_TEST_CASE(hash_format_resolution) {
    BOOST_TEST((resolve_hash_format(HashFormat::kModern, 0, false) == HashFormat::kModern));
    BOOST_TEST((resolve_hash_format(HashFormat::kLegacy, 60717, true) == HashFormat::kLegacy));
    BOOST_TEST((resolve_hash_format(HashFormat::kAuto, 60421, false) == HashFormat::kModern));
    BOOST_TEST((resolve_hash_format(HashFormat::kAuto, 60420, false) == HashFormat::kLegacy));
    // WordPress 6.8.0/6.8.1 report 58975 but write $wp$/$generic$ hashes.
    BOOST_TEST((resolve_hash_format(HashFormat::kAuto, 58975, true) == HashFormat::kModern));
}

BOOST_AUTO_TEST_CASE(queries_use_the_prefix) {
    const WordPressUserQueries q("shop_");
    BOOST_TEST(q.capabilities_key == "shop_capabilities");
    BOOST_TEST(q.user_level_key == "shop_user_level");
    BOOST_TEST(q.insert_user.find("INSERT INTO shop_users ") == 0u);
    BOOST_TEST(q.insert_metas.find("INSERT INTO shop_usermeta ") == 0u);
    BOOST_TEST(q.default_role.find("FROM shop_options ") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::site
