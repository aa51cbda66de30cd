#include <boost/test/unit_test.hpp>
#include <cartpress/db/migrations.hpp>

#include "db/scratch_store.hpp"

namespace cartpress::db {

BOOST_AUTO_TEST_SUITE(db)
BOOST_AUTO_TEST_SUITE(migrations)

// Applying the migrations again on a live store (the reference rows, our tables already made by
// the fixture, a row in one of them) changes nothing and fails nothing.
BOOST_AUTO_TEST_CASE(reapplying_on_a_live_store_changes_nothing) {
    test::ScratchStore store("cp_migrations", "shop_");
    store.exec(
        "INSERT INTO shop_cartpress_throttle (bucket, window_start, hits) "
        "VALUES ('ip:127.0.0.1', '2026-01-01 00:00:00', 3)");
    const auto checksum = [&] {
        return store.value(
            "CHECKSUM TABLE shop_fct_customers, shop_fct_orders, shop_users, shop_usermeta, "
            "shop_cartpress_throttle");
    };
    const std::string before = checksum();
    auto ran = apply_migrations(*store.session, "shop_");
    BOOST_REQUIRE_MESSAGE(ran.has_value(), (ran ? std::string() : ran.error().message));
    BOOST_TEST(*ran == 6u);  // the six tables of storefront-v1.md §3.2
    BOOST_REQUIRE(apply_migrations(*store.session, "shop_").has_value());
    BOOST_TEST(checksum() == before);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                           "'cp_migrations' AND table_name LIKE 'shop\\_cartpress\\_%'") == "6");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::db
