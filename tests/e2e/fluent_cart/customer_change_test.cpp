// Customer changes under concurrency (fluent-cart-v2.md §10 #2, #3): requests sent at once
// through one nginx upstream of TWO host processes (two connection pools, so only the database
// can serialise them). Afterwards every order's customer and every customer's statistics must
// be consistent, and one normalised email must have exactly one customer. Also the answers no
// capture shows (edge cases of §6, §7 and §10).

#include <boost/test/unit_test.hpp>
#include <map>
#include <string>
#include <vector>

#include "e2e/e2e_world.hpp"
#include "e2e/fluent_cart/served_store.hpp"
#include "support/http_client.hpp"

namespace cartpress::test {
namespace {

constexpr const char* kDatabase = "cp_race";
constexpr int kRequests = 64;
constexpr int kFirstOrder = 101;

const std::string kExists = R"({"email":{"exist":"Email already exists."}})";
const std::string kChanged = R"({"message":"Customer changed successfully"})";

// A fresh reference store plus orders 101–164 (customers cycling through `owners`, payment
// states cycling so that some count and some do not), served by two hosts behind one nginx.
class RaceStore : public ServedStore {
public:
    explicit RaceStore(const std::vector<int>& owners) : ServedStore(kDatabase, 2) {
        static const char* kStates[] = {"paid", "partially_refunded", "pending", "partially_paid",
                                        "refunded"};
        std::string values;
        for (int i = 0; i < kRequests; ++i) {
            const int id = kFirstOrder + i;
            values += std::string(i ? ", " : "") + "(" + std::to_string(id) + ", " +
                      std::to_string(owners[static_cast<std::size_t>(i) % owners.size()]) +
                      ", 'x', '" + kStates[i % 5] + "', 'X', 'USD', " +
                      std::to_string(1000 + i * 7) + ", " + std::to_string(i % 3 == 0 ? 100 : 0) +
                      ", 'race-" + std::to_string(id) + "', '2025-0" + std::to_string(1 + i % 9) +
                      "-1" + std::to_string(i % 10) + " 10:00:00')";
        }
        exec(
            "INSERT INTO wp_fct_orders (id, customer_id, payment_method, payment_status, "
            "payment_method_title, currency, total_paid, total_refund, uuid, created_at) "
            "VALUES " +
            values);
        exec(
            "INSERT INTO wp_fct_customer_meta (customer_id, meta_key, meta_value) VALUES "
            "(1, 'a', '1'), (2, 'b', '2'), (3, 'c', '3')");
        // Statistics as §9.4 computes them, so that any later mismatch is a change's doing.
        exec("UPDATE wp_fct_customers c LEFT JOIN (" + std::string(kQualifying) +
             ") s ON s.customer_id = c.id SET c.purchase_count = COALESCE(s.n, 0), c.ltv = "
             "COALESCE(s.ltv, 0), c.aov = IF(s.n IS NULL, 0, ROUND(s.ltv / s.n, 2)), "
             "c.first_purchase_date = s.f, c.last_purchase_date = s.l");
    }

    // POSTs all bodies at once (one thread each, released together).
    std::vector<HttpResponse> post_all(
        const std::vector<std::pair<std::string, std::string>>& target_and_body) const {
        std::vector<Call> calls;
        for (const auto& [target, body] : target_and_body) calls.push_back({"POST", target, body});
        return send_all(calls);
    }

    HttpResponse post(const std::string& target, const std::string& body) const {
        return send("POST", target, body);
    }

    // Customers whose stored statistics differ from a recount over all their orders (zero
    // dates and NULL both mean "none" when nothing qualifies), as "id,id,…"; "" when none.
    std::string inconsistent_customers() const {
        return value(
            "SELECT IFNULL(GROUP_CONCAT(c.id ORDER BY c.id), '') FROM wp_fct_customers c LEFT JOIN "
            "(" +
            std::string(kQualifying) +
            ") s ON s.customer_id = c.id WHERE NOT (c.purchase_count <=> COALESCE(s.n, 0) AND "
            "c.ltv <=> COALESCE(s.ltv, 0) AND c.aov <=> IF(s.n IS NULL, 0, ROUND(s.ltv / s.n, "
            "2)) AND IF(s.n IS NULL, c.first_purchase_date IS NULL OR c.first_purchase_date = "
            "'0000-00-00 00:00:00', c.first_purchase_date <=> s.f) AND IF(s.n IS NULL, "
            "c.last_purchase_date IS NULL OR c.last_purchase_date = '0000-00-00 00:00:00', "
            "c.last_purchase_date <=> s.l))");
    }

private:
    static constexpr const char* kQualifying =
        "SELECT customer_id, COUNT(*) n, SUM(GREATEST(total_paid - total_refund, 0)) ltv, "
        "MIN(created_at) f, MAX(created_at) l FROM wp_fct_orders WHERE payment_status IN "
        "('paid', 'partially_refunded', 'partially_paid') GROUP BY customer_id";
};

std::string order_path(int order_id, const char* route) {
    return "orders/" + std::to_string(order_id) + "/" + route;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(e2e)
BOOST_AUTO_TEST_SUITE(fluent_cart_customer_change)

// §10 #3: one email in different case and spacing, 64 orders, two hosts: one customer.
BOOST_AUTO_TEST_CASE(one_email_64_orders_two_hosts_make_one_customer) {
    RaceStore store({1, 2, 3, 4});
    const std::string owners_before =
        store.value("SELECT GROUP_CONCAT(id, ':', customer_id ORDER BY id) FROM wp_fct_orders");
    static const char* kVariants[] = {"Pat@Example.com", "pat@example.com", " PAT@EXAMPLE.COM ",
                                      "PAT@example.COM", "pAT@Example.Com", "pat@EXAMPLE.com "};
    std::vector<std::pair<std::string, std::string>> requests;
    for (int i = 0; i < kRequests; ++i) {
        requests.emplace_back(
            order_path(kFirstOrder + i, "create-and-change-customer"),
            R"({"email":")" + std::string(kVariants[i % 6]) + R"(","full_name":"Pat Example"})");
    }
    const long deadlocks_before = store.deadlocks();
    const auto responses = store.post_all(requests);
    BOOST_TEST(store.deadlocks() == deadlocks_before);

    int changed = 0;
    int winner = 0;
    for (int i = 0; i < kRequests; ++i) {
        const auto& r = responses[static_cast<std::size_t>(i)];
        const std::string variant = kVariants[i % 6];
        BOOST_TEST_CONTEXT("request " << i << " " << variant) {
            if (r.status == 200) {
                BOOST_TEST(r.body == kChanged);
                ++changed;
                winner = i;
                continue;
            }
            check_email_race_loser(r, variant);
        }
    }
    BOOST_TEST(changed == 1);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customers WHERE LOWER(TRIM(email)) = "
                           "'pat@example.com'") == "1");
    const std::string pat = store.value(
        "SELECT CONCAT(id, '|', email) FROM wp_fct_customers "
        "WHERE LOWER(TRIM(email)) = 'pat@example.com'");
    BOOST_TEST(pat == std::string("5|") + kVariants[winner % 6]);  // email as sent
    // Only the winner's order moved; the others keep their customers.
    std::string owners_expected;
    {
        std::string rest = owners_before;
        const std::string key = std::to_string(kFirstOrder + winner) + ":";
        const auto at = rest.find("," + key);
        BOOST_REQUIRE(at != std::string::npos);
        const auto end = rest.find(',', at + 1);
        rest.replace(at + 1, (end == std::string::npos ? rest.size() : end) - at - 1, key + "5");
        owners_expected = rest;
    }
    BOOST_TEST(store.value("SELECT GROUP_CONCAT(id, ':', customer_id ORDER BY id) FROM "
                           "wp_fct_orders") == owners_expected);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_activity") == "1");
    BOOST_TEST(store.inconsistent_customers() == "");
    BOOST_TEST_MESSAGE(store.logs());
}

// Many customers created at once, all taking orders from the same two customers: no deadlock,
// no lost update, every change applied, statistics right for everyone. Then the orders are
// shuffled between customers with change-customer, again all at once.
BOOST_AUTO_TEST_CASE(concurrent_changes_on_shared_customers_stay_consistent) {
    RaceStore store({1, 2});
    const std::string addresses_before =
        store.value("SELECT COUNT(*) FROM wp_fct_customer_addresses");
    std::vector<std::pair<std::string, std::string>> creates;
    for (int i = 0; i < kRequests; ++i) {
        creates.emplace_back(order_path(kFirstOrder + i, "create-and-change-customer"),
                             R"({"email":"buyer-)" + std::to_string(i) +
                                 R"(@example.com","full_name":"Buyer )" + std::to_string(i) +
                                 R"("})");
    }
    const long deadlocks_before = store.deadlocks();
    const auto created = store.post_all(creates);
    for (int i = 0; i < kRequests; ++i) {
        BOOST_TEST_CONTEXT("create " << i) {
            BOOST_TEST(created[static_cast<std::size_t>(i)].status == 200);
            BOOST_TEST(created[static_cast<std::size_t>(i)].body == kChanged);
        }
    }
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_orders o JOIN wp_fct_customers c ON "
                           "c.id = o.customer_id WHERE o.id >= 101 AND c.email = CONCAT('buyer-', "
                           "o.id - 101, '@example.com')") == std::to_string(kRequests));
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customers WHERE email LIKE "
                           "'buyer-%'") == std::to_string(kRequests));
    // Alice's and Bob's addresses and meta all went to one of the new customers each.
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customer_addresses WHERE customer_id IN "
                           "(1, 2)") == "0");
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customer_addresses") == addresses_before);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customer_meta WHERE customer_id IN (1, "
                           "2)") == "0");
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_activity") == std::to_string(kRequests));
    BOOST_TEST(store.inconsistent_customers() == "");

    // Shuffle: order 101+i goes to the buyer of order 101+(i*7+3)%64, or back to a seeded
    // customer, so that many requests lock the same pairs of customers in both directions.
    std::vector<std::pair<std::string, std::string>> changes;
    std::map<int, std::string> expected_owner;
    for (int i = 0; i < kRequests; ++i) {
        const int order = kFirstOrder + i;
        const std::string target =
            i % 8 == 0 ? std::to_string(1 + i % 3)
                       : "(SELECT id FROM wp_fct_customers WHERE email = 'buyer-" +
                             std::to_string((i * 7 + 3) % kRequests) + "@example.com')";
        const std::string id = store.value("SELECT " + target);
        expected_owner[order] = id;
        changes.emplace_back(order_path(order, "change-customer"), R"({"customer_id":)" + id + "}");
    }
    const auto moved = store.post_all(changes);
    BOOST_TEST(store.deadlocks() == deadlocks_before);
    for (int i = 0; i < kRequests; ++i) {
        BOOST_TEST_CONTEXT("change " << i) {
            BOOST_TEST(moved[static_cast<std::size_t>(i)].status == 200);
            BOOST_TEST(moved[static_cast<std::size_t>(i)].body == kChanged);
            BOOST_TEST(store.value("SELECT customer_id FROM wp_fct_orders WHERE id = " +
                                   std::to_string(kFirstOrder + i)) ==
                       expected_owner[kFirstOrder + i]);
        }
    }
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_activity") ==
               std::to_string(2 * kRequests));
    BOOST_TEST(store.inconsistent_customers() == "");
    BOOST_TEST_MESSAGE(store.logs());
}

// Answers no capture shows, from the rules of fluent-cart-v2.md §6, §7 and §10.
BOOST_AUTO_TEST_CASE(edge_cases_of_both_routes) {
    RaceStore store({1});
    const auto customer_404 = [](const std::string& shown) {
        return R"({"message":"No query results for model [FluentCart\\App\\Models\\Customer] )" +
               shown + R"(","data":{"wpfluent":{"env":"production"}}})";
    };
    const std::string required = R"({"message":"Customer id is required"})";
    // §6 steps 2 and 3: empty-ish values → 423; anything not canonical → 404 showing it (§10 #9).
    for (const char* body :
         {R"({"customer_id":0})", R"({"customer_id":"0"})", R"({"customer_id":""})",
          R"({"customer_id":false})", R"({"customer_id":null})", R"({"customer_id":[2]})"}) {
        BOOST_TEST_CONTEXT(body) {
            const auto r = store.post("orders/1/change-customer", body);
            BOOST_TEST(r.status == 423);
            BOOST_TEST(r.body == required);
        }
    }
    for (const auto& [body, shown] :
         std::vector<std::pair<std::string, std::string>>{{R"({"customer_id":"1abc"})", "1abc"},
                                                          {R"({"customer_id":true})", "1"},
                                                          {R"({"customer_id":"01"})", "01"},
                                                          {R"({"customer_id":-2})", "-2"}}) {
        BOOST_TEST_CONTEXT(body) {
            const auto r = store.post("orders/1/change-customer", body);
            BOOST_TEST(r.status == 404);
            BOOST_TEST(r.body == customer_404(shown));
        }
    }
    BOOST_TEST(store.value("SELECT customer_id FROM wp_fct_orders WHERE id = 1") == "1");
    // Order 0 does not exist (FluentCart's findOrFail(0)).
    auto r = store.post("orders/0/change-customer", R"({"customer_id":2})");
    BOOST_TEST(r.status == 404);
    BOOST_TEST(
        r.body ==
        R"({"message":"No query results for model [FluentCart\\App\\Models\\Order] 0","data":{"wpfluent":{"env":"production"}}})");
    // Merged params: the query string works on a POST (spec §1.2).
    r = store.post("orders/1/change-customer?customer_id=2", "");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == kChanged);
    BOOST_TEST(store.value("SELECT customer_id FROM wp_fct_orders WHERE id = 1") == "2");

    // §9.3 through HTTP: wp_user "yes" creates the WordPress user and links it.
    r = store.post("orders/2/create-and-change-customer",
                   R"({"email":"wp.buyer@example.com","full_name":"Wp Buyer","wp_user":"yes"})");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customers c JOIN wp_users u ON u.ID = "
                           "c.user_id WHERE c.email = 'wp.buyer@example.com' AND u.user_login = "
                           "'wpbuyer'") == "1");

    // §10 #1: a missing order creates no customer.
    r = store.post("orders/999999/create-and-change-customer",
                   R"({"email":"ghost@example.com","full_name":"Ghost Person"})");
    BOOST_TEST(r.status == 404);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customers WHERE email = "
                           "'ghost@example.com'") == "0");
    // §10 #17: 193 bytes would be cut by the 192-character column.
    r = store.post(
        "orders/2/create-and-change-customer",
        R"({"email":"long@example.com","full_name":")" + std::string(193, 'a') + R"("})");
    BOOST_TEST(r.status == 422);
    BOOST_TEST(
        r.body ==
        R"({"full_name":{"maxLength":"The full_name must not be greater than 192 characters."}})");
    // The store asks for first and last name: full_name no longer counts.
    store.exec(
        "INSERT INTO wp_fct_meta (object_type, meta_key, meta_value) VALUES ('option', "
        "'_fc_checkout_fields', '{\"basic_info\":{\"first_name\":{\"enabled\":"
        "\"yes\"}}}')");
    r = store.post("orders/2/create-and-change-customer",
                   R"({"email":"mode@example.com","full_name":"Full Name"})");
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.body == R"({"first_name":{"required":"First Name is required."}})");
    r = store.post("orders/2/create-and-change-customer",
                   R"({"email":"Mode@Example.com","first_name":" Mary Ann ","last_name":"Lee",)"
                   R"("full_name":"Ignored","status":"<b>vip</b>","notes":"a\nb"})");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(store.value("SELECT CONCAT_WS('|', email, first_name, last_name, status, notes, "
                           "user_id, LENGTH(uuid)) FROM wp_fct_customers WHERE email = "
                           "'mode@example.com'") == "Mode@Example.com|Mary Ann|Lee|vip|a\nb|0|32");
    BOOST_TEST(store.inconsistent_customers() == "");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::test
