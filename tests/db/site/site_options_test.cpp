#include <boost/test/unit_test.hpp>
#include <cartpress/site/page_permalink.hpp>
#include <cartpress/site/site_options_cache.hpp>

#include "db/db_world.hpp"
#include "support/fake_clock.hpp"
#include "support/store_fixtures.hpp"

namespace cartpress::site {

BOOST_AUTO_TEST_SUITE(site)
BOOST_AUTO_TEST_SUITE(site_options)

BOOST_AUTO_TEST_CASE(reads_the_reference_store) {
    auto s = test::DbWorld::get().session();
    auto o = load_site_options(*s, "wp_");
    BOOST_REQUIRE(o.has_value());
    BOOST_TEST(o->siteurl == "http://127.0.0.1:8081");
    BOOST_TEST(o->blogname == "FluentCart Peer");
    BOOST_TEST(o->permalink_structure == "/%postname%/");
    BOOST_TEST(o->db_version == 60717);
    BOOST_TEST(o->using_application_passwords);
    BOOST_TEST(o->roles.count("administrator") == 1u);
    BOOST_TEST(o->roles.at("administrator").capabilities.at("manage_options"));
    BOOST_TEST(o->roles.at("subscriber").capabilities.count("manage_options") == 0u);
    BOOST_TEST(o->rest_root("wp-json") == "http://127.0.0.1:8081/wp-json/");
}

BOOST_AUTO_TEST_CASE(avatar_and_store_settings_options_are_read) {
    auto& db = *test::DbWorld::get().db;
    const test::SqlOnExit restore(
        db, "cp_db",
        "DELETE FROM wp_options WHERE option_name = 'fluent_cart_store_settings';"
        "UPDATE wp_options SET option_value = 'mystery' WHERE option_name = "
        "'avatar_default'");
    db.exec("cp_db",
            "INSERT INTO wp_options (option_name, option_value, autoload) VALUES "
            "('fluent_cart_store_settings', 'a:1:{s:8:\"currency\";s:3:\"EUR\";}', 'on');"
            "UPDATE wp_options SET option_value = 'identicon' WHERE option_name = "
            "'avatar_default'");
    auto s = test::DbWorld::get().session();
    auto o = load_site_options(*s, "wp_");
    BOOST_REQUIRE(o.has_value());
    BOOST_TEST(o->avatar_default == "identicon");
    BOOST_TEST(o->avatar_rating == "G");
    BOOST_TEST(o->fluent_cart_store_settings == "a:1:{s:8:\"currency\";s:3:\"EUR\";}");
}

BOOST_AUTO_TEST_CASE(receipt_page_permalink_follows_the_page_and_its_parents) {
    auto& db = *test::DbWorld::get().db;
    const test::SqlOnExit restore(
        db, "cp_db",
        "DELETE FROM wp_options WHERE option_name = 'fluent_cart_store_settings';"
        "DELETE FROM wp_posts WHERE ID IN (9001, 9002, 9003)");
    db.exec("cp_db",
            "INSERT INTO wp_posts (ID, post_content, post_title, post_excerpt, post_status, "
            "post_name, to_ping, pinged, post_content_filtered, post_parent, post_type) VALUES "
            "(9001, '', 'Shop', '', 'publish', 'shop', '', '', '', 0, 'page'),"
            "(9002, '', 'Receipt', '', 'publish', 'receipt', '', '', '', 9001, 'page'),"
            "(9003, '', 'Draft', '', 'draft', 'draft-receipt', '', '', '', 0, 'page');"
            "INSERT INTO wp_options (option_name, option_value, autoload) VALUES "
            "('fluent_cart_store_settings', 'a:1:{s:15:\"receipt_page_id\";s:4:\"9002\";}', "
            "'on')");
    auto s = test::DbWorld::get().session();
    auto o = load_site_options(*s, "wp_");
    BOOST_REQUIRE(o.has_value());
    BOOST_TEST(o->fluent_cart_receipt_page_url == "http://127.0.0.1:8081/shop/receipt/");
    // Without pretty permalinks, and a page that is not published.
    SiteOptions plain = *o;
    plain.permalink_structure.clear();
    BOOST_TEST(*published_page_permalink(*s, "wp_", plain, 9002) ==
               "http://127.0.0.1:8081/?page_id=9002");
    BOOST_TEST(published_page_permalink(*s, "wp_", *o, 9003)->empty());
    BOOST_TEST(published_page_permalink(*s, "wp_", *o, 424242)->empty());
}

BOOST_AUTO_TEST_CASE(cache_serves_until_ttl_then_reloads) {
    auto s = test::DbWorld::get().session();
    test::FakeClock clock;
    SiteOptionsCache cache("wp_", std::chrono::seconds(30), {});
    auto first = cache.get(*s, clock);
    const auto statements = s->statements_run();
    BOOST_TEST(cache.get(*s, clock) == first);
    BOOST_TEST(s->statements_run() == statements);
    clock.advance(30);
    auto reloaded = cache.get(*s, clock);
    BOOST_TEST(s->statements_run() == statements + 1);
    BOOST_TEST(reloaded->siteurl == first->siteurl);
}

BOOST_AUTO_TEST_CASE(overrides_and_unreachable_database) {
    test::FakeClock clock;
    SiteOptionsCache cache("wp_", std::chrono::seconds(30),
                           OptionOverrides{.home = "https://shop.example", .siteurl = {}});
    auto s = test::DbWorld::get().session();
    BOOST_TEST(cache.get(*s, clock)->home == "https://shop.example");
    db::ConnectionSettings nowhere;
    nowhere.socket = "/tmp/cp-no-such-dir/x.sock";
    auto dead = db::Session::create(nowhere);
    SiteOptionsCache cold("wp_", std::chrono::seconds(30), {});
    auto defaults = cold.get(*dead, clock);
    BOOST_TEST(!defaults->loaded);
    // A reload that fails keeps the last good copy.
    clock.advance(31);
    BOOST_TEST(cache.get(*dead, clock)->loaded);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::site
