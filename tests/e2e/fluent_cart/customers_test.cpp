// POST customers, GET and PUT customers/{id} (fluent-cart-v2.md §8.2–§8.4) beyond what the
// captures show: one customer per email however many hosts create it at once (§10 #3),
// Unicode names through create/update/get with PHP's escaping, PUT's full replacement, the
// linked WordPress user, labels.

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "e2e/fluent_cart/served_store.hpp"

namespace cartpress::test {
namespace {

const std::string kExists = R"({"email":{"exist":"Email already exists."}})";

}  // namespace

BOOST_AUTO_TEST_SUITE(e2e)
BOOST_AUTO_TEST_SUITE(fluent_cart_customers)

BOOST_AUTO_TEST_CASE(one_email_32_creates_two_hosts_make_one_customer) {
    ServedStore store("cp_customers_race", 2);
    static const char* kVariants[] = {"Sam@Example.com", "sam@example.com", " SAM@EXAMPLE.COM ",
                                      "SAM@example.COM", "sAM@Example.Com", "sam@EXAMPLE.com "};
    std::vector<ServedStore::Call> calls;
    for (int i = 0; i < 32; ++i) {
        calls.push_back(
            {"POST", "customers",
             R"({"email":")" + std::string(kVariants[i % 6]) + R"(","full_name":"Sam Example"})"});
    }
    const auto responses = store.send_all(calls);
    int created = 0;
    for (std::size_t i = 0; i < responses.size(); ++i) {
        const auto& r = responses[i];
        const std::string variant = kVariants[i % 6];
        BOOST_TEST_CONTEXT("request " << i << " " << variant) {
            if (r.status == 200) {
                ++created;
                BOOST_TEST(r.body.find(R"("message":"Customer created successfully!")") !=
                           std::string::npos);
                continue;
            }
            check_email_race_loser(r, variant);
        }
    }
    BOOST_TEST(created == 1);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customers WHERE LOWER(TRIM(email)) = "
                           "'sam@example.com'") == "1");
    BOOST_TEST_MESSAGE(store.logs());
}

BOOST_AUTO_TEST_CASE(unicode_names_round_trip_with_php_escaping) {
    ServedStore store("cp_customers_unicode");
    auto r =
        store.send("POST", "customers",
                   R"({"email":"zoe@example.com","full_name":"Zoë Ågren 山田","city":"Malmö"})");
    BOOST_REQUIRE(r.status == 200);
    // PHP's json_encode writes every non-ASCII character as \uXXXX.
    BOOST_TEST(r.body.find(R"("first_name":"Zo\u00eb \u00c5gren","last_name":"\u5c71\u7530")") !=
               std::string::npos);
    BOOST_TEST(r.body.find(R"("city":"Malm\u00f6")") != std::string::npos);
    const std::string id =
        store.value("SELECT id FROM wp_fct_customers WHERE email = 'zoe@example.com'");
    BOOST_TEST(store.value("SELECT CONCAT(first_name, '|', last_name, '|', city) FROM "
                           "wp_fct_customers WHERE id = " +
                           id) == "Zoë Ågren|山田|Malmö");

    r = store.send("PUT", "customers/" + id,
                   R"({"email":"zoe@example.com","full_name":"Zoë Ågren-山田 Ünal"})");
    BOOST_REQUIRE(r.status == 200);
    r = store.send("GET", "customers/" + id);
    BOOST_REQUIRE(r.status == 200);
    BOOST_TEST(
        r.body.find(R"("first_name":"Zo\u00eb \u00c5gren-\u5c71\u7530","last_name":"\u00dcnal")") !=
        std::string::npos);
    BOOST_TEST(r.body.find(R"("full_name":"Zo\u00eb \u00c5gren-\u5c71\u7530 \u00dcnal")") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(put_replaces_every_form_field_and_keeps_what_it_must) {
    ServedStore store("cp_customers_put");
    // Customer 2 (Bob) has status, notes, city, state, postcode; WordPress user 2 (with
    // first_name, last_name and nickname rows) is linked to customer 3 (Carol).
    store.exec("UPDATE wp_fct_customers SET user_id = 2 WHERE id = 3");

    // §8.4: fields the request lacks are written blank; user_id stays unless sent (§10 #11).
    auto r = store.send("PUT", "customers/2",
                        R"({"email":"bob@example.com","full_name":"Robert Brown"})");
    BOOST_REQUIRE(r.status == 200);
    BOOST_TEST(r.body.find(R"("message":"Customer updated successfully!")") != std::string::npos);
    BOOST_TEST(store.value("SELECT CONCAT_WS('|', first_name, last_name, status, notes, "
                           "country, city, state, postcode, aov, IFNULL(user_id, 'NULL')) FROM "
                           "wp_fct_customers WHERE id = 2") == "Robert|Brown|||||||0.00|NULL");

    // The exist rule skips the URL's customer, not body.id (§10 #10).
    r = store.send("PUT", "customers/2",
                   R"({"id":1,"email":"alice@example.com","full_name":"Robert Brown"})");
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.body == kExists);
    // Same email in another case: the customer itself is not "another" customer.
    r = store.send("PUT", "customers/2",
                   R"({"email":"BOB@example.com","full_name":"Robert Brown"})");
    BOOST_TEST(r.status == 200);

    // The customer is the URL's: a body `customerId` does not pick another one.
    r = store.send("PUT", "customers/4",
                   R"({"customerId":1,"email":"dave@example.com","full_name":"David Davis"})");
    BOOST_REQUIRE(r.status == 200);
    BOOST_TEST(store.value("SELECT GROUP_CONCAT(id, ':', first_name ORDER BY id) FROM "
                           "wp_fct_customers WHERE id IN (1, 4)") == "1:Alice,4:David");

    // An unknown customer after validation passed.
    r = store.send("PUT", "customers/999999",
                   R"({"email":"nobody@example.com","full_name":"No Body"})");
    BOOST_TEST(r.status == 400);
    BOOST_TEST(
        r.body ==
        R"({"code":400,"message":"Customer not found, please reload the page and try again!","data":null})");
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customers WHERE email = "
                           "'nobody@example.com'") == "0");

    // A linked WordPress user: the email is kept, the user's names follow.
    r = store.send("PUT", "customers/3",
                   R"({"email":"carol.new@example.com","full_name":"Caroline Clark"})");
    BOOST_REQUIRE(r.status == 200);
    BOOST_TEST(store.value("SELECT CONCAT(email, '|', first_name, '|', user_id) FROM "
                           "wp_fct_customers WHERE id = 3") == "carol@example.com|Caroline|2");
    BOOST_TEST(store.value("SELECT display_name FROM wp_users WHERE ID = 2") == "Caroline Clark");
    BOOST_TEST(store.value("SELECT GROUP_CONCAT(meta_key, '=', meta_value ORDER BY meta_key) "
                           "FROM wp_usermeta WHERE user_id = 2 AND meta_key IN ('first_name', "
                           "'last_name', 'nickname')") ==
               "first_name=Caroline,last_name=Clark,nickname=Caroline Clark");
    // user_id changes when sent.
    r = store.send("PUT", "customers/3",
                   R"({"email":"carol@example.com","full_name":"Caroline Clark","user_id":0})");
    BOOST_REQUIRE(r.status == 200);
    BOOST_TEST(store.value("SELECT user_id FROM wp_fct_customers WHERE id = 3") == "0");
}

BOOST_AUTO_TEST_CASE(get_shows_the_customers_labels) {
    ServedStore store("cp_customers_labels");
    store.exec(
        "INSERT INTO wp_fct_label_relationships (label_id, labelable_id, labelable_type, "
        "created_at, updated_at) VALUES (4, 2, 'FluentCart\\\\App\\\\Models\\\\Customer', "
        "'2025-01-02 03:04:05', '2025-01-02 03:04:05'), (9, 2, "
        "'FluentCart\\\\App\\\\Models\\\\Customer', NULL, NULL), (5, 2, "
        "'FluentCart\\\\App\\\\Models\\\\Order', NULL, NULL)");
    auto r = store.send("GET", "customers/2");
    BOOST_REQUIRE(r.status == 200);
    BOOST_TEST(r.body.find(R"("updated_at":)") <
               r.body.find(R"("selected_labels":[4,9],"full_name")"));
    BOOST_TEST(r.body.find(R"("labels":[{"id":1,"label_id":4,"labelable_id":"2")") !=
               std::string::npos);
    BOOST_TEST(r.body.find(R"("label_id":5)") == std::string::npos);  // an order's label
    r = store.send("GET", "customers/2?params[customer_only]=yes");
    BOOST_REQUIRE(r.status == 200);
    BOOST_TEST(r.body.find("selected_labels") == std::string::npos);
    BOOST_TEST(r.body.find(R"("labels":[)") != std::string::npos);
    r = store.send("GET", "customers/999999");
    BOOST_TEST(r.status == 404);
}

BOOST_AUTO_TEST_CASE(get_loads_the_relations_with_asks_for_in_its_order) {
    ServedStore store("cp_customers_with");
    // Customer 1 (Alice): orders 1 and 5 of the reference store, a primary billing (1) and a
    // primary shipping (2) address; one more billing address and a label are added.
    store.exec(
        "INSERT INTO wp_fct_customer_addresses (id, customer_id, is_primary, type, status, name, "
        "address_1, city, country, created_at, updated_at) VALUES (50, 1, 0, 'billing', "
        "'active', 'Alice Office', '9 Work St', 'Boston', 'US', NOW(), NOW())");
    store.exec(
        "INSERT INTO wp_fct_label_relationships (label_id, labelable_id, labelable_type) VALUES "
        "(6, 1, 'FluentCart\\\\App\\\\Models\\\\Customer')");
    auto r = store.send("GET",
                        "customers/1?with[]=billing_address&with[]=orders&with[]=labels&"
                        "with[]=primary_shipping_address&with[]=orders");
    BOOST_REQUIRE(r.status == 200);
    const auto at = [&r](const std::string& key) { return r.body.find("\"" + key + "\":"); };
    BOOST_TEST(at("user_link") < at("billing_address"));
    BOOST_TEST(at("billing_address") < at("orders"));
    BOOST_TEST(at("orders") < at("labels"));
    BOOST_TEST(at("labels") < at("primary_shipping_address"));
    BOOST_TEST(r.body.find(R"("labels":[)", at("primary_shipping_address")) == std::string::npos);
    // Both billing addresses by id; the orders of customer 1 with the 35 order keys.
    BOOST_TEST(r.body.find(R"("billing_address":[{"id":1,)") != std::string::npos);
    BOOST_TEST(r.body.find(R"("name":"Alice Office")") != std::string::npos);
    const auto orders =
        store.value("SELECT GROUP_CONCAT(id ORDER BY id) FROM wp_fct_orders WHERE customer_id = 1");
    std::string listed;
    for (std::size_t p = r.body.find(R"({"id":)", at("orders"));
         p != std::string::npos && p < at("labels"); p = r.body.find(R"({"id":)", p + 1)) {
        const auto end = r.body.find(',', p);
        const std::string id = r.body.substr(p + 6, end - p - 6);
        if (r.body.compare(end, 10, R"(,"status":)") == 0) {
            listed += (listed.empty() ? "" : ",") + id;
        }
    }
    BOOST_TEST(listed == orders);
    BOOST_TEST(r.body.find(R"("primary_shipping_address":{"id":2,)") != std::string::npos);
    BOOST_TEST(r.body.find(R"("labels":[{"id":1,"label_id":6,)") != std::string::npos);

    r = store.send("GET", "customers/1?with[]=wpUser");
    BOOST_TEST(r.status == 400);
    BOOST_TEST(r.body.find(R"("code":"rest_invalid_param")") != std::string::npos);
    BOOST_TEST(r.body.find("user_pass") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(subscriber_is_forbidden_and_anonymous_unauthorized) {
    // §1.1: 403 for an authenticated user without the permission, 401 without credentials;
    // nothing is written either way (the email below never appears).
    auto& w = E2eWorld::get();
    const std::string body = R"({"email":"intruder@example.com","full_name":"In Truder"})";
    const std::vector<std::pair<std::string, std::string>> routes = {
        {"POST", "customers"}, {"GET", "customers/1"}, {"PUT", "customers/1"}};
    for (const auto& [method, route] : routes) {
        for (const bool anonymous : {false, true}) {
            BOOST_TEST_CONTEXT(method << " " << route
                                      << (anonymous ? " anonymous" : " subscriber")) {
                HttpRequest r;
                r.method = method;
                r.target = "/wp-json/fluent-cart/v2/" + route;
                if (!anonymous) r.with_basic_auth("subscriber1", w.creds.subscriber_app_password);
                if (method != "GET") r.with_json(body);
                const auto got = http_send(w.port(), r);
                BOOST_TEST(got.status == (anonymous ? 401 : 403));
                BOOST_TEST(got.body.find(R"("code":"rest_forbidden")") != std::string::npos);
            }
        }
    }
    BOOST_TEST(query_value(*w.db, "cp_ref",
                           "SELECT COUNT(*) FROM wp_fct_customers WHERE "
                           "email = 'intruder@example.com'") == "0");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::test
