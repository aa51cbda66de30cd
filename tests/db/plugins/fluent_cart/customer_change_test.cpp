// Customer changes (fluent-cart-v2.md §6, §7, §9) against a real MariaDB: the rows each change
// writes, the statistics recount, the connected orders, the statements per change, and
// atomicity: a failure injected at any write leaves every row as it was.

#include <boost/test/unit_test.hpp>
#include <cartpress/core/random.hpp>
#include <cartpress/site/email_identity.hpp>
#include <cartpress/site/wordpress_user_writer.hpp>
#include <memory>
#include <string>

#include "db/db_world.hpp"
#include "db/scratch_store.hpp"
#include "repositories/customer_change_repository.hpp"
#include "support/failing_session.hpp"
#include "support/store_fixtures.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

using test::DbWorld;

constexpr const char* kDatabase = "cp_change";
constexpr std::int64_t kNow = 1800000000;  // 2027-01-15 08:00:00 UTC
constexpr const char* kNowText = "2027-01-15 08:00:00";
const Actor kAdmin{1, "admin"};

// The tables a customer change may write.
constexpr const char* kChecksum =
    "CHECKSUM TABLE wp_fct_customers, wp_fct_customer_addresses, wp_fct_customer_meta, "
    "wp_fct_orders, wp_fct_subscriptions, wp_fct_activity";

// A fresh reference store per test case: these tests write.
struct Store : test::ScratchStore {
    Store() : ScratchStore(kDatabase), queries("wp_") {}

    std::string checksum() const { return value(kChecksum); }

    std::unique_ptr<CustomerChangeRepository> repository(db::Session& s) const {
        return make_mariadb_customer_change_repository(s, queries);
    }
    OrderSnapshot snapshot(std::int64_t order_id) {
        auto lookup = repository(*session)->lookup_change(order_id, 1, 1);
        BOOST_REQUIRE(lookup.has_value());
        BOOST_REQUIRE(lookup->order.has_value());
        return *lookup->order;
    }
    // Sets every customer's statistics to what §9.4 computes, so any later difference is the
    // change's doing (the seed has FluentCart's bulk figures instead).
    void normalise_statistics() const {
        exec(
            "UPDATE wp_fct_customers c LEFT JOIN (SELECT customer_id, COUNT(*) n, "
            "SUM(GREATEST(total_paid - total_refund, 0)) ltv, MIN(created_at) f, MAX(created_at) l "
            "FROM wp_fct_orders WHERE payment_status IN ('paid','partially_refunded',"
            "'partially_paid') GROUP BY customer_id) s ON s.customer_id = c.id SET "
            "c.purchase_count = COALESCE(s.n, 0), c.ltv = COALESCE(s.ltv, 0), c.aov = IF(s.n IS "
            "NULL, 0, ROUND(s.ltv / s.n, 2)), c.first_purchase_date = s.f, c.last_purchase_date = "
            "s.l, c.updated_at = '2026-01-01 00:00:00'");
    }

    CustomerChangeQueries queries;
};

NewCustomer pat(std::string email = "Pat@Example.com") {
    NewCustomer c;
    c.email = std::move(email);
    c.first_name = "Pat";
    c.last_name = "Smith";
    c.aov = "0.00";
    c.uuid = "0123456789abcdef0123456789abcdef";
    return c;
}

// Orders for the connected-order cases: 20 subscription of Bob (2) with renewals 21 and 22,
// and 23 an unrelated order of Bob. Subscription 40 hangs on 20, 41 on 21.
void add_subscription_family(const Store& s) {
    s.exec(
        "INSERT INTO wp_fct_orders (id, status, parent_id, type, customer_id, payment_method, "
        "payment_status, payment_method_title, currency, total_amount, total_paid, uuid, "
        "created_at, updated_at) VALUES "
        "(20, 'completed', 0, 'subscription', 2, 'stripe', 'paid', 'Stripe', 'USD', 1000, 1000, "
        "'u20', '2025-07-01 10:00:00', '2025-07-01 10:00:00'), "
        "(21, 'completed', 20, 'renewal', 2, 'stripe', 'paid', 'Stripe', 'USD', 1000, 1000, "
        "'u21', '2025-08-01 10:00:00', '2025-08-01 10:00:00'), "
        "(22, 'completed', 20, 'renewal', 2, 'stripe', 'paid', 'Stripe', 'USD', 1000, 1000, "
        "'u22', '2025-09-01 10:00:00', '2025-09-01 10:00:00'), "
        "(23, 'completed', 0, 'payment', 2, 'stripe', 'paid', 'Stripe', 'USD', 1000, 1000, "
        "'u23', '2025-10-01 10:00:00', '2025-10-01 10:00:00');\n"
        "INSERT INTO wp_fct_subscriptions (id, uuid, customer_id, parent_order_id, product_id, "
        "item_name, variation_id, status, created_at, updated_at) VALUES "
        "(40, 's40', 2, 20, 4, 'Box', 1, 'active', '2025-07-01 10:00:00', '2025-07-01 10:00:00'), "
        "(41, 's41', 2, 21, 4, 'Box', 1, 'active', '2025-08-01 10:00:00', '2025-08-01 10:00:00');");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_AUTO_TEST_SUITE(customer_change)

BOOST_AUTO_TEST_CASE(change_moves_order_subscriptions_addresses_and_meta) {
    Store s;
    s.exec(
        "INSERT INTO wp_fct_customer_meta (customer_id, meta_key, meta_value, created_at, "
        "updated_at) VALUES (1, 'shoe_size', '42', NULL, NULL), (1, 'vip', 'yes', NULL, NULL), "
        "(2, 'other', 'x', NULL, NULL);\n"
        "INSERT INTO wp_fct_subscriptions (id, uuid, customer_id, parent_order_id, product_id, "
        "item_name, variation_id, status) VALUES (50, 's50', 1, 1, 4, 'Box', 1, 'active');");
    const auto before = s.session->statements_run();
    auto r = s.repository(*s.session)->change_customer(s.snapshot(1), 3, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(ChangeOutcome::kChanged));
    // SET SESSION (this connection's first READ COMMITTED transaction), BEGIN, lock customers,
    // move, recount read and write, activity, COMMIT
    // (+ the lookup).
    BOOST_TEST(s.session->statements_run() - before == 9u);

    BOOST_TEST(s.value("SELECT CONCAT(customer_id, ' ', updated_at) FROM wp_fct_orders WHERE "
                       "id = 1") == std::string("3 ") + kNowText);
    BOOST_TEST(s.value("SELECT customer_id FROM wp_fct_orders WHERE id = 2") == "1");
    // Every address and meta row of the old customer moves (FluentCart behaviour, kept).
    BOOST_TEST(s.value("SELECT GROUP_CONCAT(id, ':', customer_id, ':', updated_at ORDER BY id) "
                       "FROM wp_fct_customer_addresses WHERE id IN (1, 2)") ==
               std::string("1:3:") + kNowText + ",2:3:" + kNowText);
    BOOST_TEST(s.value("SELECT GROUP_CONCAT(meta_key, ':', customer_id ORDER BY id) FROM "
                       "wp_fct_customer_meta") == "shoe_size:3,vip:3,other:2");
    BOOST_TEST(s.value("SELECT CONCAT(customer_id, ' ', updated_at) FROM wp_fct_subscriptions "
                       "WHERE id = 50") == std::string("3 ") + kNowText);
    // Untouched: the order's own addresses.
    BOOST_TEST(s.value("SELECT COUNT(*) FROM wp_fct_order_addresses WHERE updated_at = '" +
                       std::string(kNowText) + "'") == "0");
    // §9.5
    BOOST_TEST(s.value("SELECT CONCAT_WS('|', status, log_type, module_type, module_id, "
                       "module_name, user_id, title, content, read_status, created_by, created_at, "
                       "updated_at) FROM wp_fct_activity") ==
               std::string("success|activity|FluentCart\\App\\Models\\Order|1|order|1|Customer "
                           "changed|Customer changed from Alice Anderson to Carol Clark|unread|"
                           "admin|") +
                   kNowText + "|" + kNowText);
}

BOOST_AUTO_TEST_CASE(renewal_moves_its_parent_and_all_the_parents_children) {
    Store s;
    add_subscription_family(s);
    auto r = s.repository(*s.session)->change_customer(s.snapshot(21), 4, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(ChangeOutcome::kChanged));
    BOOST_TEST(s.value("SELECT GROUP_CONCAT(id, ':', customer_id ORDER BY id) FROM wp_fct_orders "
                       "WHERE id >= 20") == "20:4,21:4,22:4,23:2");
    BOOST_TEST(s.value("SELECT GROUP_CONCAT(id, ':', customer_id ORDER BY id) FROM "
                       "wp_fct_subscriptions") == "40:4,41:4");
    // Only the route order gets the activity row.
    BOOST_TEST(s.value("SELECT GROUP_CONCAT(module_id) FROM wp_fct_activity") == "21");
}

BOOST_AUTO_TEST_CASE(subscription_moves_its_children) {
    Store s;
    add_subscription_family(s);
    s.exec("UPDATE wp_fct_orders SET parent_id = 0 WHERE id = 22");  // no longer a child
    auto r = s.repository(*s.session)->change_customer(s.snapshot(20), 4, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(s.value("SELECT GROUP_CONCAT(id, ':', customer_id ORDER BY id) FROM wp_fct_orders "
                       "WHERE id >= 20") == "20:4,21:4,22:2,23:2");
    BOOST_TEST(s.value("SELECT GROUP_CONCAT(id, ':', customer_id ORDER BY id) FROM "
                       "wp_fct_subscriptions") == "40:4,41:4");
}

BOOST_AUTO_TEST_CASE(renewal_without_parent_and_payment_orders_move_alone) {
    Store s;
    add_subscription_family(s);
    s.exec("UPDATE wp_fct_orders SET parent_id = 0 WHERE id = 22");
    auto r = s.repository(*s.session)->change_customer(s.snapshot(22), 4, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    r = s.repository(*s.session)->change_customer(s.snapshot(23), 3, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(s.value("SELECT GROUP_CONCAT(id, ':', customer_id ORDER BY id) FROM wp_fct_orders "
                       "WHERE id >= 20") == "20:2,21:2,22:4,23:3");
}

BOOST_AUTO_TEST_CASE(recount_counts_paid_partially_refunded_and_partially_paid) {
    Store s;
    // Customer 3 (Carol) gets orders of every kind; order 4 (pending) is hers already.
    s.exec(
        "INSERT INTO wp_fct_orders (id, type, mode, customer_id, payment_method, payment_status, "
        "payment_method_title, currency, total_amount, total_paid, total_refund, uuid, "
        "created_at) VALUES "
        "(30, 'payment', 'live', 3, 'x', 'paid', 'X', 'USD', 1000, 1000, 0, 'a', "
        "'2025-02-01 00:00:00'), "
        "(31, 'payment', 'test', 3, 'x', 'partially_refunded', 'X', 'USD', 1000, 1000, 333, 'b', "
        "'2025-01-15 00:00:00'), "
        "(32, 'payment', 'live', 3, 'x', 'partially_paid', 'X', 'USD', 1000, 1, 0, 'c', "
        "'2025-06-30 23:59:59'), "
        "(33, 'payment', 'live', 3, 'x', 'refunded', 'X', 'USD', 1000, 1000, 1000, 'd', "
        "'2024-01-01 00:00:00'), "
        "(34, 'payment', 'live', 3, 'x', 'paid', 'X', 'USD', 1000, 10, 50, 'e', "
        "'2025-03-01 00:00:00'), "
        "(35, 'payment', 'live', 3, 'x', 'failed', 'X', 'USD', 1000, 0, 0, 'f', "
        "'2026-01-01 00:00:00');");
    // Move Dave's paid order 5 (7598, 2025-06-02 08:05) to Carol.
    auto r = s.repository(*s.session)->change_customer(s.snapshot(5), 3, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    // 5 qualifying orders (30, 31, 32, 34 and 5); ltv = 1000 + 667 + 1 + max(0, -40) + 7598 =
    // 9266; aov = 1853.2; dates from the qualifying orders only.
    BOOST_TEST(s.value("SELECT CONCAT_WS('|', purchase_count, ltv, aov, first_purchase_date, "
                       "last_purchase_date, updated_at, purchase_value) FROM wp_fct_customers "
                       "WHERE id = 3") == std::string("5|9266|1853.20|2025-01-15 00:00:00|"
                                                      "2025-06-30 23:59:59|") +
                                              kNowText + "|[]");
    // Dave has nothing left: zero dates (they were set), aov 0.
    BOOST_TEST(s.value("SELECT CONCAT_WS('|', purchase_count, ltv, aov, first_purchase_date, "
                       "last_purchase_date) FROM wp_fct_customers WHERE id = 4") ==
               "0|0|0.00|0000-00-00 00:00:00|0000-00-00 00:00:00");
}

BOOST_AUTO_TEST_CASE(aov_rounds_half_up_and_null_dates_stay_null) {
    Store s;
    // Bob: ltv 1 over 8 paid orders → 0.125 → 0.13 (half up); 2 over 3 → 0.67.
    s.exec("DELETE FROM wp_fct_orders WHERE customer_id = 2");
    std::string values;
    for (int i = 0; i < 8; ++i) {
        values += std::string(i ? ", " : "") + "(" + std::to_string(40 + i) +
                  ", 2, 'x', 'paid', 'X', 'USD', " + (i == 0 ? "1" : "0") + ", 'o" +
                  std::to_string(i) + "', '2025-05-0" + std::to_string(i + 1) + " 00:00:00')";
    }
    s.exec(
        "INSERT INTO wp_fct_orders (id, customer_id, payment_method, payment_status, "
        "payment_method_title, currency, total_paid, uuid, created_at) VALUES " +
        values);
    // Carol's dates are NULL and she keeps no qualifying order: they stay NULL.
    s.exec(
        "UPDATE wp_fct_customers SET first_purchase_date = NULL, last_purchase_date = NULL "
        "WHERE id = 3");
    // Move Carol's pending order 4 to Bob: Bob's statistics are recounted from his 8 orders.
    auto r = s.repository(*s.session)->change_customer(s.snapshot(4), 2, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(s.value("SELECT CONCAT_WS('|', purchase_count, ltv, aov, first_purchase_date, "
                       "last_purchase_date) FROM wp_fct_customers WHERE id = 2") ==
               "8|1|0.13|2025-05-01 00:00:00|2025-05-08 00:00:00");
    BOOST_TEST(s.value("SELECT CONCAT_WS('|', purchase_count, ltv, aov, "
                       "IFNULL(first_purchase_date, 'NULL'), IFNULL(last_purchase_date, 'NULL')) "
                       "FROM wp_fct_customers WHERE id = 3") == "0|0|0.00|NULL|NULL");
    // 2 over 3 → 0.666… → 0.67.
    s.exec("UPDATE wp_fct_orders SET total_paid = 2, payment_status = 'paid' WHERE id = 40");
    s.exec("UPDATE wp_fct_orders SET payment_status = 'pending' WHERE id BETWEEN 43 AND 47");
    r = s.repository(*s.session)->change_customer(s.snapshot(4), 3, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(s.value("SELECT CONCAT_WS('|', purchase_count, ltv, aov) FROM wp_fct_customers "
                       "WHERE id = 2") == "3|2|0.67");
}

BOOST_AUTO_TEST_CASE(recount_writes_nothing_when_the_statistics_are_unchanged) {
    Store s;
    s.normalise_statistics();
    // Order 4 is pending: moving it changes neither customer's statistics.
    auto r = s.repository(*s.session)->change_customer(s.snapshot(4), 4, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(s.value("SELECT GROUP_CONCAT(id, ':', updated_at ORDER BY id) FROM "
                       "wp_fct_customers WHERE id IN (3, 4)") ==
               "3:2026-01-01 00:00:00,4:2026-01-01 00:00:00");
    // Moving paid order 5 back to Carol changes both.
    r = s.repository(*s.session)->change_customer(s.snapshot(5), 3, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(s.value("SELECT GROUP_CONCAT(id, ':', updated_at ORDER BY id) FROM "
                       "wp_fct_customers WHERE id IN (3, 4)") ==
               std::string("3:") + kNowText + ",4:" + kNowText);
}

BOOST_AUTO_TEST_CASE(create_and_change_inserts_the_row_of_9_2) {
    Store s;
    s.normalise_statistics();
    NewCustomer c = pat("Subscriber1@Example.com");  // a WordPress user has this email
    c.status = "archived";
    c.city = "Rome";
    c.country = "IT";
    c.notes = "note";
    const auto before = s.session->statements_run();
    auto r = s.repository(*s.session)->create_and_change(s.snapshot(1), c, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(ChangeOutcome::kChanged));
    BOOST_TEST(r->new_customer_id == 5);
    // GET_LOCK, SET SESSION (first READ COMMITTED transaction of the connection), BEGIN, insert,
    // lock old customer, move, recount read and
    // write, activity, COMMIT, RELEASE_LOCK (+ the lookup).
    BOOST_TEST(s.session->statements_run() - before == 12u);
    BOOST_TEST(s.value("SELECT CONCAT_WS('|', id, user_id, contact_id, email, first_name, "
                       "last_name, status, purchase_value, purchase_count, ltv, "
                       "first_purchase_date, last_purchase_date, aov, notes, uuid, country, city, "
                       "state, postcode, created_at, updated_at) FROM wp_fct_customers WHERE id "
                       "= 5") ==
               std::string("5|2|0|Subscriber1@Example.com|Pat|Smith|archived|[]|1|5748|"
                           "2025-03-01 09:15:00|2025-03-01 09:15:00|5748.00|note|"
                           "0123456789abcdef0123456789abcdef|IT|Rome|||") +
                   kNowText + "|" + kNowText);
    BOOST_TEST(s.value("SELECT customer_id FROM wp_fct_orders WHERE id = 1") == "5");
    BOOST_TEST(s.value("SELECT GROUP_CONCAT(customer_id) FROM wp_fct_customer_addresses WHERE "
                       "id IN (1, 2)") == "5,5");
    BOOST_TEST(s.value("SELECT content FROM wp_fct_activity") ==
               "Customer changed from Alice Anderson to Pat Smith");
    BOOST_TEST(s.value("SELECT CONCAT_WS('|', purchase_count, ltv, aov) FROM wp_fct_customers "
                       "WHERE id = 1") == "1|2900|2900.00");
    BOOST_TEST(s.value("SELECT IS_FREE_LOCK('" + site::email_lock_name("subscriber1@example.com") +
                       "')") == "1");
}

// wp_user: "yes" (spec §9.3): a WordPress user is created in the same transaction and linked.
BOOST_AUTO_TEST_CASE(create_and_change_with_wp_user_creates_and_links_a_wordpress_user) {
    Store s;
    const site::WordPressUserQueries users("wp_");
    core::SecureRandom random;
    const WordPressUserCreation creation{users, config::HashFormat::kLegacy, 60717, random};
    NewCustomer c = pat("New.Person@Example.com");
    c.wp_user = true;
    auto r = make_mariadb_customer_change_repository(*s.session, s.queries, &creation)
                 ->create_and_change(s.snapshot(1), c, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(ChangeOutcome::kChanged));
    const std::string user_id =
        s.value("SELECT ID FROM wp_users WHERE user_email = 'New.Person@Example.com'");
    BOOST_TEST(!user_id.empty());
    BOOST_TEST(s.value("SELECT user_login FROM wp_users WHERE ID = " + user_id) == "newperson");
    BOOST_TEST(s.value("SELECT LEFT(user_pass, 4) FROM wp_users WHERE ID = " + user_id) == "$P$B");
    BOOST_TEST(s.value("SELECT user_id FROM wp_fct_customers WHERE id = " +
                       std::to_string(r->new_customer_id)) == user_id);
    BOOST_TEST(s.value("SELECT meta_value FROM wp_usermeta WHERE meta_key = 'wp_capabilities' "
                       "AND user_id = " +
                       user_id) == R"(a:1:{s:10:"subscriber";b:1;})");

    // An email that already belongs to a user: linked, no second user.
    const auto users_before = s.value("SELECT COUNT(*) FROM wp_users");
    NewCustomer existing = pat("subscriber1@example.com");
    existing.wp_user = true;
    r = make_mariadb_customer_change_repository(*s.session, s.queries, &creation)
            ->create_and_change(s.snapshot(2), existing, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(ChangeOutcome::kChanged));
    BOOST_TEST(s.value("SELECT COUNT(*) FROM wp_users") == users_before);
    BOOST_TEST(s.value("SELECT user_id FROM wp_fct_customers WHERE id = " +
                       std::to_string(r->new_customer_id)) == "2");
}

BOOST_AUTO_TEST_CASE(a_failed_wordpress_user_creation_changes_nothing) {
    Store s;
    const site::WordPressUserQueries users("wp_");
    core::SecureRandom random;
    const WordPressUserCreation creation{users, config::HashFormat::kLegacy, 60717, random};
    const auto before = s.checksum();
    const auto users_before = s.value("CHECKSUM TABLE wp_users, wp_usermeta");
    NewCustomer c = pat("Failing.User@Example.com");
    c.wp_user = true;
    for (int write = 1; write <= 2; ++write) {  // the users row, then its meta rows
        test::FailingSession failing(*s.session, write);
        auto r = make_mariadb_customer_change_repository(failing, s.queries, &creation)
                     ->create_and_change(s.snapshot(1), c, kAdmin, kNow);
        BOOST_REQUIRE(r.has_value());
        BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(ChangeOutcome::kUserFailed));
        BOOST_TEST(s.checksum() == before);
        BOOST_TEST(s.value("CHECKSUM TABLE wp_users, wp_usermeta") == users_before);
    }
    // Without a way to create users, asking for one fails the same way.
    auto r = s.repository(*s.session)->create_and_change(s.snapshot(1), c, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(ChangeOutcome::kUserFailed));
    BOOST_TEST(s.checksum() == before);
}

BOOST_AUTO_TEST_CASE(create_and_change_of_an_order_without_customer) {
    Store s;
    s.exec("UPDATE wp_fct_orders SET customer_id = NULL WHERE id = 4");
    auto r = s.repository(*s.session)->create_and_change(s.snapshot(4), pat(), kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(ChangeOutcome::kChanged));
    BOOST_TEST(s.value("SELECT content FROM wp_fct_activity") ==
               "Customer changed from  to Pat Smith");
    BOOST_TEST(s.value("SELECT customer_id FROM wp_fct_orders WHERE id = 4") == "5");
}

BOOST_AUTO_TEST_CASE(create_and_change_rechecks_the_email_under_the_lock) {
    Store s;
    const auto before = s.checksum();
    const auto next_id =
        s.value("SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" +
                std::string(kDatabase) + "' AND TABLE_NAME = 'wp_fct_customers'");
    // Another case of Bob's email: the collation matches it, nothing is written.
    auto r = s.repository(*s.session)
                 ->create_and_change(s.snapshot(1), pat("BOB@example.com"), kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(ChangeOutcome::kEmailExists));
    BOOST_TEST(s.checksum() == before);
    // …and no customer id is used up: the next customer still gets the next id.
    BOOST_TEST(s.value("SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE "
                       "TABLE_SCHEMA = '" +
                       std::string(kDatabase) + "' AND TABLE_NAME = 'wp_fct_customers'") ==
               next_id);
    // The body's `id` exempts that customer from the rule (FluentCart's exist rule, kept).
    NewCustomer again = pat("BOB@example.com");
    again.exist_exclude_id = 2;
    r = s.repository(*s.session)->create_and_change(s.snapshot(1), again, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(ChangeOutcome::kChanged));
}

BOOST_AUTO_TEST_CASE(an_order_that_moved_since_the_snapshot_is_read_again) {
    Store s;
    const auto stale = s.snapshot(1);
    s.exec("UPDATE wp_fct_orders SET customer_id = 2 WHERE id = 1");
    const auto before = s.checksum();
    auto r = s.repository(*s.session)->change_customer(stale, 3, kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(ChangeOutcome::kOrderChanged));
    r = s.repository(*s.session)->create_and_change(stale, pat(), kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(ChangeOutcome::kOrderChanged));
    BOOST_TEST(s.checksum() == before);  // no customer row either
    BOOST_TEST(s.value("SELECT IS_FREE_LOCK('" + site::email_lock_name("pat@example.com") + "')") ==
               "1");
}

BOOST_AUTO_TEST_CASE(a_missing_order_creates_no_customer) {
    Store s;
    auto lookup = s.repository(*s.session)->lookup_create(999999, "ghost@example.com", 0, 1);
    BOOST_REQUIRE(lookup.has_value());
    BOOST_TEST(!lookup->order.has_value());
    BOOST_TEST(!lookup->email_exists);
    BOOST_TEST(lookup->actor_display_name.value_or("") == "admin");
    BOOST_TEST(!lookup->checkout_fields.has_value());
    // The handler answers 404 from the lookup; a snapshot of an order deleted meanwhile is
    // caught by the transaction, which then rolls the new customer back.
    OrderSnapshot gone;
    gone.id = 999999;
    gone.type = "payment";
    gone.parent_id = 0;
    const auto before = s.checksum();
    auto r = s.repository(*s.session)->create_and_change(gone, pat(), kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(ChangeOutcome::kOrderChanged));
    BOOST_TEST(s.checksum() == before);
}

BOOST_AUTO_TEST_CASE(email_lock_held_elsewhere_is_busy_after_five_seconds) {
    Store s;
    auto other = db::Session::create(DbWorld::get().db->connection(kDatabase));
    auto held = other->query("SELECT GET_LOCK(?, 0)",
                             {std::string_view(site::email_lock_name("pat@example.com"))});
    BOOST_REQUIRE(held.has_value());
    const auto before = s.checksum();
    auto r = s.repository(*s.session)
                 ->create_and_change(s.snapshot(1), pat(" PAT@example.COM"), kAdmin, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(ChangeOutcome::kBusy));
    BOOST_TEST(s.checksum() == before);
}

// Spec acceptance: "A failure injected at any write of a customer change leaves every row
// unchanged" — for every write of each kind of change, and for COMMIT.
BOOST_AUTO_TEST_CASE(a_failure_at_any_write_leaves_every_row_unchanged) {
    Store s;
    add_subscription_family(s);
    s.exec(
        "INSERT INTO wp_fct_customer_meta (customer_id, meta_key, meta_value) VALUES "
        "(1, 'k', 'v'), (2, 'k', 'v');");
    struct Case {
        const char* name;
        std::int64_t order;
        bool create;
        int writes;
    };
    const Case cases[] = {{"change plain order", 1, false, 3},
                          {"change renewal", 21, false, 3},
                          {"create and change plain order", 1, true, 4},
                          {"create and change subscription", 20, true, 4}};
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            const auto snapshot = s.snapshot(c.order);
            const auto before = s.checksum();
            for (int n = 1; n <= c.writes + 1; ++n) {
                BOOST_TEST_CONTEXT("failing write " << n << (n > c.writes ? " (COMMIT)" : "")) {
                    test::FailingSession failing(*s.session, n <= c.writes ? n : 0, n > c.writes);
                    auto repo = s.repository(failing);
                    auto r = c.create ? repo->create_and_change(snapshot, pat(), kAdmin, kNow)
                                      : repo->change_customer(snapshot, 4, kAdmin, kNow);
                    BOOST_TEST(!r.has_value());
                    BOOST_TEST(failing.injected());
                    BOOST_TEST(!s.session->in_transaction());
                    BOOST_TEST(s.checksum() == before);
                    BOOST_TEST(s.value("SELECT IS_FREE_LOCK('" +
                                       site::email_lock_name("pat@example.com") + "')") == "1");
                }
            }
            // Without a failure the same change goes through with exactly that many writes.
            test::FailingSession counting(*s.session);
            auto repo = s.repository(counting);
            auto r = c.create ? repo->create_and_change(snapshot, pat(), kAdmin, kNow)
                              : repo->change_customer(snapshot, 4, kAdmin, kNow);
            BOOST_REQUIRE(r.has_value());
            BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(ChangeOutcome::kChanged));
            BOOST_TEST(counting.writes() == c.writes);
            BOOST_TEST(s.checksum() != before);
            if (c.create) {  // the next create needs the email free again
                s.exec(
                    "UPDATE wp_fct_customers SET email = CONCAT('old-', id, '@example.com') "
                    "WHERE email = 'Pat@Example.com'");
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::plugins::fluent_cart
