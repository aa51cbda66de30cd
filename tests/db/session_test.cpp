#include <boost/test/unit_test.hpp>
#include <cartpress/db/transaction.hpp>
#include <limits>
#include <string>
#include <vector>

#include "db/db_world.hpp"
#include "support/store_fixtures.hpp"

namespace cartpress::db {
namespace {
using test::DbWorld;
}

BOOST_AUTO_TEST_SUITE(db)
BOOST_AUTO_TEST_SUITE(session)

BOOST_AUTO_TEST_CASE(four_byte_utf8_round_trip) {
    auto s = DbWorld::get().session();
    BOOST_REQUIRE(
        s->execute("CREATE TABLE IF NOT EXISTS t_utf8 (id INT PRIMARY KEY, v VARCHAR(50)) "
                   "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci")
            .has_value());
    const std::string text = "Zo\xC3\xAB \xC3\x85gren \xE5\xB1\xB1\xE7\x94\xB0 \xF0\x9F\x98\x80";
    BOOST_REQUIRE(
        s->execute("REPLACE INTO t_utf8 VALUES (1, ?)", {std::string_view(text)}).has_value());
    auto rows = s->query("SELECT v, CHAR_LENGTH(v) FROM t_utf8 WHERE id = ?", {std::int64_t{1}});
    BOOST_REQUIRE(rows.has_value());
    BOOST_TEST(rows->size() == 1u);
    BOOST_TEST((*rows)[0].str(0) == text);
    BOOST_TEST((*rows)[0].i64(1) == 14);  // characters, not bytes: the server saw utf8mb4
}

BOOST_AUTO_TEST_CASE(integer_cells_read_as_their_decimal_text) {
    // Every integer width at its limits, signed and unsigned, plus kinds read through
    // Connector/C++'s text conversion (TINYINT(1), YEAR, DECIMAL, DOUBLE): the text the
    // session has always produced. (The binary protocol drops ZEROFILL's padding, and a DOUBLE
    // comes with six decimals: nothing of ours reads either.)
    auto s = DbWorld::get().session();
    BOOST_REQUIRE(s->execute("CREATE TABLE IF NOT EXISTS t_ints (id INT PRIMARY KEY, a TINYINT, "
                             "b TINYINT UNSIGNED, c SMALLINT, d MEDIUMINT UNSIGNED, e INT, "
                             "f INT UNSIGNED, g BIGINT, h BIGINT UNSIGNED, i INT(6) ZEROFILL, "
                             "j TINYINT(1), k YEAR, l DECIMAL(18,2), m DOUBLE)")
                      .has_value());
    BOOST_REQUIRE(s->execute("REPLACE INTO t_ints VALUES (1, -128, 255, -32768, 16777215, "
                             "-2147483648, 4294967295, -9223372036854775808, "
                             "18446744073709551615, 42, 1, 2026, -12.50, 0.5), (2, 127, 0, 32767, "
                             "0, 2147483647, 0, 9223372036854775807, 0, 0, -1, 1999, 0, -3)")
                      .has_value());
    auto rows = s->query(
        "SELECT a, b, c, d, e, f, g, h, i, j, k, l, m, id * 2, NULL + 0 FROM "
        "t_ints ORDER BY id");
    BOOST_REQUIRE(rows.has_value());
    BOOST_REQUIRE(rows->size() == 2u);
    const std::vector<std::string> first = {"-128",
                                            "255",
                                            "-32768",
                                            "16777215",
                                            "-2147483648",
                                            "4294967295",
                                            "-9223372036854775808",
                                            "18446744073709551615",
                                            "42",
                                            "1",
                                            "2026",
                                            "-12.50",
                                            "0.500000",
                                            "2"};
    const std::vector<std::string> second = {
        "127", "0", "32767", "0",    "2147483647", "0",         "9223372036854775807",
        "0",   "0", "-1",    "1999", "0.00",       "-3.000000", "4"};
    for (std::size_t c = 0; c < first.size(); ++c) {
        BOOST_TEST((*rows)[0].str(c) == first[c], "column " << c << ": " << (*rows)[0].str(c));
        BOOST_TEST((*rows)[1].str(c) == second[c], "column " << c << ": " << (*rows)[1].str(c));
    }
    BOOST_TEST((*rows)[0].is_null(14));
    BOOST_TEST((*rows)[0].i64(6) == std::numeric_limits<std::int64_t>::min());
}

BOOST_AUTO_TEST_CASE(null_is_not_empty_string) {
    auto s = DbWorld::get().session();
    auto rows = s->query("SELECT NULL, '', ?", {nullptr});
    BOOST_REQUIRE(rows.has_value());
    BOOST_TEST((*rows)[0].is_null(0));
    BOOST_TEST(!(*rows)[0].is_null(1));
    BOOST_TEST((*rows)[0].is_null(2));
    BOOST_TEST(rows->width() == 3u);
}

BOOST_AUTO_TEST_CASE(statements_are_counted_and_cached) {
    auto s = DbWorld::get().session();
    const auto before = s->statements_run();
    for (int i = 0; i < 3; ++i) {
        BOOST_REQUIRE(s->query("SELECT ?", {std::int64_t{i}}).has_value());
    }
    BOOST_TEST(s->statements_run() - before == 3u);
}

BOOST_AUTO_TEST_CASE(isolation_is_set_once_per_connection_and_restored) {
    auto s = DbWorld::get().session();
    const auto level = [&] {
        auto rows = s->query("SELECT @@SESSION.tx_isolation");
        BOOST_REQUIRE(rows.has_value());
        return (*rows)[0].str(0);
    };
    const std::string server_default = level();
    BOOST_TEST(server_default == "REPEATABLE-READ");
    auto before = s->statements_run();
    BOOST_REQUIRE(s->begin(Isolation::kReadCommitted).has_value());
    BOOST_TEST(s->statements_run() - before == 2u);  // SET SESSION, START TRANSACTION
    BOOST_TEST(level() == "READ-COMMITTED");
    BOOST_REQUIRE(s->commit().has_value());
    before = s->statements_run();
    BOOST_REQUIRE(s->begin(Isolation::kReadCommitted).has_value());
    BOOST_TEST(s->statements_run() - before == 1u);  // the level is already set
    BOOST_REQUIRE(s->commit().has_value());
    BOOST_REQUIRE(s->begin().has_value());  // back to the server's level
    BOOST_TEST(level() == server_default);
    BOOST_REQUIRE(s->commit().has_value());
}

BOOST_AUTO_TEST_CASE(statement_cache_evicts_the_least_recently_used) {
    // Counted on the server (through the text protocol, which prepares nothing itself): what it
    // holds matters, as its cap on prepared statements is shared by every connection.
    const auto global = [](const std::string& name) {
        return std::stoi(test::query_value(
            *DbWorld::get().db, "cp_db",
            "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = '" +
                name + "'"));
    };
    const int held = global("PREPARED_STMT_COUNT");
    auto settings = DbWorld::get().db->connection("cp_db");
    settings.statement_cache_size = 2;
    auto s = Session::create(settings);
    BOOST_REQUIRE(s->query("SELECT 'a'").has_value());  // connects
    const int prepared = global("COM_STMT_PREPARE");
    for (const char* sql :
         {"SELECT 'b'", "SELECT 'a'", "SELECT 'c'", "SELECT 'd'", "SELECT 'c'", "SELECT 'd'"}) {
        BOOST_REQUIRE(s->query(sql).has_value());
    }
    // b new; a hit; c evicts b; d evicts a; c and d hits.
    BOOST_TEST(global("COM_STMT_PREPARE") - prepared == 3);
    BOOST_TEST(global("PREPARED_STMT_COUNT") - held == 2);
    BOOST_REQUIRE(s->query("SELECT 'a'").has_value());  // evicted: prepared again
    BOOST_TEST(global("COM_STMT_PREPARE") - prepared == 4);
    s.reset();
    BOOST_TEST(global("PREPARED_STMT_COUNT") == held);
}

BOOST_AUTO_TEST_CASE(errors_are_classified) {
    auto s = DbWorld::get().session();
    BOOST_REQUIRE(s->execute("CREATE TABLE IF NOT EXISTS t_dup (id INT PRIMARY KEY)").has_value());
    (void)s->execute("DELETE FROM t_dup");
    BOOST_REQUIRE(s->execute("INSERT INTO t_dup VALUES (1)").has_value());
    auto dup = s->execute("INSERT INTO t_dup VALUES (1)");
    BOOST_REQUIRE(!dup);
    BOOST_TEST(static_cast<int>(dup.error().kind) == static_cast<int>(DbError::Kind::kConflict));
    auto bad = s->query("SELECT * FROM no_such_table");
    BOOST_REQUIRE(!bad);
    BOOST_TEST(static_cast<int>(bad.error().kind) == static_cast<int>(DbError::Kind::kInternal));
    BOOST_TEST(!s->broken());  // a bad statement does not break the connection
    BOOST_TEST(s->ping().has_value());
}

BOOST_AUTO_TEST_CASE(unreachable_server_is_connection_lost) {
    ConnectionSettings c;
    c.socket = "/tmp/cp-no-such-dir/mysqld.sock";
    c.user = "root";
    auto s = Session::create(c);
    auto r = s->ping();
    BOOST_REQUIRE(!r);
    BOOST_TEST(static_cast<int>(r.error().kind) ==
               static_cast<int>(DbError::Kind::kConnectionLost));
    BOOST_TEST(s->broken());
}

BOOST_AUTO_TEST_CASE(killed_connection_marks_session_broken) {
    auto s = DbWorld::get().session();
    auto id = s->query("SELECT CONNECTION_ID()");
    BOOST_REQUIRE(id.has_value());
    auto killer = DbWorld::get().session();
    BOOST_REQUIRE(killer->execute("KILL " + (*id)[0].str(0)).has_value());
    auto r = s->query("SELECT 1");
    BOOST_REQUIRE(!r);
    BOOST_TEST(static_cast<int>(r.error().kind) ==
               static_cast<int>(DbError::Kind::kConnectionLost));
    BOOST_TEST(s->broken());
}

BOOST_AUTO_TEST_CASE(transaction_rolls_back_unless_committed) {
    auto s = DbWorld::get().session();
    BOOST_REQUIRE(s->execute("CREATE TABLE IF NOT EXISTS t_tx (id INT PRIMARY KEY) ENGINE=InnoDB")
                      .has_value());
    (void)s->execute("DELETE FROM t_tx");
    {
        Transaction tx(*s);
        BOOST_REQUIRE(tx.started().has_value());
        BOOST_REQUIRE(s->execute("INSERT INTO t_tx VALUES (1)").has_value());
        BOOST_TEST(s->in_transaction());
    }  // no commit
    BOOST_TEST(!s->in_transaction());
    BOOST_TEST(s->query("SELECT id FROM t_tx")->size() == 0u);
    {
        Transaction tx(*s);
        BOOST_REQUIRE(s->execute("INSERT INTO t_tx VALUES (2)").has_value());
        BOOST_REQUIRE(tx.commit().has_value());
    }
    BOOST_TEST(s->query("SELECT id FROM t_tx")->size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::db
