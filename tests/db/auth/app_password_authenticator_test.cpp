// Application-password authentication against real usermeta rows.

#include <boost/test/unit_test.hpp>
#include <cartpress/auth/app_password_authenticator.hpp>
#include <cartpress/core/php_serialize.hpp>
#include <cartpress/site/site_options_cache.hpp>

#include "db/db_world.hpp"
#include "support/fake_clock.hpp"
#include "support/fake_request.hpp"
#include "support/server_counters.hpp"
#include "support/store_fixtures.hpp"

namespace cartpress::auth {
namespace {

using test::DbWorld;
using test::RequestBuilder;

struct AuthFixture {
    AuthFixture()
        : session(DbWorld::get().session()),
          queries("wp_"),
          throttle(10, std::chrono::seconds(300)),
          options(*site::load_site_options(*session, "wp_")),
          creds(test::reference_credentials()) {}

    // Runs authentication for one request; returns the user and leaves any error in `error`.
    CurrentUser login(const std::string& user, const std::string& password,
                      AppPasswordSettings settings = {.local_environment = true}) {
        ApplicationPasswordAuthenticator authenticator(settings, queries, throttle, verified,
                                                       user_rows);
        auto http = RequestBuilder{}.get("/wp-json/").basic_auth(user, password).build();
        rest::RestRequest request(http, "GET", "/");
        rest::RequestContext ctx(*session, clock, random, options);
        ctx.remote_addr = "10.0.0.7";
        ctx.request_id = "t";
        ctx.app_passwords_available = authenticator.available(http);
        auto u = authenticator.authenticate(request, ctx);
        error = ctx.auth_error;
        return u;
    }

    std::unique_ptr<db::Session> session;
    UserQueries queries;
    AuthThrottle throttle;
    VerifiedHashCache verified;
    UserRowLocations user_rows;
    site::SiteOptions options;
    test::ReferenceCredentials creds;
    test::FakeClock clock{1800000000};
    core::SecureRandom random;
    std::optional<rest::RestError> error;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(auth)
BOOST_FIXTURE_TEST_SUITE(app_password_authenticator, AuthFixture)

BOOST_AUTO_TEST_CASE(wordpress_written_hashes_authenticate_with_roles) {
    auto admin = login("admin", creds.admin_app_password);
    BOOST_TEST(admin.id == 1);
    BOOST_TEST(admin.can("manage_options"));
    BOOST_TEST(admin.can("administrator"));
    BOOST_TEST(admin.app_password_uuid == "5e042451-ebcd-498d-aa84-068f3a9f40c7");
    auto sub = login("subscriber1", creds.subscriber_app_password);
    BOOST_TEST(sub.id == 2);
    BOOST_TEST(sub.can("read"));
    BOOST_TEST(!sub.can("manage_options"));
    BOOST_TEST(!error.has_value());
}

BOOST_AUTO_TEST_CASE(bad_credentials_are_anonymous_unless_surfaced) {
    BOOST_TEST(!login("admin", "nope").logged_in());
    BOOST_TEST(!error.has_value());
    BOOST_TEST(!login("nobody", creds.admin_app_password).logged_in());
    BOOST_TEST(!error.has_value());

    const AppPasswordSettings surfaced{.surface_errors = true, .local_environment = true};
    login("admin", "nope", surfaced);
    BOOST_REQUIRE(error.has_value());
    BOOST_TEST(error->code == "incorrect_password");
    BOOST_TEST(error->status == 401);
    login("nobody", "x", surfaced);
    BOOST_TEST(error->code == "invalid_username");
    login("nobody@example.com", "x", surfaced);
    BOOST_TEST(error->code == "invalid_email");
}

BOOST_AUTO_TEST_CASE(unavailable_without_https_unless_local) {
    // Plain HTTP on a production site: Basic is ignored silently (§11.7).
    BOOST_TEST(!login("admin", creds.admin_app_password, AppPasswordSettings{}).logged_in());
    BOOST_TEST(
        login("admin", creds.admin_app_password, AppPasswordSettings{.force_available = true})
            .logged_in());
}

BOOST_AUTO_TEST_CASE(throttles_after_ten_failures_per_ip_and_login) {
    for (int i = 0; i < 10; ++i) login("subscriber1", "wrong");
    BOOST_TEST(!error.has_value());
    // The 11th attempt is refused even with the right password.
    BOOST_TEST(!login("subscriber1", creds.subscriber_app_password).logged_in());
    BOOST_REQUIRE(error.has_value());
    BOOST_TEST(error->code == "cartpress_too_many_auth_failures");
    BOOST_TEST(error->status == 429);
    BOOST_TEST(error->headers.at(0).name == "Retry-After");
    BOOST_TEST(error->headers.at(0).value == "300");
    clock.advance(299);
    login("subscriber1", creds.subscriber_app_password);
    BOOST_TEST(error.has_value());
    clock.advance(1);
    BOOST_TEST(login("subscriber1", creds.subscriber_app_password).logged_in());
}

BOOST_AUTO_TEST_CASE(usage_recorded_at_most_once_per_day) {
    auto& db = *DbWorld::get().db;
    test::add_user(db, "cp_db", "wp_", 40, "daily", "daily@example.com", "subscriber",
                   "DailyPassword00000000000", test::HashKind::kGeneric);
    test::add_app_password(db, "cp_db", "wp_", 40, "second", "SecondPassword0000000000",
                           test::HashKind::kPhpass);
    const std::string original = test::app_passwords_meta(db, "cp_db", "wp_", 40);
    BOOST_TEST(login("daily", "DailyPassword00000000000").logged_in());
    const std::string first = test::app_passwords_meta(db, "cp_db", "wp_", 40);
    BOOST_TEST(first.find("s:9:\"last_used\";i:1800000000;s:7:\"last_ip\";s:8:\"10.0.0.7\";") !=
               std::string::npos);
    // The other item is byte-identical.
    const auto second_item = original.substr(original.find("i:1;a:7:"));
    BOOST_TEST(first.substr(first.find("i:1;a:7:")) == second_item);

    clock.advance(86399);
    BOOST_TEST(login("daily", "DailyPassword00000000000").logged_in());
    BOOST_TEST(test::app_passwords_meta(db, "cp_db", "wp_", 40) == first);
    clock.advance(1);
    BOOST_TEST(login("daily", "DailyPassword00000000000").logged_in());
    BOOST_TEST(test::app_passwords_meta(db, "cp_db", "wp_", 40).find("i:1800086400;") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(revoked_password_stops_at_once_despite_the_cache) {
    auto& db = *DbWorld::get().db;
    test::add_user(db, "cp_db", "wp_", 41, "revoked", "revoked@example.com", "subscriber",
                   "RevokedPassword000000000", test::HashKind::kPhpass);
    BOOST_TEST(login("revoked", "RevokedPassword000000000").logged_in());
    db.exec("cp_db",
            "DELETE FROM wp_usermeta WHERE user_id = 41 AND meta_key = '_application_passwords'");
    BOOST_TEST(!login("revoked", "RevokedPassword000000000").logged_in());
}

BOOST_AUTO_TEST_CASE(corrupt_or_object_meta_means_no_passwords) {
    auto& db = *DbWorld::get().db;
    test::add_user(db, "cp_db", "wp_", 42, "corrupt", "corrupt@example.com", "subscriber",
                   "CorruptPassword000000000", test::HashKind::kGeneric);
    db.exec("cp_db",
            "UPDATE wp_usermeta SET meta_value = 'O:8:\"stdClass\":0:{}' WHERE user_id = 42 "
            "AND meta_key = '_application_passwords'");
    BOOST_TEST(!login("corrupt", "CorruptPassword000000000").logged_in());
}

BOOST_AUTO_TEST_CASE(the_first_meta_row_of_each_key_counts) {
    // WordPress reads the lowest umeta_id of a key; a later duplicate row must not win.
    auto& db = *DbWorld::get().db;
    test::add_user(db, "cp_db", "wp_", 43, "twice", "twice@example.com", "subscriber",
                   "TwicePassword00000000000", test::HashKind::kGeneric);
    db.exec("cp_db",
            "INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (43, "
            "'_application_passwords', 'a:0:{}'), (43, 'wp_capabilities', "
            "'a:1:{s:13:\"administrator\";b:1;}')");
    const auto user = login("twice", "TwicePassword00000000000");
    BOOST_TEST(user.logged_in());
    BOOST_TEST(!user.can("manage_options"));  // the first capabilities row: subscriber
}

// The places of a user's rows, as the search found them (umeta_ids from the database).
UserRowIds rows_of(int user_id) {
    auto& db = *DbWorld::get().db;
    const auto id = [&](const std::string& key) {
        return std::stoll(test::query_value(
            db, "cp_db",
            "SELECT MIN(umeta_id) FROM wp_usermeta WHERE user_id = " + std::to_string(user_id) +
                " AND meta_key = '" + key + "'"));
    };
    return {user_id, id("_application_passwords"), id("wp_capabilities")};
}

bool same(const std::optional<UserRowIds>& a, const UserRowIds& b) {
    return a && a->user_id == b.user_id && a->passwords_meta_id == b.passwords_meta_id &&
           a->capabilities_meta_id == b.capabilities_meta_id;
}

BOOST_AUTO_TEST_CASE(a_known_login_is_read_by_primary_key) {
    auto& db = *DbWorld::get().db;
    test::add_user(db, "cp_db", "wp_", 44, "placed", "placed@example.com", "editor",
                   "PlacedPassword0000000000", test::HashKind::kGeneric);
    // The search walks the user's meta rows on the user_id index; a read by primary key
    // walks nothing.
    test::ServerCounters walked(*session, "Handler_read_next");
    BOOST_TEST(login("placed", "PlacedPassword0000000000").can("edit_others_posts"));
    BOOST_TEST(walked.since() > 0);
    BOOST_TEST(same(user_rows.find(UserRowLocations::By::kLogin, "placed"), rows_of(44)));
    walked.reset();
    const auto user = login("placed", "PlacedPassword0000000000");
    BOOST_TEST(walked.since() == 0);
    BOOST_TEST(user.id == 44);
    BOOST_TEST(user.email == "placed@example.com");
    BOOST_TEST(user.can("edit_others_posts"));
}

BOOST_AUTO_TEST_CASE(rows_changed_in_place_count_at_once) {
    auto& db = *DbWorld::get().db;
    test::add_user(db, "cp_db", "wp_", 45, "inplace", "inplace@example.com", "subscriber",
                   "InPlacePassword000000000", test::HashKind::kGeneric);
    BOOST_TEST(login("inplace", "InPlacePassword000000000").logged_in());
    BOOST_TEST(user_rows.find(UserRowLocations::By::kLogin, "inplace").has_value());
    db.exec("cp_db",
            "UPDATE wp_usermeta SET meta_value = 'a:1:{s:13:\"administrator\";b:1;}' WHERE "
            "user_id = 45 AND meta_key = 'wp_capabilities'");
    BOOST_TEST(login("inplace", "InPlacePassword000000000").can("manage_options"));
    db.exec("cp_db",
            "UPDATE wp_usermeta SET meta_value = 'a:0:{}' WHERE user_id = 45 AND meta_key = "
            "'_application_passwords'");
    BOOST_TEST(!login("inplace", "InPlacePassword000000000").logged_in());
}

BOOST_AUTO_TEST_CASE(rows_that_moved_are_searched_again) {
    auto& db = *DbWorld::get().db;
    test::add_user(db, "cp_db", "wp_", 46, "moved", "moved@example.com", "subscriber",
                   "MovedPassword00000000000", test::HashKind::kGeneric);
    BOOST_TEST(login("moved", "MovedPassword00000000000").logged_in());
    const UserRowIds before = rows_of(46);
    // Deleted and added again (delete_user_meta + add_user_meta): new umeta_ids.
    db.exec("cp_db",
            "INSERT INTO wp_usermeta (user_id, meta_key, meta_value) SELECT user_id, meta_key, "
            "meta_value FROM wp_usermeta WHERE user_id = 46; DELETE FROM wp_usermeta WHERE "
            "umeta_id IN (" +
                std::to_string(before.passwords_meta_id) + ", " +
                std::to_string(before.capabilities_meta_id) + ")");
    BOOST_TEST(login("moved", "MovedPassword00000000000").logged_in());
    const UserRowIds after = rows_of(46);
    BOOST_TEST(after.passwords_meta_id != before.passwords_meta_id);
    BOOST_TEST(same(user_rows.find(UserRowLocations::By::kLogin, "moved"), after));

    // A row handed to another user is no longer this user's: no passwords, no login.
    db.exec("cp_db", "UPDATE wp_usermeta SET user_id = 0 WHERE umeta_id = " +
                         std::to_string(after.passwords_meta_id));
    BOOST_TEST(!login("moved", "MovedPassword00000000000").logged_in());
    BOOST_TEST(!user_rows.find(UserRowLocations::By::kLogin, "moved").has_value());
}

BOOST_AUTO_TEST_CASE(a_renamed_login_no_longer_names_the_user) {
    auto& db = *DbWorld::get().db;
    test::add_user(db, "cp_db", "wp_", 47, "before", "renamed@example.com", "subscriber",
                   "RenamedPassword000000000", test::HashKind::kGeneric);
    BOOST_TEST(login("before", "RenamedPassword000000000").logged_in());
    BOOST_TEST(login("renamed@example.com", "RenamedPassword000000000").logged_in());
    BOOST_TEST(user_rows.find(UserRowLocations::By::kEmail, "renamed@example.com").has_value());
    db.exec("cp_db",
            "UPDATE wp_users SET user_login = 'after', user_email = 'after@example.com' WHERE "
            "ID = 47");
    BOOST_TEST(!login("before", "RenamedPassword000000000").logged_in());
    BOOST_TEST(!login("renamed@example.com", "RenamedPassword000000000").logged_in());
    BOOST_TEST(login("after", "RenamedPassword000000000").id == 47);
}

BOOST_AUTO_TEST_CASE(a_user_without_capabilities_is_searched_each_time) {
    // A capabilities row added later has no known place: such a user is never remembered.
    auto& db = *DbWorld::get().db;
    test::add_user(db, "cp_db", "wp_", 48, "roleless", "roleless@example.com", "subscriber",
                   "RolelessPassword00000000", test::HashKind::kGeneric);
    db.exec("cp_db", "DELETE FROM wp_usermeta WHERE user_id = 48 AND meta_key = 'wp_capabilities'");
    BOOST_TEST(login("roleless", "RolelessPassword00000000").logged_in());
    BOOST_TEST(!user_rows.find(UserRowLocations::By::kLogin, "roleless").has_value());
    db.exec("cp_db",
            "INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (48, "
            "'wp_capabilities', 'a:1:{s:6:\"editor\";b:1;}')");
    BOOST_TEST(login("roleless", "RolelessPassword00000000").can("edit_others_posts"));
}

BOOST_AUTO_TEST_CASE(a_login_costs_the_server_no_temporary_table) {
    // A sorted join with TEXT columns makes MariaDB write an on-disk temporary table per
    // request (measured: a third of the authenticated route's server time).
    test::ServerCounters temporary(*session, "Created_tmp_tables");
    BOOST_TEST(login("admin", creds.admin_app_password).logged_in());
    BOOST_TEST(temporary.since() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::auth
