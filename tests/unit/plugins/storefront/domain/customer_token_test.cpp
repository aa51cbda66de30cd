#include "storefront/domain/customer_token.hpp"

#include <boost/test/unit_test.hpp>
#include <cartpress/core/base64.hpp>
#include <cartpress/core/digest.hpp>

namespace cartpress::plugins::storefront {
namespace {

const std::string kKey(32, 'k');
const std::string kId("0123456789abcdef", 16);

TokenClaims claims() { return {5, 2'000'000'000, kId}; }

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(storefront)
BOOST_AUTO_TEST_SUITE(customer_token)

BOOST_AUTO_TEST_CASE(the_format_and_signature_follow_the_spec) {
    const std::string token = sign_token(kKey, claims());
    const std::string id = core::base64_unpadded(kId, core::Base64Alphabet::kUrl);
    const std::string body = "cpt1.5.2000000000." + id;
    const auto mac = core::hmac_sha256(kKey, body);
    const std::string sig = core::base64_unpadded(
        std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()),
        core::Base64Alphabet::kUrl);
    BOOST_TEST(token == body + "." + sig);
    BOOST_TEST(id.size() == 22u);
    BOOST_TEST(sig.size() == 43u);
}

BOOST_AUTO_TEST_CASE(a_good_token_verifies_and_names_its_row) {
    auto v = verify_token(kKey, sign_token(kKey, claims()), 1'999'999'999);
    BOOST_REQUIRE(v.has_value());
    BOOST_TEST(v->claims.customer_id == 5);
    BOOST_TEST(v->claims.expires == 2'000'000'000);
    BOOST_TEST(v->claims.id == kId);
    BOOST_TEST(core::hex(v->id_hash) == core::hex(core::sha256(kId)));
}

BOOST_AUTO_TEST_CASE(expiry_is_checked_before_the_signature) {
    const std::string token = sign_token(kKey, claims());
    BOOST_TEST((verify_token(kKey, token, 2'000'000'000).error() == TokenProblem::kExpired));
    // Even under another key an expired token reads as expired (shape, expiry, signature).
    BOOST_TEST((verify_token(std::string(32, 'x'), token, 2'000'000'001).error() ==
                TokenProblem::kExpired));
}

BOOST_AUTO_TEST_CASE(any_altered_part_fails_the_signature) {
    const std::string token = sign_token(kKey, claims());
    BOOST_TEST(
        (verify_token(std::string(32, 'x'), token, 0).error() == TokenProblem::kBadSignature));
    std::string other_customer = token;
    other_customer.replace(5, 1, "6");  // cpt1.6.…
    BOOST_TEST((verify_token(kKey, other_customer, 0).error() == TokenProblem::kBadSignature));
    std::string later = token;
    later.replace(7, 1, "3");  // expires 3000000000
    BOOST_TEST((verify_token(kKey, later, 0).error() == TokenProblem::kBadSignature));
    std::string flipped = token;
    flipped.back() = flipped.back() == 'A' ? 'Q' : 'A';
    const auto r = verify_token(kKey, flipped, 0);
    BOOST_REQUIRE(!r.has_value());  // a bad signature, or a non-canonical last character
    BOOST_TEST((r.error() == TokenProblem::kBadSignature || r.error() == TokenProblem::kMalformed));
}

BOOST_AUTO_TEST_CASE(malformed_tokens) {
    const std::string good = sign_token(kKey, claims());
    const std::string id = core::base64_unpadded(kId, core::Base64Alphabet::kUrl);
    const std::string sig = good.substr(good.rfind('.') + 1);
    for (const std::string& bad : {
             std::string(), std::string("cpt1"), "cpt2" + good.substr(4),
             "cpt1.5.2000000000." + id,                        // four parts
             good + ".x",                                      // six parts
             "cpt1.05.2000000000." + id + "." + sig,           // leading zero
             "cpt1.0.2000000000." + id + "." + sig,            // customer 0
             "cpt1.-5.2000000000." + id + "." + sig,           // sign
             "cpt1.5.+2000000000." + id + "." + sig,           // sign
             "cpt1.99999999999999999999.1." + id + "." + sig,  // beyond int64
             "cpt1.5.2000000000." + id.substr(1) + "." + sig,  // 15-and-a-bit bytes
             "cpt1.5.2000000000." + id + "=." + sig,           // padding
             "cpt1.5.2000000000." + id + "." + sig.substr(1),  // short signature
             "cpt1.5.2000000000." + id + ".",                  // empty signature
             good + std::string(200, 'A'),                     // too long
         }) {
        const auto r = verify_token(kKey, bad, 0);
        BOOST_REQUIRE_MESSAGE(!r.has_value(), bad);
        BOOST_TEST((r.error() == TokenProblem::kMalformed), bad);
    }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::plugins::storefront
