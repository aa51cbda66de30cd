// GET customers and GET customers/{customerId}/orders (fluent-cart-v2.md §8.1, §8.5) through
// nginx and the real socket, each case on its own fresh reference store: captures 33, 42 and 53
// on the state they were taken in, who may list, Unicode names escaped as PHP's json_encode,
// paging input FluentCart turns into its defaults, a customer's orders filtered, sorted and
// counted, and a statement count per request that does not grow with the page.

#include <boost/test/unit_test.hpp>
#include <cartpress/json/rapidjson.hpp>
#include <string>
#include <vector>

#include "e2e/fluent_cart/served_store.hpp"
#include "support/capture.hpp"

namespace cartpress::test {
namespace {

using Auth = ServedStore::Auth;

json::Document parse(const HttpResponse& r) {
    json::Document d;
    d.Parse(r.body.c_str());
    BOOST_REQUIRE_MESSAGE(!d.HasParseError() && d.IsObject(), r.body);
    return d;
}

std::string number_or_null(const json::Value& v) {
    return v.IsNull() ? "null" : std::to_string(v.GetInt64());
}

// The paginator of `key` as "current_page/per_page/last_page/items/from/to/total".
std::string shape(const HttpResponse& r, const char* key) {
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    const auto d = parse(r);
    const auto& p = d[key];
    return std::to_string(p["current_page"].GetInt64()) + "/" +
           std::to_string(p["per_page"].GetInt64()) + "/" +
           std::to_string(p["last_page"].GetInt64()) + "/" + std::to_string(p["data"].Size()) +
           "/" + number_or_null(p["from"]) + "/" + number_or_null(p["to"]) + "/" +
           std::to_string(p["total"].GetInt64());
}

// "total: id id …" of a page of `key`; `field` is what each item shows (its id by default).
std::string ids(const HttpResponse& r, const char* key, const char* field = "id") {
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    const auto d = parse(r);
    std::string out = std::to_string(d[key]["total"].GetInt64()) + ":";
    for (const auto& item : d[key]["data"].GetArray()) {
        out += " " + std::to_string(item[field].GetInt64());
    }
    return out;
}

std::string headers_text(const std::vector<std::pair<std::string, std::string>>& headers) {
    std::string out;
    for (const auto& [k, v] : rest_headers(headers)) out += k + ": " + v + "\n";
    return out;
}

// Customers `first`…`last` named "Name<n> Person", email name<n>@shop.test.
void add_customers(const ServedStore& store, int first, int last) {
    std::string values;
    for (int n = first; n <= last; ++n) {
        const std::string id = std::to_string(n);
        values += std::string(values.empty() ? "" : ", ") + "(" + id + ", 'Name" + id +
                  "', 'Person', 'name" + id + "@shop.test', 'active', '[]', '', 'u" + id +
                  "', '2025-07-01 00:00:00', '2025-07-01 00:00:00')";
    }
    store.exec(
        "INSERT INTO wp_fct_customers (id, first_name, last_name, email, status, purchase_value, "
        "notes, uuid, created_at, updated_at) VALUES " +
        values);
}

// MariaDB's count of client statements (prepared executions included, pings and prepares
// not). Only this test's host and client talk to the server while it runs.
long questions(const ServedStore& store) {
    const auto row = store.value("SHOW GLOBAL STATUS LIKE 'Questions'");
    return std::stol(row.substr(row.find('\t') + 1));
}

// The statements one request costs: the fewest over three sends, so that a worker's first
// request (options cache) or a cache expiry does not count.
long statements_of(const ServedStore& store, const std::string& target) {
    const long reading = [&] {
        const long a = questions(store);
        return questions(store) - a;
    }();
    long fewest = -1;
    for (int i = 0; i < 3; ++i) {
        const long before = questions(store);
        const auto r = store.send("GET", target);
        BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
        const long used = questions(store) - before - reading;
        if (fewest < 0 || used < fewest) fewest = used;
    }
    return fewest;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(e2e)
BOOST_AUTO_TEST_SUITE(fluent_cart_customer_list)

BOOST_AUTO_TEST_CASE(captures_33_42_and_53_on_their_state) {
    ServedStore store("cp_clist_caps");
    // What captures 1–31 changed in the rows these answers show: Bob's recounted statistics,
    // order 2 moved to another customer, order 1 touched by the changes back and forth.
    store.exec(
        "SET SESSION sql_mode = ''; UPDATE wp_fct_customers SET purchase_count = 0, ltv = 0, "
        "first_purchase_date = '0000-00-00 00:00:00', last_purchase_date = '0000-00-00 "
        "00:00:00', aov = 0.00, updated_at = '2026-11-26 11:30:22' WHERE id = 2; UPDATE "
        "wp_fct_orders SET customer_id = 3 WHERE id = 2; UPDATE wp_fct_orders SET updated_at = "
        "'2026-11-26 11:30:22' WHERE id = 1");
    for (int number : {33, 42, 53}) {
        const Capture c = load_capture(number);
        BOOST_TEST_CONTEXT(c.file) {
            const auto got =
                store.send("GET", c.target, "", c.auth == "sub" ? Auth::kSubscriber : Auth::kAdmin);
            BOOST_TEST(got.status == c.status);
            // Allow on `customers` lists POST too: the create route shares the pattern.
            BOOST_TEST(headers_text(got.headers) == headers_text(c.headers));
            BOOST_TEST(got.body == c.response_body);
        }
    }
}

BOOST_AUTO_TEST_CASE(subscriber_is_forbidden_and_anonymous_unauthorized) {
    ServedStore store("cp_clist_auth");
    const std::string forbidden =
        R"({"code":"rest_forbidden","message":"Sorry, you are not allowed to do that.","data":{"status":403}})";
    const std::string unauthorized =
        R"({"code":"rest_forbidden","message":"Sorry, you are not allowed to do that.","data":{"status":401}})";
    // The refused with[]/scopes[] are the handler's checks: the permission answers first.
    for (const std::string target :
         {"customers", "customers?search=alice&with[]=orders", "customers?with[]=wpUser",
          "customers?scopes[]=delete", "customers/1/orders", "customers/999999/orders",
          "customers/1/orders?with[]=customer"}) {
        BOOST_TEST_CONTEXT(target) {
            auto r = store.send("GET", target, "", Auth::kSubscriber);
            BOOST_TEST(r.status == 403);
            BOOST_TEST(r.body == forbidden);
            BOOST_TEST(!r.has_header("Allow"));
            r = store.send("GET", target, "", Auth::kNone);
            BOOST_TEST(r.status == 401);
            BOOST_TEST(r.body == unauthorized);
            BOOST_TEST(!r.has_header("Allow"));
        }
    }
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_orders") == "6");
}

BOOST_AUTO_TEST_CASE(unicode_names_are_escaped_as_php_does) {
    ServedStore store("cp_clist_unicode");
    store.exec(
        "SET NAMES utf8mb4; INSERT INTO wp_fct_customers (id, user_id, contact_id, email, "
        "first_name, last_name, status, purchase_value, purchase_count, ltv, aov, notes, uuid, "
        "country, city, state, postcode, created_at, updated_at) VALUES (50, 0, 0, "
        "'zoe@example.com', 'Zoë Ågren', '山田', 'active', '[]', 0, 0, 0.00, 'Skål 😀', 'u-zoe', "
        "'SE', 'Malmö', '', '211 22', '2025-07-01 00:00:00', '2025-07-01 00:00:00')");
    const std::string gravatar = store.value("SELECT SHA2('zoe@example.com', 256)");
    // Every non-ASCII character as lowercase \uXXXX, the emoji as a surrogate pair, `/` as \/.
    const std::string zoe =
        R"({"id":50,"user_id":"0","contact_id":"0","email":"zoe@example.com",)"
        R"("first_name":"Zo\u00eb \u00c5gren","last_name":"\u5c71\u7530","status":"active",)"
        R"("purchase_value":[],"purchase_count":"0","ltv":"0","first_purchase_date":null,)"
        R"("last_purchase_date":null,"aov":"0.00","notes":"Sk\u00e5l \ud83d\ude00",)"
        R"("uuid":"u-zoe","country":"SE","city":"Malm\u00f6","state":"","postcode":"211 22",)"
        R"("created_at":"2025-07-01T00:00:00+00:00","updated_at":"2025-07-01T00:00:00+00:00",)"
        R"("full_name":"Zo\u00eb \u00c5gren \u5c71\u7530","photo":"https:\/\/secure.gravatar.com\/avatar\/)" +
        gravatar +
        R"(?s=100&#038;d=mm&#038;r=g","country_name":"Sweden","formatted_address":)"
        R"({"country":"Sweden","state":"","city":"Malm\u00f6","postcode":"211 22",)"
        R"("first_name":"Zo\u00eb \u00c5gren","last_name":"\u5c71\u7530",)"
        R"("full_name":"Zo\u00eb \u00c5gren \u5c71\u7530"},"user_link":""})";
    // Found by each part of the name, sent percent-encoded as a browser sends it.
    for (const std::string search :
         {"Zo%C3%AB", "%C3%85gren", "%E5%B1%B1%E7%94%B0", "Zo%C3%AB%20%C3%85gren%20%E5%B1%B1"}) {
        BOOST_TEST_CONTEXT(search) {
            const auto r = store.send("GET", "customers?search=" + search);
            BOOST_REQUIRE(r.status == 200);
            BOOST_TEST(r.body.find(R"("data":[)" + zoe + "]") != std::string::npos, r.body);
            BOOST_TEST(r.body.find(R"("total":1})") != std::string::npos);
        }
    }
    // In the unfiltered list too (the newest id first).
    const auto all = store.send("GET", "customers?per_page=1");
    BOOST_TEST(all.body.find(R"("data":[)" + zoe + "]") != std::string::npos, all.body);
}

BOOST_AUTO_TEST_CASE(paging_input_becomes_fluent_carts_defaults) {
    ServedStore store("cp_clist_paging");
    add_customers(store, 11, 31);  // 25 customers with the reference store's four
    // current_page/per_page/last_page/items/from/to/total
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "1/10/3/10/1/10/25"},
        {"per_page=0", "1/10/3/10/1/10/25"},
        {"per_page=-1", "1/10/3/10/1/10/25"},
        {"per_page=1000", "1/10/3/10/1/10/25"},
        {"per_page=200", "1/10/3/10/1/10/25"},
        {"per_page=199", "1/199/1/25/1/25/25"},
        {"per_page=abc", "1/10/3/10/1/10/25"},
        {"per_page=", "1/10/3/10/1/10/25"},
        {"per_page=0x1A", "1/10/3/10/1/10/25"},
        {"per_page%5B%5D=5", "1/10/3/10/1/10/25"},
        {"per_page=%205%20", "1/5/5/5/1/5/25"},  // PHP 8 numeric strings allow spaces
        {"per_page=5e0", "1/5/5/5/1/5/25"},
        {"per_page=2.9", "1/2/13/2/1/2/25"},  // (int) 2.9
        {"page=0", "1/10/3/10/1/10/25"},
        {"page=-3", "1/10/3/10/1/10/25"},
        {"page=abc", "1/10/3/10/1/10/25"},
        {"page%5B%5D=2", "1/10/3/10/1/10/25"},
        {"page=2", "2/10/3/10/11/20/25"},
        {"page=3", "3/10/3/5/21/25/25"},
        {"page=4", "4/10/3/0/null/null/25"},  // past the end: an empty page, not an error
        {"page=99999999999999999999", "9223372036854775807/10/3/0/null/null/25"},
        {"page=-99999999999999999999", "1/10/3/10/1/10/25"},
        {"page=3&per_page=12", "3/12/3/1/25/25/25"},
    };
    for (const auto& [query, expected] : cases) {
        BOOST_TEST_CONTEXT(query) {
            BOOST_TEST(shape(store.send("GET", "customers?" + query), "customers") == expected);
        }
    }
    // The same engine behind a customer's orders (Bob has orders 3 and 6).
    for (const auto& [query, expected] : std::vector<std::pair<std::string, std::string>>{
             {"per_page=0", "1/10/1/2/1/2/2"},
             {"per_page=1", "1/1/2/1/1/1/2"},
             {"per_page=1&page=2", "2/1/2/1/2/2/2"},
             {"per_page=1&page=3", "3/1/2/0/null/null/2"},
             {"per_page=-1&page=x", "1/10/1/2/1/2/2"},
             {"per_page=1000", "1/10/1/2/1/2/2"}}) {
        BOOST_TEST_CONTEXT(query) {
            BOOST_TEST(shape(store.send("GET", "customers/2/orders?" + query), "orders") ==
                       expected);
        }
    }
    // Text that is not UTF-8 is the host's clear 400 (WordPress would pass the bytes on).
    for (const std::string target :
         {"customers?search=%FF", "customers?per_page=%FF", "customers/2/orders?page=%C3"}) {
        BOOST_TEST_CONTEXT(target) {
            const auto r = store.send("GET", target);
            BOOST_TEST(r.status == 400);
            BOOST_TEST(r.body ==
                       R"({"code":"cartpress_invalid_utf8","message":"The request contains text )"
                       R"(that is not valid UTF-8.","data":{"status":400}})");
        }
    }
    const auto list = store.send("GET", "customers");
    BOOST_TEST(!list.has_header("X-WP-Total"));  // FluentCart's paginator, not WordPress's
    BOOST_TEST(!list.has_header("X-WP-TotalPages"));
}

BOOST_AUTO_TEST_CASE(odd_search_and_sort_values_are_answered_not_failed) {
    ServedStore store("cp_clist_odd");
    // "total: ids" on both routes (Bob is customer 2, with orders 3 and 6).
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"search=id%20%3D%20abc", "0:"},  // the text is bound; MariaDB compares it as 0
        {"search=id%20%3D%20", "0:"},
        {"search=id%20::%20x-y", "0:"},
        {"search=id%20::%202", "0:"},  // not a-b: FluentCart's `= '::'`
        {"search=id%20%3E%2099999999999999999999999", "0:"},
        {"search=id%20!%3D%201*", "3: 4 3 2"},
        {"search=" + std::string(4000, 'b'), "0:"},
        {"search=%00", "4: 4 3 2 1"},        // trimmed away, as PHP's trim() does
        {"search%5B%5D=bob", "4: 4 3 2 1"},  // not text: no search
        {"search=bob&sort_by%5B%5D=email&sort_type%5B%5D=asc", "1: 2"},
        {"sort_by=email%60;%20DROP%20TABLE%20x&sort_type=asc", "4: 1 2 3 4"},
        {"sort_by=EMAIL&sort_type=ASC", "4: 1 2 3 4"},  // column names are exact; ASC any case
        {"sort_by=city&sort_type=asc", "4: 3 2 1 4"},
    };
    for (const auto& [query, expected] : cases) {
        BOOST_TEST_CONTEXT(query.substr(0, 80)) {
            BOOST_TEST(ids(store.send("GET", "customers?" + query), "customers") == expected);
        }
    }
    for (const auto& [query, expected] : std::vector<std::pair<std::string, std::string>>{
             {"search=id%20%3D%20abc", "0:"},
             {"search=" + std::string(4000, 'b'), "0:"},
             {"search%5B%5D=x&sort_by=total_amount&sort_type=asc", "2: 6 3"},
             {"sort_by=uuid%20DESC,%20id&sort_type=asc", "2: 3 6"},
         }) {
        BOOST_TEST_CONTEXT(query.substr(0, 80)) {
            BOOST_TEST(ids(store.send("GET", "customers/2/orders?" + query), "orders") == expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_customers_orders_are_filtered_sorted_and_counted) {
    ServedStore store("cp_clist_orders");
    // Carol (3) has order 4 (4250, on-hold); she gets five more, Dave (4) one more.
    store.exec(
        "INSERT INTO wp_fct_orders (id, status, parent_id, invoice_no, type, mode, "
        "shipping_status, customer_id, payment_method, payment_status, payment_method_title, "
        "currency, subtotal, total_amount, total_paid, uuid, config, created_at, updated_at) "
        "VALUES "
        "(11, 'completed', 0, 'INV-11', 'payment', 'live', 'shipped', 3, 'stripe', 'paid', "
        "'Stripe', 'USD', 1500, 1500, 1500, 'u11', NULL, '2025-07-01 10:00:00', "
        "'2025-07-01 10:00:00'), "
        "(12, 'processing', 0, 'INV-12', 'payment', 'live', 'unshipped', 3, 'paypal', 'paid', "
        "'PayPal', 'USD', 9900, 9900, 9900, 'u12', NULL, '2025-07-02 10:00:00', "
        "'2025-07-02 10:00:00'), "
        "(13, 'completed', 0, 'INV-13', 'payment', 'live', 'shipped', 3, 'stripe', 'refunded', "
        "'Stripe', 'USD', 700, 700, 700, 'u13', NULL, '2025-07-03 10:00:00', "
        "'2025-07-03 10:00:00'), "
        "(14, 'canceled', 0, 'INV-14', 'payment', 'live', '', 3, 'offline_payment', 'pending', "
        "'Cash', 'USD', 3000, 3000, 0, 'u14', NULL, '2025-07-04 10:00:00', "
        "'2025-07-04 10:00:00'), "
        "(15, 'completed', 0, 'INV-15', 'payment', 'live', 'shipped', 3, 'stripe', 'paid', "
        "'Stripe', 'USD', 5000, 5000, 5000, 'u15', NULL, '2025-07-05 10:00:00', "
        "'2025-07-05 10:00:00'), "
        "(16, 'completed', 0, 'INV-16', 'payment', 'live', 'shipped', 4, 'stripe', 'paid', "
        "'Stripe', 'USD', 100, 100, 100, 'u16', NULL, '2025-07-06 10:00:00', "
        "'2025-07-06 10:00:00')");
    const auto orders = [&](const std::string& query) {
        return ids(store.send("GET", "customers/3/orders" + query), "orders");
    };
    BOOST_TEST(orders("") == "6: 15 14 13 12 11 4");
    BOOST_TEST(orders("?sort_by=total_amount&sort_type=asc") == "6: 13 11 14 4 15 12");
    BOOST_TEST(orders("?sort_by=total_amount&sort_type=desc&per_page=2&page=2") == "6: 4 14");
    BOOST_TEST(orders("?order_statuses[]=completed") == "3: 15 13 11");
    BOOST_TEST(orders("?order_statuses[]=completed&order_statuses[]=on-hold") == "4: 15 13 11 4");
    BOOST_TEST(orders("?payment_statuses[]=paid&sort_type=asc") == "3: 11 12 15");
    BOOST_TEST(orders("?active_view=completed") == "3: 15 13 11");
    BOOST_TEST(orders("?active_view=refunded") == "1: 13");
    BOOST_TEST(orders("?search=INV-12") == "1: 12");
    BOOST_TEST(orders("?search=INV-16") == "0:");                  // Dave's order
    BOOST_TEST(orders("?search=id%20%3E%2012") == "3: 15 14 13");  // not 16
    BOOST_TEST(orders("?search=stripe") == "0:");                  // not a searched column
    // include_ids adds ids to the filtered rows, but never another customer's orders.
    BOOST_TEST(orders("?include_ids[]=1&include_ids[]=16&order_statuses[]=canceled") == "1: 14");
    BOOST_TEST(orders("?include_ids=1,16,12&active_view=completed") == "4: 15 13 12 11");
    // The relations come for the whole page.
    const auto with = store.send("GET", "customers/3/orders?with[]=customer&per_page=3");
    BOOST_REQUIRE(with.status == 200);
    const auto d = parse(with);
    for (const auto& o : d["orders"]["data"].GetArray()) {
        BOOST_TEST(std::string(o["customer"]["email"].GetString()) == "carol@example.com");
    }
    // An unknown customer has an empty page; a path that is no id is no route.
    BOOST_TEST(shape(store.send("GET", "customers/999999/orders"), "orders") ==
               "1/10/1/0/null/null/0");
    BOOST_TEST(shape(store.send("GET", "customers/0/orders"), "orders") == "1/10/1/0/null/null/0");
    BOOST_TEST(shape(store.send("GET", "customers/99999999999999999999/orders"), "orders") ==
               "1/10/1/0/null/null/0");
    const auto no_route = store.send("GET", "customers/abc/orders");
    BOOST_TEST(no_route.status == 404);
    BOOST_TEST(no_route.body.find(R"("code":"rest_no_route")") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(with_and_scopes_outside_the_whitelists_are_refused) {
    ServedStore store("cp_clist_with");
    // customers: §8.1's list; customers/{id}/orders: the orders list's.
    const std::string customer_relations =
        "shipping_address, billing_address, primary_shipping_address, primary_billing_address, "
        "labels, subscriptions, orders";
    auto r = store.send("GET", "customers?with[]=orders&with[]=wpUser");
    BOOST_TEST(r.status == 400);
    BOOST_TEST(
        r.body ==
        R"({"code":"rest_invalid_param","message":"Invalid parameter(s): with","data":)"
        R"({"status":400,"params":{"with":"with[1] is not one of )" +
            customer_relations +
            R"(."},"details":{"with":{"code":"rest_not_in_enum","message":"with[1] is not one of )" +
            customer_relations + R"(.","data":{"param":"with[1]"}}}}})");
    for (const std::string target :
         {"customers?with[]=customer", "customers?with=wp_user", "customers?with[]=orders.customer",
          "customers/1/orders?with[]=wpUser", "customers/1/orders?with[]=orders",
          "customers?scopes[]=delete", "customers/1/orders?scopes[]=delete",
          "customers/1/orders?scopes=delete"}) {
        BOOST_TEST_CONTEXT(target) {
            r = store.send("GET", target);
            BOOST_TEST(r.status == 400);
            BOOST_TEST(r.body.find(R"("code":"rest_invalid_param")") != std::string::npos);
        }
    }
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_orders") == "6");
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customers") == "4");
    // The whitelisted names, each once, in request order after the customer's own keys.
    r = store.send("GET",
                   "customers?search=alice&with[]=orders&with[]=primary_billing_address&with[]="
                   "labels&with[]=orders");
    BOOST_REQUIRE(r.status == 200);
    const auto d = parse(r);
    const auto& alice = d["customers"]["data"][0];
    std::string keys;
    for (const auto& m : alice.GetObject()) keys = keys + m.name.GetString() + " ";
    BOOST_TEST(keys.substr(keys.find("user_link")) ==
               "user_link orders primary_billing_address labels ");
    BOOST_TEST(alice["orders"].Size() == 2u);
    BOOST_TEST(std::string(alice["primary_billing_address"]["type"].GetString()) == "billing");
}

BOOST_AUTO_TEST_CASE(statements_per_request_do_not_grow_with_the_page) {
    ServedStore store("cp_clist_statements");
    add_customers(store, 11, 70);  // 64 customers
    // Each new customer gets a billing address and an order, so every relation has rows.
    store.exec(
        "INSERT INTO wp_fct_customer_addresses (customer_id, is_primary, type, name, country, "
        "created_at, updated_at) SELECT id, 1, 'billing', 'Someone', 'US', NOW(), NOW() FROM "
        "wp_fct_customers WHERE id >= 11; INSERT INTO wp_fct_orders (status, invoice_no, type, "
        "mode, customer_id, payment_method, payment_method_title, payment_status, currency, "
        "total_amount, uuid, created_at, updated_at) SELECT 'completed', CONCAT('X-', id), "
        "'payment', 'live', id, 'stripe', 'Stripe', 'paid', 'USD', 100, CONCAT('o', id), NOW(), "
        "NOW() FROM wp_fct_customers WHERE id >= 11");
    const std::string every =
        "&with[]=shipping_address&with[]=billing_address&with[]=primary_shipping_address&with[]="
        "primary_billing_address&with[]=labels&with[]=subscriptions&with[]=orders";
    // Every worker's first requests load what it caches (options, statements): not counted.
    for (int i = 0; i < 16; ++i) BOOST_REQUIRE(store.send("GET", "customers").status == 200);
    const long bare_small = statements_of(store, "customers?per_page=2");
    const long bare_large = statements_of(store, "customers?per_page=60");
    const long all_small = statements_of(store, "customers?per_page=2" + every);
    const long all_large = statements_of(store, "customers?per_page=60" + every);
    BOOST_TEST_MESSAGE("GET customers: " << bare_small << " statements, " << all_small
                                         << " with every relation");
    BOOST_TEST(bare_large == bare_small);
    BOOST_TEST(all_large == all_small);
    // One statement per relation group: addresses (all four), labels, subscriptions, orders.
    BOOST_TEST(all_small == bare_small + 4);
    BOOST_TEST(all_small <= 16);

    // A customer's orders: the orders list's relations for the whole page.
    store.exec(
        "INSERT INTO wp_fct_orders (status, invoice_no, type, mode, customer_id, payment_method, "
        "payment_method_title, payment_status, currency, total_amount, uuid, created_at, "
        "updated_at) SELECT 'completed', CONCAT('Y-', id), 'payment', 'live', 11, 'stripe', "
        "'Stripe', 'paid', 'USD', 100, CONCAT('p', id), NOW(), NOW() FROM wp_fct_customers WHERE "
        "id >= 11");
    const std::string order_relations =
        "&with[]=customer&with[]=customer.primary_billing_address&with[]=order_items&with[]="
        "transactions&with[]=order_addresses&with[]=labels&with[]=subscriptions";
    const long orders_small = statements_of(store, "customers/11/orders?per_page=2");
    const long orders_large = statements_of(store, "customers/11/orders?per_page=60");
    BOOST_TEST(orders_large == orders_small);
    BOOST_TEST(statements_of(store, "customers/11/orders?per_page=60" + order_relations) ==
               statements_of(store, "customers/11/orders?per_page=2" + order_relations));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::test
