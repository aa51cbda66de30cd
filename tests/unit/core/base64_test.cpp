#include <boost/test/unit_test.hpp>
#include <cartpress/core/base64.hpp>

using namespace cartpress::core;

BOOST_AUTO_TEST_SUITE(core)
BOOST_AUTO_TEST_SUITE(base64)

// RFC 4648 §10 vectors, unpadded.
BOOST_AUTO_TEST_CASE(rfc_4648_vectors) {
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""},           {"f", "Zg"},          {"fo", "Zm8"},          {"foo", "Zm9v"},
        {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"},
    };
    for (const auto& [plain, encoded] : vectors) {
        BOOST_TEST(base64_unpadded(plain, Base64Alphabet::kUrl) == encoded);
        BOOST_TEST(base64_unpadded(plain, Base64Alphabet::kStandard) == encoded);
        BOOST_TEST(base64url_decode(encoded).value_or("<none>") == plain);
    }
}

BOOST_AUTO_TEST_CASE(alphabets_differ_only_in_the_last_two_characters) {
    const std::string bytes("\xfb\xff\xbf", 3);
    BOOST_TEST(base64_unpadded(bytes, Base64Alphabet::kStandard) == "+/+/");
    BOOST_TEST(base64_unpadded(bytes, Base64Alphabet::kUrl) == "-_-_");
    BOOST_TEST(base64url_decode("-_-_").value_or("") == bytes);
}

BOOST_AUTO_TEST_CASE(decoding_is_strict) {
    BOOST_TEST(!base64url_decode("Zg==").has_value());     // padding
    BOOST_TEST(!base64url_decode("+/+/").has_value());     // standard alphabet
    BOOST_TEST(!base64url_decode("Zm9v Yg").has_value());  // space
    BOOST_TEST(!base64url_decode("Z").has_value());        // impossible length
    BOOST_TEST(!base64url_decode("Zh").has_value());       // non-zero trailing bits ("Zg" is 'f')
    BOOST_TEST(!base64url_decode(std::string("Zg\0", 3)).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
