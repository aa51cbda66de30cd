// GET orders/{id}'s graph built from rows the test writes: every key comes from the rows, and
// the number of statements does not grow with the number of items or relations.

#include <boost/test/unit_test.hpp>
#include <cartpress/json/json_writer.hpp>
#include <cartpress/site/site_options_cache.hpp>

#include "db/db_world.hpp"
#include "repositories/order_repository.hpp"
#include "serialization/order_serializer.hpp"
#include "serialization/record_writer.hpp"
#include "support/server_counters.hpp"
#include "support/store_fixtures.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

using test::DbWorld;

constexpr const char* kModel = "'FluentCart\\\\App\\\\Models\\\\Order'";

// Order 100 (EUR subscription, 25 items, one custom) with every relation, and its renewal 101.
void write_fixture(const test::MariaDbInstance& db) {
    std::string sql =
        "INSERT INTO wp_fct_orders (id, status, parent_id, receipt_number, invoice_no, type, mode,"
        " customer_id, payment_method, payment_status, payment_method_title, currency, subtotal,"
        " total_amount, total_paid, uuid, config, created_at, updated_at) VALUES"
        " (100, 'processing', 0, 100, 'INV-100', 'subscription', 'live', 2, 'stripe', 'pending',"
        " 'Stripe', 'EUR', 50000, 52500, 1000, 'uuid-100', '{\"note\":\"x\"}',"
        " '2025-07-01 10:00:00', '2025-07-02 11:00:00'),"
        " (101, 'completed', 100, 101, 'INV-101', 'renewal', 'live', 2, 'stripe', 'paid',"
        " 'Stripe', 'EUR', 2000, 2000, 2000, 'uuid-101', NULL, '2025-08-01 10:00:00',"
        " '2025-08-01 10:00:00');\n";
    for (int i = 1; i <= 25; ++i) {
        const std::string other =
            i == 25 ? "'{\"is_custom\":true,\"payment_type\":\"onetime\"}'" : "'[]'";
        sql +=
            "INSERT INTO wp_fct_order_items (order_id, post_id, post_title, title, object_id,"
            " cart_index, quantity, unit_price, subtotal, line_total, other_info, created_at,"
            " updated_at) VALUES (100, 4, 'Item " +
            std::to_string(i) + "', 'Title " + std::to_string(i) + "', " +
            (i == 25 ? "NULL" : "1") + ", " + std::to_string(i) + ", 1, 2000, 2000, 2000, " +
            other + ", '2025-07-01 10:00:00', '2025-07-01 10:00:00');\n";
    }
    sql +=
        "INSERT INTO wp_fct_label_relationships (label_id, labelable_id, labelable_type, "
        "created_at) VALUES (7, 100, " +
        std::string(kModel) + ", '2025-07-01 10:00:00'), (3, 100, " + kModel +
        ", NULL), (9, 101, " + kModel +
        ", NULL);\n"
        "INSERT INTO wp_fct_applied_coupons (order_id, coupon_id, code, amount, created_at) VALUES"
        " (100, 5, 'SUMMER', 500, '2025-07-01 10:00:00');\n"
        "INSERT INTO wp_fct_order_meta (order_id, meta_key, meta_value) VALUES"
        " (100, 'order_discount', '{\"type\":\"percent\",\"value\":10}'),"
        " (100, 'order_shipping', 'flat'), (100, 'tax_id', 'DE123'),"
        " (100, 'vat_tax_id', 'EU999');\n"
        "INSERT INTO wp_fct_subscriptions (id, uuid, customer_id, parent_order_id, product_id,"
        " item_name, variation_id, billing_interval, recurring_total, status, config, created_at,"
        " updated_at) VALUES (30, 'sub-uuid', 2, 100, 4, 'Monthly box', 1, 'monthly', 2000,"
        " 'active', '{\"is_trial_days_simulated\":\"no\"}', '2025-07-01 10:00:00',"
        " '2025-07-01 10:00:00');\n"
        "INSERT INTO wp_fct_subscription_meta (subscription_id, meta_key, meta_value) VALUES"
        " (30, 'note', 'first');\n"
        "INSERT INTO wp_fct_activity (status, log_type, module_type, module_id, module_name,"
        " user_id, title, content, created_by, created_at, updated_at) VALUES"
        " ('info', 'activity', " +
        kModel +
        ", 100, 'order', 1, 'Older', 'a', 'admin',"
        " '2025-07-01 10:00:00', '2025-07-01 10:00:00'),"
        " ('success', 'activity', " +
        kModel +
        ", 100, 'order', 999, 'Newer', 'b', 'ghost',"
        " '2025-07-03 10:00:00', '2025-07-03 10:00:00');\n"
        "INSERT INTO wp_fct_order_operations (order_id, created_via, cart_hash, meta, created_at,"
        " updated_at) VALUES (100, 'checkout', 'hash-1', '{\"k\":\"v\"}', '2025-07-01 10:00:00',"
        " '2025-07-01 10:00:00');\n";
    db.exec("cp_db", sql);
}

struct GraphFixture {
    GraphFixture()
        : session(DbWorld::get().session()),
          queries("wp_"),
          countries(*Countries::load("/usr/share/iso-codes/json")),
          options(*site::load_site_options(*session, "wp_")) {
        static bool written = false;
        if (!written) {
            write_fixture(*DbWorld::get().db);
            written = true;
        }
    }

    json::Document graph_json(std::int64_t id) {
        auto repo = make_mariadb_order_repository(*session, queries);
        auto g = repo->find_graph(id);
        BOOST_REQUIRE(g.has_value());
        BOOST_REQUIRE(g->has_value());
        const SerializeContext ctx{countries, StoreCurrency::from_settings(""), options};
        return serialize_order_detail(**g, ctx);
    }

    std::unique_ptr<db::Session> session;
    OrderQueries queries;
    Countries countries;
    site::SiteOptions options;
};

std::string encode(const json::Value& v) { return json::encode(v).value(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_FIXTURE_TEST_SUITE(order_graph, GraphFixture)

BOOST_AUTO_TEST_CASE(statement_count_does_not_grow_with_items) {
    auto repo = make_mariadb_order_repository(*session, queries);
    auto before = session->statements_run();
    BOOST_REQUIRE(repo->find_graph(1).has_value());  // 3 items
    const auto small = session->statements_run() - before;
    before = session->statements_run();
    BOOST_REQUIRE(repo->find_graph(100).has_value());  // 25 items and every relation
    const auto large = session->statements_run() - before;
    before = session->statements_run();
    BOOST_REQUIRE(repo->find_graph(101).has_value());  // a renewal: its parent's subscriptions
    const auto renewal = session->statements_run() - before;
    BOOST_TEST(small == 1u);
    // The subscription relations of an order that has some, or a parent, take a second one.
    BOOST_TEST(large == 2u);
    BOOST_TEST(renewal == 2u);
    before = session->statements_run();
    BOOST_REQUIRE(!repo->find_graph(999999)->has_value());
    BOOST_TEST(session->statements_run() - before == 1u);  // a missing order costs one
}

BOOST_AUTO_TEST_CASE(the_graph_costs_the_server_no_temporary_table_on_disk) {
    // Sorting a UNION with TEXT columns needs an on-disk temporary table; the rows are
    // ordered in C++ instead. (The thumbnails' semi-join may materialise a small in-memory
    // table of ids: that one is cheap and allowed.)
    auto repo = make_mariadb_order_repository(*session, queries);
    test::ServerCounters temporary(*session, "Created_tmp_disk_tables");
    BOOST_REQUIRE(repo->find_graph(100).has_value());
    BOOST_REQUIRE(repo->find_graph(1).has_value());
    BOOST_TEST(temporary.since() == 0);
}

BOOST_AUTO_TEST_CASE(an_ordinary_order_does_not_scan_the_orders_table) {
    // fct_orders has no index on parent_id: the children branch must not turn every read
    // into a scan of the whole table. Rows read by scans must not grow with the order count.
    auto& db = *DbWorld::get().db;
    auto repo = make_mariadb_order_repository(*session, queries);
    test::ServerCounters scanned(*session, "Handler_read_rnd_next");
    BOOST_REQUIRE(repo->find_graph(1).has_value());
    const auto before = scanned.since();
    const test::SqlOnExit cleanup(db, "cp_db",
                                  "DELETE FROM wp_fct_orders WHERE invoice_no = 'SCAN'");
    db.exec(
        "cp_db",
        "INSERT INTO wp_fct_orders (status, parent_id, invoice_no, type, customer_id,"
        " payment_method, payment_method_title, currency, uuid,"
        " created_at, updated_at) SELECT 'completed', 0, 'SCAN', 'payment', 1, 'offline_payment',"
        " 'Cash', 'USD',"
        " MD5(seq), NOW(), NOW() FROM seq_1_to_500");
    scanned.reset();
    BOOST_REQUIRE(repo->find_graph(1).has_value());
    BOOST_TEST(scanned.since() - before < 50);
}

BOOST_AUTO_TEST_CASE(every_relation_comes_from_the_rows) {
    const auto d = graph_json(100);
    const auto& o = d["order"];
    BOOST_TEST(std::string(o["currency"].GetString()) == "EUR");
    BOOST_TEST(encode(o["config"]) == R"({"note":"x"})");
    BOOST_TEST(o["order_items"].Size() == 25u);
    BOOST_TEST(o["order_items"][0]["is_custom"].GetBool() == false);
    BOOST_TEST(o["order_items"][24]["is_custom"].GetBool() == true);
    BOOST_TEST(o["order_items"][24]["variants"].IsNull());  // no object_id
    BOOST_TEST(o["order_items"][0]["variants"]["sku"].GetString() == std::string("TSHIRT-S"));
    // Money is formatted in the store currency, as FluentCart does (USD without settings).
    BOOST_TEST(o["order_items"][0]["formatted_total"].GetString() == std::string("&#36;20.00"));
    BOOST_TEST(encode(o["labels"][0]["label_id"]) == "7");
    BOOST_TEST(encode(d["selected_labels"]) == "[7,3]");
    BOOST_TEST(o["applied_coupons"][0]["code"].GetString() == std::string("SUMMER"));
    BOOST_TEST(encode(o["applied_coupons"][0]["amount"]) == R"("500")");
    BOOST_TEST(encode(d["discount_meta"]) == R"({"type":"percent","value":10})");
    BOOST_TEST(encode(d["shipping_meta"]) == R"("flat")");
    BOOST_TEST(encode(d["tax_id"]) == R"("EU999")");       // vat_tax_id wins over tax_id
    BOOST_TEST(d["can_send_payment_reminder"].GetBool());  // pending and 51500 due
    BOOST_TEST(o["subscriptions"].Size() == 1u);
    BOOST_TEST(o["subscriptions"][0]["item_name"].GetString() == std::string("Monthly box"));
    BOOST_TEST(encode(o["subscriptions"][0]["config"]) == R"({"is_trial_days_simulated":"no"})");
    BOOST_TEST(o["subscriptions"][0]["meta"][0]["meta_key"].GetString() == std::string("note"));
    BOOST_TEST(o["parent_order"].IsNull());
    BOOST_TEST(encode(o["children"]) ==
               R"([{"id":101,"parent_id":"100","created_at":"2025-08-01T10:00:00+00:00"}])");
    // Newest activity first; a deleted user is null.
    BOOST_TEST(o["activities"][0]["title"].GetString() == std::string("Newer"));
    BOOST_TEST(o["activities"][0]["user"].IsNull());
    BOOST_TEST(encode(o["activities"][1]["user"]) ==
               R"({"ID":1,"display_name":"admin","user_email":"admin@example.com"})");
    BOOST_TEST(o["order_operation"]["cart_hash"].GetString() == std::string("hash-1"));
    BOOST_TEST(encode(o["order_operation"]["meta"]) == R"({"k":"v"})");
    BOOST_TEST(o["customer"]["email"].GetString() == std::string("bob@example.com"));
    BOOST_TEST(
        o["custom_checkout_url"].GetString() ==
        std::string("http://127.0.0.1:8081/?fluent-cart=custom_checkout&order_hash=uuid-100"));
    BOOST_TEST(o["receipt_url"].GetString() == std::string("/?order_hash=uuid-100"));
    // With a published receipt page, its permalink (spec §5.2).
    options.fluent_cart_receipt_page_url = "https://shop.example/receipt/";
    BOOST_TEST(graph_json(100)["order"]["receipt_url"].GetString() ==
               std::string("https://shop.example/receipt/?order_hash=uuid-100"));
    options.fluent_cart_receipt_page_url = "https://shop.example/?page_id=7";
    BOOST_TEST(graph_json(100)["order"]["receipt_url"].GetString() ==
               std::string("https://shop.example/?page_id=7&order_hash=uuid-100"));
    options.fluent_cart_receipt_page_url.clear();
}

BOOST_AUTO_TEST_CASE(every_cell_arrives_byte_for_byte) {
    // The graph's rows travel as JSON arrays (db::expand_json_array_rows): text with quotes,
    // backslashes, control characters and 4-byte UTF-8, a DECIMAL's scale, a zero date, and a
    // JSON column's stored text (spacing, number forms, even a bare JSON string) must come out
    // exactly as stored.
    auto& db = *DbWorld::get().db;
    const test::SqlOnExit cleanup(db, "cp_db",
                                  "DELETE FROM wp_fct_orders WHERE id = 102; "
                                  "DELETE FROM wp_fct_customers WHERE id = 50; "
                                  "DELETE FROM wp_fct_order_transactions WHERE order_id = 102");
    const std::string note =
        "say \"hi\" \\ back\\slash\nline\ttab \xF0\x9F\x9B\x92 Zo\xC3\xAB \xE5\xB1\xB1\xE7\x94\xB0";
    // As a SQL literal: backslashes and quotes escaped, the rest as is.
    std::string note_sql = "'";
    for (char ch : note) {
        if (ch == '\\' || ch == '\'') note_sql += '\\';
        note_sql += ch;
    }
    note_sql += "'";
    db.exec("cp_db",
            "SET NAMES utf8mb4;\n"
            "INSERT INTO wp_fct_customers (id, email, first_name, last_name, notes,"
            " purchase_value, created_at, updated_at) VALUES (50, 'odd@example.com',"
            " 'Zo\xC3\xAB', '\xE5\xB1\xB1\xE7\x94\xB0', 'a \\\\ b', '{ \"EUR\" : 12.50 }', NOW(),"
            " NOW());\n"
            "INSERT INTO wp_fct_orders (id, status, parent_id, type, customer_id, payment_method,"
            " payment_method_title, currency, rate, note, uuid, config, completed_at, created_at,"
            " updated_at) VALUES (102, 'on-hold', 0, 'payment', 50, 'offline_payment', 'Cash',"
            " 'EUR', 1.2500, " +
                note_sql +
                ", 'uuid-102', '{ \"a\" : 1.50 ,\"u\":\"\\\\u00e9\" }', '0000-00-00 00:00:00',"
                " '2025-09-01 10:00:00', '2025-09-01 10:00:00');\n"
                "INSERT INTO wp_fct_order_transactions (order_id, order_type, transaction_type,"
                " payment_method, status, currency, total, uuid, meta, created_at, updated_at)"
                " VALUES (102, 'payment', 'charge', 'offline_payment', 'pending', 'EUR', 10,"
                " 'tx-102', '\"just text\"', NOW(), NOW());\n");
    auto repo = make_mariadb_order_repository(*session, queries);
    auto g = repo->find_graph(102);
    BOOST_REQUIRE(g.has_value());
    BOOST_REQUIRE(g->has_value());
    const auto& o = (*g)->order;
    BOOST_TEST(*field(kOrderColumns, o, "note") == note);
    BOOST_TEST(*field(kOrderColumns, o, "rate") == "1.2500");
    BOOST_TEST(*field(kOrderColumns, o, "completed_at") == "0000-00-00 00:00:00");
    BOOST_TEST(*field(kOrderColumns, o, "config") == R"({ "a" : 1.50 ,"u":"\u00e9" })");
    BOOST_TEST(!field(kOrderColumns, o, "refunded_at").has_value());
    BOOST_REQUIRE((*g)->customer.has_value());
    const auto& c = (*g)->customer->customer;
    BOOST_TEST(*field(kCustomerColumns, c, "first_name") == "Zo\xC3\xAB");
    BOOST_TEST(*field(kCustomerColumns, c, "last_name") == "\xE5\xB1\xB1\xE7\x94\xB0");
    BOOST_TEST(*field(kCustomerColumns, c, "notes") == "a \\ b");
    BOOST_TEST(*field(kCustomerColumns, c, "purchase_value") == R"({ "EUR" : 12.50 })");
    BOOST_REQUIRE((*g)->transactions.size() == 1u);
    BOOST_TEST(*field(kTransactionColumns, (*g)->transactions[0], "meta") == R"("just text")");
}

BOOST_AUTO_TEST_CASE(renewal_shows_its_parent_and_the_parents_subscriptions) {
    const auto d = graph_json(101);
    const auto& o = d["order"];
    BOOST_TEST(o["parent_order"]["id"].GetInt64() == 100);
    BOOST_TEST(o["parent_order"]["subscriptions"].Size() == 1u);
    BOOST_TEST(o["subscriptions"].Size() == 1u);  // none of its own: the parent's
    BOOST_TEST(o["subscriptions"][0]["id"].GetInt64() == 30);
    BOOST_TEST(encode(o["config"]) == "[]");
    BOOST_TEST(encode(d["selected_labels"]) == "[9]");
    BOOST_TEST(encode(d["discount_meta"]) == R"("")");
    BOOST_TEST(!d["can_send_payment_reminder"].GetBool());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::plugins::fluent_cart
