#include <boost/test/unit_test.hpp>
#include <cartpress/auth/user_row_locations.hpp>

namespace {

using cartpress::auth::UserRowIds;
using cartpress::auth::UserRowLocations;
using By = UserRowLocations::By;

}  // namespace

BOOST_AUTO_TEST_SUITE(auth)
BOOST_AUTO_TEST_SUITE(user_row_locations)

BOOST_AUTO_TEST_CASE(remembers_forgets_and_replaces_a_place) {
    UserRowLocations places(8);
    BOOST_TEST(!places.find(By::kLogin, "pat").has_value());
    places.remember(By::kLogin, "pat", {7, 70, 71});
    const auto found = places.find(By::kLogin, "pat");
    BOOST_TEST_REQUIRE(found.has_value());
    BOOST_TEST(found->user_id == 7);
    BOOST_TEST(found->passwords_meta_id == 70);
    BOOST_TEST(found->capabilities_meta_id == 71);
    places.remember(By::kLogin, "pat", {7, 80, 81});
    BOOST_TEST(places.find(By::kLogin, "pat")->passwords_meta_id == 80);
    places.forget(By::kLogin, "pat");
    BOOST_TEST(!places.find(By::kLogin, "pat").has_value());
}

BOOST_AUTO_TEST_CASE(a_login_and_an_email_of_the_same_text_are_different_places) {
    // A user may log in as "a@b.example" while another user has that address as email.
    UserRowLocations places(8);
    places.remember(By::kLogin, "a@b.example", {1, 10, 11});
    BOOST_TEST(!places.find(By::kEmail, "a@b.example").has_value());
    places.remember(By::kEmail, "a@b.example", {2, 20, 21});
    BOOST_TEST(places.find(By::kLogin, "a@b.example")->user_id == 1);
    BOOST_TEST(places.find(By::kEmail, "a@b.example")->user_id == 2);
}

BOOST_AUTO_TEST_CASE(stays_within_its_capacity) {
    UserRowLocations places(3);
    for (int i = 0; i < 3; ++i) places.remember(By::kLogin, "u" + std::to_string(i), {i, i, i});
    places.remember(By::kLogin, "u1", {9, 9, 9});  // a known key replaces, never evicts
    BOOST_TEST(places.find(By::kLogin, "u0").has_value());
    places.remember(By::kLogin, "u3", {3, 3, 3});  // a fourth starts over
    BOOST_TEST(!places.find(By::kLogin, "u0").has_value());
    BOOST_TEST(places.find(By::kLogin, "u3")->user_id == 3);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
