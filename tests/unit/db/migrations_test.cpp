#include <boost/test/unit_test.hpp>
#include <cartpress/db/migrations.hpp>

using namespace cartpress;

BOOST_AUTO_TEST_SUITE(db_migrations)

BOOST_AUTO_TEST_CASE(statements_are_split_at_line_ending_semicolons_with_the_prefix) {
    const auto s = db::migration_statements(
        "-- comment; with a semicolon;\n"
        "CREATE TABLE IF NOT EXISTS `{prefix}a` (\n  `x` int -- trailing; not an end\n);\n"
        "\n   -- indented comment\n"
        "CREATE TABLE `{prefix}b{prefix}` (`y` int);\n",
        "shop_");
    BOOST_REQUIRE_EQUAL(s.size(), 2u);
    BOOST_TEST(s[0] ==
               "CREATE TABLE IF NOT EXISTS `shop_a` (\n  `x` int -- trailing; not an end\n)");
    BOOST_TEST(s[1] == "CREATE TABLE `shop_bshop_` (`y` int)");
}

BOOST_AUTO_TEST_CASE(every_migration_only_creates_cartpress_tables_when_missing) {
    BOOST_REQUIRE(!db::migrations().empty());
    for (const auto& m : db::migrations()) {
        const auto statements = db::migration_statements(m.sql, "wp_");
        BOOST_TEST(!statements.empty(), m.name);
        for (const auto& st : statements) {
            // Idempotent and limited to our own tables: safe on a live FluentCart database.
            BOOST_TEST(st.rfind("CREATE TABLE IF NOT EXISTS `wp_cartpress_", 0) == 0u, st);
            BOOST_TEST(st.find("{prefix}") == std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
