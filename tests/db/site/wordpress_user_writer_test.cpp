// Creating a WordPress user (fluent-cart-v2.md §9.3) against a real MariaDB: the users row and
// every usermeta row, the hash format each setting writes, login collisions, and rollback.
// Each case writes to its own copy of the reference store, so cp_db stays as loaded.

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cartpress/db/transaction.hpp>
#include <cartpress/site/wordpress_user_writer.hpp>
#include <memory>
#include <string>
#include <vector>

#include "db/db_world.hpp"
#include "db/scratch_store.hpp"
#include "support/failing_session.hpp"
#include "support/store_fixtures.hpp"

namespace cartpress::site {
namespace {

using config::HashFormat;
using test::DbWorld;

constexpr const char* kDatabase = "cp_wpw";
constexpr std::string_view kNow = "2027-01-15 08:00:00";
constexpr std::int64_t kWp67DbVersion = 58975;  // also what WordPress 6.8.0/6.8.1 report

// A fresh store per case: the reference rows (with `reference`) or only the schema.
struct Store : test::ScratchStore {
    explicit Store(std::string table_prefix = "wp_", bool reference = true)
        : ScratchStore(kDatabase, std::move(table_prefix), reference), queries(prefix) {}

    // Through the product session (utf8mb4), not the client: the logins may be non-ASCII.
    void add_user(const std::string& login, const std::string& nicename) const {
        const std::string email = login + "@wpw-pre.example";
        auto done = session->execute(
            "INSERT INTO " + prefix +
                "users (user_login, user_pass, user_nicename, user_email, display_name) "
                "VALUES (?, '$P$Bxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', ?, ?, ?)",
            {std::string_view(login), std::string_view(nicename), std::string_view(email),
             std::string_view(login)});
        BOOST_REQUIRE(done.has_value());
    }

    // Creates and commits; fails the test on any error.
    std::int64_t create(const NewWordPressUser& user, HashFormat format = HashFormat::kAuto,
                        std::int64_t db_version = kWp67DbVersion) {
        db::Transaction tx(*session);
        BOOST_REQUIRE(tx.started().has_value());
        auto id = create_wordpress_user(*session, queries, user, format, db_version, random, kNow);
        BOOST_REQUIRE_MESSAGE(id.has_value(), (id ? "" : id.error().message));
        BOOST_REQUIRE(tx.commit().has_value());
        return *id;
    }
    std::string login_of(std::int64_t id) const {
        return value("SELECT user_login FROM " + prefix + "users WHERE ID = " + std::to_string(id));
    }
    std::string pass_of(std::int64_t id) const {
        return value("SELECT user_pass FROM " + prefix + "users WHERE ID = " + std::to_string(id));
    }
    // "key=value" per usermeta row of the user, in umeta_id order.
    std::vector<std::string> metas(std::int64_t id) const {
        auto rows = session->query("SELECT meta_key, meta_value FROM " + prefix +
                                       "usermeta WHERE user_id = ? ORDER BY umeta_id",
                                   {id});
        BOOST_REQUIRE(rows.has_value());
        std::vector<std::string> out;
        for (std::size_t i = 0; i < rows->size(); ++i) {
            out.push_back((*rows)[i].str(0) + "=" + (*rows)[i].str(1));
        }
        return out;
    }

    WordPressUserQueries queries;
    core::SecureRandom random;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(site)
BOOST_AUTO_TEST_SUITE(wordpress_user_writer)

BOOST_AUTO_TEST_CASE(writes_the_users_row_and_every_meta) {
    Store store;
    const auto id = store.create({"WPW.Mary+shop@Example.com", "Mary", "Jones"});
    BOOST_TEST(id > 2);
    BOOST_TEST(store.value("SELECT CONCAT_WS('|', user_login, user_nicename, user_email, user_url, "
                           "user_registered, user_activation_key, user_status, display_name) "
                           "FROM wp_users WHERE ID = " +
                           std::to_string(id)) ==
               "wpwmaryshop|wpwmaryshop|WPW.Mary+shop@Example.com||2027-01-15 08:00:00||0|"
               "Mary Jones");
    BOOST_TEST(store.metas(id) == (std::vector<std::string>{
                                      "nickname=wpwmaryshop", "first_name=Mary", "last_name=Jones",
                                      R"(wp_capabilities=a:1:{s:10:"subscriber";b:1;})",
                                      "wp_user_level=0", "default_password_nag=1"}),
               boost::test_tools::per_element());
    // The reference store holds $wp$ and $generic$ hashes, so auto writes the modern format
    // although db_version says 6.7.
    const std::string hash = store.pass_of(id);
    BOOST_TEST(hash.rfind("$wp$2y$10$", 0) == 0u);
    BOOST_TEST(hash.size() == 63u);

    auto found = find_user_id_by_email(*store.session, store.queries, "wpw.mary+shop@example.com");
    BOOST_REQUIRE(found.has_value());
    BOOST_TEST(found->value_or(0) == id);  // the column's collation ignores case
}

BOOST_AUTO_TEST_CASE(find_user_id_by_email_lowest_id_or_none) {
    Store store;
    auto admin = find_user_id_by_email(*store.session, store.queries, "admin@example.com");
    BOOST_REQUIRE(admin.has_value());
    BOOST_TEST(admin->value_or(0) == 1);
    store.exec(
        "INSERT INTO wp_users (ID, user_login, user_email) VALUES (90, 'wpw_dup', "
        "'subscriber1@example.com')");
    auto dup = find_user_id_by_email(*store.session, store.queries, "subscriber1@example.com");
    BOOST_REQUIRE(dup.has_value());
    BOOST_TEST(dup->value_or(0) == 2);
    auto none = find_user_id_by_email(*store.session, store.queries, "wpw-none@example.com");
    BOOST_REQUIRE(none.has_value());
    BOOST_TEST(!none->has_value());
}

BOOST_AUTO_TEST_CASE(legacy_and_modern_settings_win_over_the_store) {
    Store store;
    const auto legacy =
        store.create({"wpw-legacy@example.com", "", ""}, HashFormat::kLegacy, 60717);
    const std::string phpass = store.pass_of(legacy);
    BOOST_TEST(phpass.rfind("$P$B", 0) == 0u);
    BOOST_TEST(phpass.size() == 34u);
    // No name: the display name is the login.
    BOOST_TEST(store.value("SELECT display_name FROM wp_users WHERE ID = " +
                           std::to_string(legacy)) == "wpwlegacy");

    Store bare("shop_", false);
    const auto modern = bare.create({"wpw-modern@example.com", "", ""}, HashFormat::kModern, 0);
    BOOST_TEST(bare.pass_of(modern).rfind("$wp$2y$10$", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(auto_is_legacy_only_on_an_old_store_without_modern_hashes) {
    Store store("shop_", false);  // schema only: no users, no default_role option
    auto present = modern_hash_present(*store.session, store.queries);
    BOOST_REQUIRE(present.has_value());
    BOOST_TEST(!*present);
    const auto old_store = store.create({"wpw-old@example.com", "", ""});
    BOOST_TEST(store.pass_of(old_store).rfind("$P$B", 0) == 0u);
    // Missing default_role: subscriber; the metas use the store's prefix.
    BOOST_TEST(store.metas(old_store) ==
                   (std::vector<std::string>{"nickname=wpwold", "first_name=", "last_name=",
                                             R"(shop_capabilities=a:1:{s:10:"subscriber";b:1;})",
                                             "shop_user_level=0", "default_password_nag=1"}),
               boost::test_tools::per_element());

    // db_version of WordPress 6.8.2+.
    const auto new_wp = store.create({"wpw-new@example.com", "", ""}, HashFormat::kAuto, 60421);
    BOOST_TEST(store.pass_of(new_wp).rfind("$wp$2y$10$", 0) == 0u);
    // That hash now makes auto modern at any db_version.
    present = modern_hash_present(*store.session, store.queries);
    BOOST_REQUIRE(present.has_value());
    BOOST_TEST(*present);
    const auto after = store.create({"wpw-after@example.com", "", ""});
    BOOST_TEST(store.pass_of(after).rfind("$wp$2y$10$", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(generic_app_password_alone_makes_auto_modern) {
    Store store("shop_", false);
    store.exec(
        "INSERT INTO shop_users (ID, user_login, user_pass) VALUES (5, 'wpw_app', "
        "'$P$Bxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')");
    auto present = modern_hash_present(*store.session, store.queries);
    BOOST_REQUIRE(present.has_value());
    BOOST_TEST(!*present);
    store.exec(
        "INSERT INTO shop_usermeta (user_id, meta_key, meta_value) VALUES (5, "
        "'_application_passwords', "
        "'a:1:{i:0;a:1:{s:8:\"password\";s:49:\"$generic$xY7cUg7mJGxiUpA-I6JI6Ow3_"
        "mQbLo9mC8BE6GSw\";}"
        "}')");
    present = modern_hash_present(*store.session, store.queries);
    BOOST_REQUIRE(present.has_value());
    BOOST_TEST(*present);
}

BOOST_AUTO_TEST_CASE(role_comes_from_default_role) {
    Store store;
    store.exec(
        "UPDATE wp_options SET option_value = 'customer' WHERE option_name = 'default_role'");
    const auto id = store.create({"wpw-role@example.com", "Rolf", ""});
    const auto metas = store.metas(id);
    BOOST_TEST(std::count(metas.begin(), metas.end(),
                          R"(wp_capabilities=a:1:{s:8:"customer";b:1;})") == 1);
    store.exec("UPDATE wp_options SET option_value = '' WHERE option_name = 'default_role'");
    const auto empty_role = store.create({"wpw-role2@example.com", "", ""});
    const auto metas2 = store.metas(empty_role);
    BOOST_TEST(std::count(metas2.begin(), metas2.end(),
                          R"(wp_capabilities=a:1:{s:10:"subscriber";b:1;})") == 1);
}

BOOST_AUTO_TEST_CASE(collisions_fall_back_to_first_name_last_name_then_counter) {
    Store store;
    const NewWordPressUser ann{"wpwann@example.com", "Annette", "Wpwsmith"};
    const auto taken_login = [&](NewWordPressUser u, const std::string& email) {
        u.email = email;
        return store.login_of(store.create(u));
    };
    BOOST_TEST(taken_login(ann, "wpwann@example.com") == "wpwann");
    BOOST_TEST(taken_login(ann, "WPWAnn@second.example") == "annette");
    BOOST_TEST(taken_login(ann, "wpwann@third.example") == "wpwsmith");
    BOOST_TEST(taken_login(ann, "wpwann@fourth.example") == "wpwann2");
    BOOST_TEST(taken_login(ann, "wpwann@fifth.example") == "wpwann3");
    // Taken under the column's collation (case and accents ignored), across a batch boundary.
    store.add_user("WPWANN4", "x4");
    store.add_user("wpwánn5", "x5");
    for (int n = 6; n <= 12; ++n) store.add_user("wpwann" + std::to_string(n), "x");
    BOOST_TEST(taken_login(ann, "wpwann@sixth.example") == "wpwann13");

    // A short local part goes straight to the names, then counts on the short part.
    const NewWordPressUser short_local{"", "Jo", "Wpwlund"};
    BOOST_TEST(taken_login(short_local, "wq@example.com") == "wpwlund");
    BOOST_TEST(taken_login(short_local, "wq@other.example") == "wq2");
}

BOOST_AUTO_TEST_CASE(nicename_taken_by_another_login_gets_a_suffix) {
    Store store;
    store.add_user("wpw.nice", "wpwnice");
    const auto id = store.create({"wpw.nice@example.com", "", ""});
    BOOST_TEST(store.login_of(id) == "wpwnice");
    BOOST_TEST(store.value("SELECT user_nicename FROM wp_users WHERE ID = " + std::to_string(id)) ==
               "wpwnice-2");
    // A 60-character login has a 50-character nicename.
    const auto long_id = store.create({std::string(64, 'w') + "@example.com", "", ""});
    BOOST_TEST(store.login_of(long_id) == std::string(60, 'w'));
    BOOST_TEST(store.value("SELECT user_nicename FROM wp_users WHERE ID = " +
                           std::to_string(long_id)) == std::string(50, 'w'));
}

BOOST_AUTO_TEST_CASE(rollback_leaves_nothing) {
    Store store;
    const std::string users = store.value("SELECT COUNT(*) FROM wp_users");
    const std::string metas = store.value("SELECT COUNT(*) FROM wp_usermeta");
    {
        db::Transaction tx(*store.session);
        BOOST_REQUIRE(tx.started().has_value());
        auto id = create_wordpress_user(*store.session, store.queries,
                                        {"wpw-rollback@example.com", "Rob", "Back"},
                                        HashFormat::kAuto, kWp67DbVersion, store.random, kNow);
        BOOST_REQUIRE(id.has_value());
        BOOST_TEST(store.session->in_transaction());  // still the caller's, not committed
    }                                                 // no commit: rolled back
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_users") == users);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_usermeta") == metas);

    // The metas INSERT fails: the error comes back and the caller's rollback removes the user.
    {
        test::FailingSession failing(*store.session, 2);
        db::Transaction tx(failing);
        BOOST_REQUIRE(tx.started().has_value());
        auto id = create_wordpress_user(failing, store.queries, {"wpw-fail@example.com", "", ""},
                                        HashFormat::kLegacy, kWp67DbVersion, store.random, kNow);
        BOOST_TEST(!id.has_value());
        BOOST_TEST(failing.injected());
    }
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_users") == users);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_usermeta") == metas);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::site
