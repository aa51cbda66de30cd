#include "serialization/gravatar.hpp"

#include <boost/test/unit_test.hpp>
#include <string>

namespace {

using cartpress::plugins::fluent_cart::gravatar_url;

// The photo of a customer in the reference store (avatar_default "mystery", avatar_rating "G").
std::string photo(std::string_view email) { return gravatar_url(email, "mystery", "G"); }

std::string expected(std::string_view hash) {
    return "https://secure.gravatar.com/avatar/" + std::string(hash) + "?s=100&#038;d=mm&#038;r=g";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_AUTO_TEST_SUITE(gravatar)

// Every photo URL of the captures (05, 19, 32–35, 38, 40).
BOOST_AUTO_TEST_CASE(capture_photos) {
    BOOST_TEST(photo("alice@example.com") ==
               expected("ff8d9819fc0e12bf0d24892e45987e249a28dce836a85cad60e28eaaa8c6d976"));
    BOOST_TEST(photo("bob@example.com") ==
               expected("5ff860bf1190596c7188ab851db691f0f3169c453936e9e1eba2f9a47f7a0018"));
    BOOST_TEST(photo("carol@example.com") ==
               expected("e0d47ca1bc1eb62e650fc1fd660a9bfbf7cba8dc6337d81df7ea9aa9071a24a5"));
    BOOST_TEST(photo("dave@example.com") ==
               expected("7b34211350ff567970974e1e2b98d319a601969e74fd1a957bc889b8332d00eb"));
    BOOST_TEST(photo("new@example.com") ==
               expected("f0030501023327437b06e5c6f87df7871b8e704ae608d1d0b7b24fdd2a06c716"));
    BOOST_TEST(photo("frank@example.com") ==
               expected("36a9b382f8c0e0f39b36c798e8bbb1e74724bd3a4f81d182b0fa87a466429de6"));
    BOOST_TEST(photo("ghost@example.com") ==
               expected("79783106d88279c6c8f94f1f4dec22bdb9f90a8d14c9d6c6628a11430e236cbf"));
    BOOST_TEST(photo("gina@example.com") ==
               expected("599d34717b7120c914a6ee1efee023a0d348c1cf01444b9b295b33503503788b"));
    BOOST_TEST(photo("hank@example.com") ==
               expected("e73637fee988fb5707d8b87a8bd77cdf0112abd2ec380d27f0c8d6622c2086a6"));
    BOOST_TEST(photo("erin@example.com") ==
               expected("405340cd9ac94b08b93800aee3f0db2dd673256bc318987e51e177eb53cca1b2"));
}

BOOST_AUTO_TEST_CASE(email_is_trimmed_and_lower_cased) {
    const std::string alice =
        expected("ff8d9819fc0e12bf0d24892e45987e249a28dce836a85cad60e28eaaa8c6d976");
    BOOST_TEST(photo("Alice@Example.COM") == alice);
    BOOST_TEST(photo(" \talice@example.com\r\n") == alice);
    BOOST_TEST(photo(std::string_view("alice@example.com\0", 18)) == alice);
}

BOOST_AUTO_TEST_CASE(empty_email_has_no_hash) {
    BOOST_TEST(photo("") == "https://secure.gravatar.com/avatar/?s=100&#038;d=mm&#038;r=g");
    BOOST_TEST(photo("0") == "https://secure.gravatar.com/avatar/?s=100&#038;d=mm&#038;r=g");
    // Truthy for PHP, so hashed after trimming: the SHA-256 of "".
    BOOST_TEST(photo(" ") ==
               expected("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    BOOST_TEST(photo("abc123@md5.gravatar.com") == expected("abc123"));
    BOOST_TEST(photo("def456@sha256.gravatar.com") == expected("def456"));
}

BOOST_AUTO_TEST_CASE(default_image_option) {
    const std::string base =
        "https://secure.gravatar.com/avatar/"
        "ff8d9819fc0e12bf0d24892e45987e249a28dce836a85cad60e28eaaa8c6d976?s=100";
    BOOST_TEST(gravatar_url("alice@example.com", "mm", "G") == base + "&#038;d=mm&#038;r=g");
    BOOST_TEST(gravatar_url("alice@example.com", "mysteryman", "G") ==
               base + "&#038;d=mm&#038;r=g");
    BOOST_TEST(gravatar_url("alice@example.com", "identicon", "G") ==
               base + "&#038;d=identicon&#038;r=g");
    BOOST_TEST(gravatar_url("alice@example.com", "blank", "G") == base + "&#038;d=blank&#038;r=g");
    BOOST_TEST(gravatar_url("alice@example.com", "gravatar_default", "G") == base + "&#038;r=g");
    BOOST_TEST(gravatar_url("alice@example.com", "", "G") == base + "&#038;r=g");
    BOOST_TEST(gravatar_url("alice@example.com", "0", "G") == base + "&#038;r=g");
    BOOST_TEST(gravatar_url("alice@example.com", "Mystery", "G") ==
               base + "&#038;d=Mystery&#038;r=g");
    BOOST_TEST(gravatar_url("alice@example.com", "https://example.com/a b.png", "G") ==
               base + "&#038;d=https%3A%2F%2Fexample.com%2Fa%20b.png&#038;r=g");
}

BOOST_AUTO_TEST_CASE(rating_option) {
    const std::string base =
        "https://secure.gravatar.com/avatar/"
        "ff8d9819fc0e12bf0d24892e45987e249a28dce836a85cad60e28eaaa8c6d976?s=100&#038;d=mm";
    BOOST_TEST(gravatar_url("alice@example.com", "mystery", "PG") == base + "&#038;r=pg");
    BOOST_TEST(gravatar_url("alice@example.com", "mystery", "x") == base + "&#038;r=x");
    BOOST_TEST(gravatar_url("alice@example.com", "mystery", "") == base);
    BOOST_TEST(gravatar_url("alice@example.com", "mystery", "0") == base);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
