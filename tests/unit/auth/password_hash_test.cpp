#include <boost/test/unit_test.hpp>
#include <cartpress/auth/password_hash.hpp>
#include <cartpress/core/random.hpp>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using cartpress::auth::constant_time_equals;
using cartpress::auth::hash_phpass;
using cartpress::auth::hash_wp_bcrypt;
using cartpress::auth::normalize_app_password;
using cartpress::auth::verify_password;
using cartpress::auth::wp_bcrypt_prehash;
using cartpress::auth::wp_fast_hash;

// Hands out the given bytes in order; fails the test if asked for more than it has.
class FixedRandom final : public cartpress::core::Random {
public:
    explicit FixedRandom(std::vector<std::uint8_t> bytes) : bytes_(std::move(bytes)) {}

    void fill(std::span<std::uint8_t> out) override {
        if (out.size() > bytes_.size() - used_) throw std::logic_error("FixedRandom exhausted");
        for (auto& b : out) b = bytes_[used_++];
    }

private:
    std::vector<std::uint8_t> bytes_;
    std::size_t used_ = 0;
};

// Inverse of bcrypt's salt encoding (alphabet "./A-Za-z0-9", big-endian 6-bit groups), so a
// test can choose the salt characters of the spec's vector.
std::vector<std::uint8_t> bcrypt_salt_bytes(std::string_view salt22) {
    constexpr std::string_view kAlphabet =
        "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::vector<std::uint8_t> out;
    std::uint32_t acc = 0;
    int bits = 0;
    for (char c : salt22) {
        acc = (acc << 6) | static_cast<std::uint32_t>(kAlphabet.find(c));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<std::uint8_t>(acc >> bits));
        }
    }
    return out;
}

// Real hashes written by WordPress 6.9.7 (shared/reference/store.sql) and their plain passwords
// (shared/reference/credentials.env). Loopback test data.
constexpr std::string_view kAdminAppHash = "$generic$xY7cUg7mJGxiUpA-I6JI6Ow3_mQbLo9mC8BE6GSw";
constexpr std::string_view kAdminAppPassword = "T9GLCtdrlKMy4aGXjGF6MPjN";
constexpr std::string_view kSubscriberAppHash = "$generic$t9Pwsn0aeGfaOB4mOGCOiU9Y1CjMJp1S4BnfJrUi";
constexpr std::string_view kSubscriberAppPassword = "iD8oTaMk1rASNLqh6fDdki6n";
constexpr std::string_view kAdminLoginHash =
    "$wp$2y$10$E3DAEP0uW3LVuenfYZr47.ypbP7zvFleXfDN8.ji0c56JKgoCMccm";
constexpr std::string_view kAdminLoginPassword = "AdminPass123!";
constexpr std::string_view kSubscriberLoginHash =
    "$wp$2y$10$WbtwpZz6R/sanwv/GrUi9.j54XCrV93rSwl/kmJox0JgOWyfSh6YG";
constexpr std::string_view kSubscriberLoginPassword = "SubPass123!";

// Spec §11.5 vectors.
constexpr std::string_view kCorrectHorseWpHash =
    "$wp$2y$10$abcdefghijklmnopqrstuuA.NtWkdu8VmWC3ClnWUEHy4fqZrKNuK";
constexpr std::string_view kCorrectHorsePrehash =
    "iyBH75fzLT2U6HINiIugTDa560xXZVCknyWH3hO2FoF2OCUm4PI014GDz4jYWTf1";
constexpr std::string_view kPasswordPhpass = "$P$BabcdefghEP1Dc925xipBv72nvZxoc1";

}  // namespace

BOOST_AUTO_TEST_SUITE(auth)
BOOST_AUTO_TEST_SUITE(password_hash)

BOOST_AUTO_TEST_CASE(fast_hash_matches_spec_vector) {
    BOOST_TEST(wp_fast_hash("abcdEFGH1234ijklMNOP5678") ==
               "$generic$F6W18u0QEytvRVb59DemVWRxyTxU6vg_VK0s_f-h");
    BOOST_TEST(wp_fast_hash("abcdEFGH1234ijklMNOP5678").size() == 49u);
    BOOST_TEST(verify_password("abcdEFGH1234ijklMNOP5678",
                               "$generic$F6W18u0QEytvRVb59DemVWRxyTxU6vg_VK0s_f-h"));
    BOOST_TEST(!verify_password("abcdEFGH1234ijklMNOP5679",
                                "$generic$F6W18u0QEytvRVb59DemVWRxyTxU6vg_VK0s_f-h"));
}

BOOST_AUTO_TEST_CASE(bcrypt_prehash_matches_spec_vector) {
    BOOST_TEST(wp_bcrypt_prehash("correct horse") == kCorrectHorsePrehash);
}

BOOST_AUTO_TEST_CASE(wp_bcrypt_matches_spec_vector) {
    BOOST_TEST(verify_password("correct horse", kCorrectHorseWpHash));
    BOOST_TEST(!verify_password("correct horsf", kCorrectHorseWpHash));
    BOOST_TEST(!verify_password("Correct horse", kCorrectHorseWpHash));
    // Without "$wp" it is a plain bcrypt hash of the pre-hash, checked by the crypt fallback.
    BOOST_TEST(verify_password(kCorrectHorsePrehash, kCorrectHorseWpHash.substr(3)));
    BOOST_TEST(!verify_password("correct horse", kCorrectHorseWpHash.substr(3)));

    const auto salt = bcrypt_salt_bytes("abcdefghijklmnopqrstuu");
    BOOST_TEST_REQUIRE(salt.size() == 16u);
    FixedRandom random(salt);
    BOOST_TEST(hash_wp_bcrypt("correct horse", random) == kCorrectHorseWpHash);
}

BOOST_AUTO_TEST_CASE(phpass_matches_spec_vectors) {
    BOOST_TEST(verify_password("test12345", "$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0"));
    BOOST_TEST(!verify_password("test12346", "$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0"));
    BOOST_TEST(verify_password("password", kPasswordPhpass));
    // phpBB's "$H$" marker, same algorithm.
    BOOST_TEST(verify_password("password", "$H$BabcdefghEP1Dc925xipBv72nvZxoc1"));

    // Bytes whose phpass encoding is "abcdefgh": the spec's "setting $P$Babcdefgh" vector.
    FixedRandom abcdefgh({0xE6, 0x89, 0xA6, 0xEA, 0xCA, 0xB6});
    BOOST_TEST(hash_phpass("password", abcdefgh) == kPasswordPhpass);

    FixedRandom one_to_six({0x01, 0x02, 0x03, 0x04, 0x05, 0x06});
    BOOST_TEST(hash_phpass("abcdEFGH1234ijklMNOP5678", one_to_six) ==
               "$P$B/6k.2IU/sC3QA8P9AAvdtz8H3gkZ1.");
}

BOOST_AUTO_TEST_CASE(real_application_password_hashes) {
    BOOST_TEST(verify_password(kAdminAppPassword, kAdminAppHash));
    BOOST_TEST(verify_password(kSubscriberAppPassword, kSubscriberAppHash));
    BOOST_TEST(!verify_password(kAdminAppPassword, kSubscriberAppHash));
    BOOST_TEST(!verify_password(kSubscriberAppPassword, kAdminAppHash));
    // As typed by a user: grouped with spaces, normalised before verification (§11.4).
    BOOST_TEST(
        verify_password(normalize_app_password("T9GL Ctdr lKMy 4aGX jGF6 MPjN"), kAdminAppHash));
    BOOST_TEST(!verify_password("T9GL Ctdr lKMy 4aGX jGF6 MPjN", kAdminAppHash));
    // The login password is never an application password.
    BOOST_TEST(!verify_password(kAdminLoginPassword, kAdminAppHash));
}

BOOST_AUTO_TEST_CASE(real_login_password_hashes) {
    BOOST_TEST(verify_password(kAdminLoginPassword, kAdminLoginHash));
    BOOST_TEST(verify_password(kSubscriberLoginPassword, kSubscriberLoginHash));
    BOOST_TEST(!verify_password(kSubscriberLoginPassword, kAdminLoginHash));
    BOOST_TEST(!verify_password("AdminPass123", kAdminLoginHash));
    BOOST_TEST(!verify_password("AdminPass123! ", kAdminLoginHash));  // trimming is the caller's
    BOOST_TEST(!verify_password(kAdminAppPassword, kAdminLoginHash));
}

BOOST_AUTO_TEST_CASE(md5_is_checked_first) {
    BOOST_TEST(verify_password("password", "5f4dcc3b5aa765d61d8327deb882cf99"));
    BOOST_TEST(!verify_password("Password", "5f4dcc3b5aa765d61d8327deb882cf99"));
    BOOST_TEST(!verify_password("password", "5F4DCC3B5AA765D61D8327DEB882CF99"));
    BOOST_TEST(!verify_password("password", "5f4dcc3b5aa765d61d8327deb882cf9"));
    // Short values that look like other formats are still treated as MD5 (and so fail).
    BOOST_TEST(!verify_password("password", "$P$Babcdefgh"));
    BOOST_TEST(!verify_password("", "$generic$"));
}

BOOST_AUTO_TEST_CASE(password_length_limit) {
    const std::string longest(4096, 'a');
    const std::string too_long(4097, 'a');
    BOOST_TEST(verify_password(longest, "21a199c53f422a380e20b162fb6ebe9c"));
    // md5(4097 x 'a'): the right hash, refused for the length alone.
    BOOST_TEST(!verify_password(too_long, "8cfc1a0bd8cd76599e76e5e721c6e62e"));
    FixedRandom random({1, 2, 3, 4, 5, 6});
    const std::string phpass_of_too_long = hash_phpass(too_long, random);
    BOOST_TEST(!verify_password(too_long, phpass_of_too_long));
    BOOST_TEST(!verify_password(too_long, wp_fast_hash(too_long)));
}

BOOST_AUTO_TEST_CASE(rejects_damaged_hashes) {
    BOOST_TEST(!verify_password("password", ""));
    BOOST_TEST(!verify_password("", ""));
    // Truncated, one character flipped, one character added.
    BOOST_TEST(!verify_password("password", kPasswordPhpass.substr(0, 33)));
    BOOST_TEST(!verify_password("password", std::string(kPasswordPhpass) + "."));
    BOOST_TEST(!verify_password("password", "$P$BabcdefghEP1Dc925xipBv72nvZxoc2"));
    BOOST_TEST(!verify_password(kAdminAppPassword, kAdminAppHash.substr(0, 48)));
    BOOST_TEST(!verify_password(kAdminLoginPassword, kAdminLoginHash.substr(0, 62)));
    BOOST_TEST(!verify_password(kAdminLoginPassword,
                                "$wp$2y$10$E3DAEP0uW3LVuenfYZr47.ypbP7zvFleXfDN8.ji0c56JKgoCMccn"));
    BOOST_TEST(!verify_password(kAdminLoginPassword, std::string(kAdminLoginHash) + "x"));
    BOOST_TEST(!verify_password("x", "$wp"));
    BOOST_TEST(!verify_password("x", "$wp$nonsense-that-is-longer-than-32-bytes"));
    // phpass iteration character outside 7..30: '4' is 6, 'V' is 33, '!' is not in the alphabet.
    BOOST_TEST(!verify_password("password", "$P$4abcdefghEP1Dc925xipBv72nvZxoc1"));
    BOOST_TEST(!verify_password("password", "$P$VabcdefghEP1Dc925xipBv72nvZxoc1"));
    BOOST_TEST(!verify_password("password", "$P$!abcdefghEP1Dc925xipBv72nvZxoc1"));
    // Unknown schemes reach the system crypt, which refuses them.
    BOOST_TEST(!verify_password("password", "$argon2id$v=19$m=65536,t=4,p=1$c29tZXNhbHQ$abc"));
    BOOST_TEST(!verify_password("password", "not a hash at all, but long enough!"));
}

BOOST_AUTO_TEST_CASE(system_crypt_formats) {
    // Computed with `openssl passwd -6/-5/-1 -salt saltsalt 'Hello world!'`.
    BOOST_TEST(
        verify_password("Hello world!",
                        "$6$saltsalt$pn.eNCAqRIao3pxsOGdjVa9wVR7Rb/3WnbxOluoQKVZPzLuyetx3yF6V"
                        "IZDfQnn/arrFVfrq3BqRb9gLqhI5z0"));
    BOOST_TEST(
        verify_password("Hello world!", "$5$saltsalt$7nms7uea33j6nUc5B/QNWbGgEhGAZc61YUN0rQzogB0"));
    BOOST_TEST(verify_password("Hello world!", "$1$saltsalt$le8lFSqqnPaRFOlmAZpvH1"));
    BOOST_TEST(!verify_password("Hello world?", "$1$saltsalt$le8lFSqqnPaRFOlmAZpvH1"));
    // A NUL byte would cut the C string short; such a password must not match its prefix.
    BOOST_TEST(!verify_password(std::string(kCorrectHorsePrehash) + std::string(1, '\0') + "x",
                                kCorrectHorseWpHash.substr(3)));
}

BOOST_AUTO_TEST_CASE(fresh_hashes_verify) {
    cartpress::core::SecureRandom random;
    const std::string phpass = hash_phpass("s3cret pass", random);
    BOOST_TEST(phpass.size() == 34u);
    BOOST_TEST(phpass.starts_with("$P$B"));
    BOOST_TEST(verify_password("s3cret pass", phpass));
    BOOST_TEST(!verify_password("s3cret pasS", phpass));

    const std::string bcrypt = hash_wp_bcrypt("s3cret pass", random);
    BOOST_TEST(bcrypt.size() == 63u);
    BOOST_TEST(bcrypt.starts_with("$wp$2y$10$"));
    BOOST_TEST(verify_password("s3cret pass", bcrypt));
    BOOST_TEST(!verify_password("s3cret pasS", bcrypt));

    // Salts come from the injected randomness: two draws give two different hashes.
    BOOST_TEST(hash_phpass("x", random) != hash_phpass("x", random));
    FixedRandom same_a({9, 9, 9, 9, 9, 9});
    FixedRandom same_b({9, 9, 9, 9, 9, 9});
    BOOST_TEST(hash_phpass("x", same_a) == hash_phpass("x", same_b));
}

BOOST_AUTO_TEST_CASE(normalizes_application_passwords) {
    BOOST_TEST(normalize_app_password("abcd EFGH 1234 ijkl MNOP 5678") ==
               "abcdEFGH1234ijklMNOP5678");
    BOOST_TEST(normalize_app_password("ab-cd_ef.gh\t\n") == "abcdefgh");
    BOOST_TEST(normalize_app_password("caf\xc3\xa9 \xe2\x82\xac 9") == "caf9");
    BOOST_TEST(normalize_app_password(std::string("a\0b", 3)) == "ab");
    BOOST_TEST(normalize_app_password("") == "");
    BOOST_TEST(normalize_app_password("--  --") == "");
}

BOOST_AUTO_TEST_CASE(constant_time_equality) {
    BOOST_TEST(constant_time_equals("", ""));
    BOOST_TEST(constant_time_equals("abc", "abc"));
    BOOST_TEST(!constant_time_equals("abc", "abd"));
    BOOST_TEST(!constant_time_equals("abc", "ab"));
    BOOST_TEST(!constant_time_equals("", "a"));
    BOOST_TEST(constant_time_equals(std::string("a\0b", 3), std::string("a\0b", 3)));
    BOOST_TEST(!constant_time_equals(std::string("a\0b", 3), std::string("a\0c", 3)));
}

BOOST_AUTO_TEST_SUITE_END()  // password_hash
BOOST_AUTO_TEST_SUITE_END()  // auth
