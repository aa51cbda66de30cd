#include <boost/test/unit_test.hpp>
#include <cartpress/core/digest.hpp>
#include <string>

BOOST_AUTO_TEST_SUITE(core)
BOOST_AUTO_TEST_SUITE(digest)

// FIPS 180-2 test vectors.
BOOST_AUTO_TEST_CASE(sha256_matches_the_published_vectors) {
    using cartpress::core::hex;
    using cartpress::core::sha256;
    BOOST_TEST(hex(sha256("abc")) ==
               "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    BOOST_TEST(hex(sha256("")) ==
               "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    BOOST_TEST(hex(sha256(std::string(1000000, 'a'))) ==
               "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// RFC 4231 test cases 1 and 2.
BOOST_AUTO_TEST_CASE(hmac_sha256_matches_rfc_4231) {
    using cartpress::core::hex;
    using cartpress::core::hmac_sha256;
    BOOST_TEST(hex(hmac_sha256(std::string(20, '\x0b'), "Hi There")) ==
               "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    BOOST_TEST(hex(hmac_sha256("Jefe", "what do ya want for nothing?")) ==
               "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

// RFC 1321 test vectors.
BOOST_AUTO_TEST_CASE(md5_matches_the_published_vectors) {
    using cartpress::core::hex;
    using cartpress::core::md5;
    BOOST_TEST(hex(md5("")) == "d41d8cd98f00b204e9800998ecf8427e");
    BOOST_TEST(hex(md5("abc")) == "900150983cd24fb0d6963f7d28e17f72");
    BOOST_TEST(hex(md5("message digest")) == "f96b697d7cb7938d525a2f31aaf161d0");
}

BOOST_AUTO_TEST_CASE(hex_can_stop_after_a_prefix) {
    BOOST_TEST(cartpress::core::hex(cartpress::core::sha256("abc"), 4) == "ba7816bf");
    BOOST_TEST(cartpress::core::hex(cartpress::core::sha256("abc"), 0).empty());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
