#include <boost/test/unit_test.hpp>
#include <cartpress/auth/password_hash.hpp>
#include <cartpress/auth/verified_hash_cache.hpp>
#include <string>
#include <string_view>

namespace {

using cartpress::auth::VerifiedHashCache;

// The real check, counting how often it runs.
struct CountingVerifier {
    int* calls;
    bool operator()(std::string_view password, std::string_view stored_hash) const {
        ++*calls;
        return cartpress::auth::verify_password(password, stored_hash);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(auth)
BOOST_AUTO_TEST_SUITE(verified_hash_cache)

BOOST_AUTO_TEST_CASE(a_verified_pair_is_answered_from_memory) {
    int calls = 0;
    VerifiedHashCache cache(16, CountingVerifier{&calls});
    const std::string hash = cartpress::auth::wp_fast_hash("abcdEFGH1234");
    BOOST_TEST(cache.verify(hash, "abcdEFGH1234"));
    BOOST_TEST(cache.verify(hash, "abcdEFGH1234"));
    BOOST_TEST(calls == 1);
}

BOOST_AUTO_TEST_CASE(a_failed_check_is_never_remembered) {
    int calls = 0;
    VerifiedHashCache cache(16, CountingVerifier{&calls});
    const std::string hash = cartpress::auth::wp_fast_hash("abcdEFGH1234");
    BOOST_TEST(!cache.verify(hash, "wrong"));
    BOOST_TEST(!cache.verify(hash, "wrong"));
    BOOST_TEST(calls == 2);
}

BOOST_AUTO_TEST_CASE(the_pair_is_the_key_not_the_password_alone) {
    int calls = 0;
    VerifiedHashCache cache(16, CountingVerifier{&calls});
    const std::string old_hash = cartpress::auth::wp_fast_hash("abcdEFGH1234");
    const std::string new_hash = cartpress::auth::wp_fast_hash("zyxwVUTS9876");
    BOOST_TEST(cache.verify(old_hash, "abcdEFGH1234"));
    // The stored hash changed (the password was replaced): the old password no longer passes.
    BOOST_TEST(!cache.verify(new_hash, "abcdEFGH1234"));
    BOOST_TEST(calls == 2);
}

BOOST_AUTO_TEST_CASE(a_full_cache_starts_over_and_still_answers_right) {
    int calls = 0;
    VerifiedHashCache cache(2, CountingVerifier{&calls});
    const std::string a = cartpress::auth::wp_fast_hash("aaaa");
    const std::string b = cartpress::auth::wp_fast_hash("bbbb");
    const std::string c = cartpress::auth::wp_fast_hash("cccc");
    BOOST_TEST(cache.verify(a, "aaaa"));
    BOOST_TEST(cache.verify(b, "bbbb"));
    BOOST_TEST(cache.verify(c, "cccc"));  // full: forgets a and b, keeps c
    BOOST_TEST(calls == 3);
    BOOST_TEST(cache.verify(c, "cccc"));
    BOOST_TEST(calls == 3);
    BOOST_TEST(cache.verify(a, "aaaa"));
    BOOST_TEST(calls == 4);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
