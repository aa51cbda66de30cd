// GET orders through the whole host pipeline (authentication, routing, permission, handler,
// repository) on its own copy of the reference store plus orders, customers and items written
// here: filters, search forms, sorting, paging, include_ids, with[] and the refusals, checked
// against the ids and totals they must produce.

#include <boost/test/unit_test.hpp>
#include <cartpress/app/app.hpp>
#include <cartpress/json/json_reader.hpp>
#include <cartpress/json/json_writer.hpp>
#include <cartpress/plugins/fluent_cart/fluent_cart_plugin.hpp>
#include <memory>
#include <string>
#include <vector>

#include "db/db_world.hpp"
#include "db/plugins/fluent_cart/plugin_app.hpp"
#include "repositories/order_list_repository.hpp"
#include "support/fake_request.hpp"
#include "support/store_fixtures.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

using test::DbWorld;

constexpr const char* kDatabase = "cp_order_list";
constexpr const char* kOrders = "/wp-json/fluent-cart/v2/orders";
constexpr const char* kModel = "'FluentCart\\\\App\\\\Models\\\\Order'";

// Orders 101–106 and customers 20–23 next to the reference store's orders 1–6.
//   101 Percy 100%_Off  completed/paid       payment       INV-101  items "Widget Deluxe"/"Gadget"
//   102 Ann A_b         processing/paid      subscription  INV-102  config upgraded_to 105
//   103 Ann Axb         on-hold/pending      renewal       INV-103  item "50% off sticker"
//   104 Back\Slash      completed/refunded   payment       INV-104  item "500 things",
//   upgraded_from 105 (no customer)   canceled/partially_refunded        INV-105 106 Percy
//   completed/paid       payment       SPECIAL-42, stripe, delivered
void write_fixture(const test::MariaDbInstance& db) {
    std::string sql =
        "INSERT INTO wp_fct_customers (id, email, first_name, last_name, status, notes, uuid,"
        " country, created_at, updated_at) VALUES"
        " (20, 'percy@example.net', 'Percy', '100%_Off', 'active', '', 'c20', 'US',"
        " '2025-07-01 00:00:00', '2025-07-01 00:00:00'),"
        " (21, 'ann.ab@example.net', 'Ann', 'A_b', 'active', '', 'c21', 'FR',"
        " '2025-07-01 00:00:00', '2025-07-01 00:00:00'),"
        " (22, 'ann.axb@example.net', 'Ann', 'Axb', 'active', '', 'c22', 'FR',"
        " '2025-07-01 00:00:00', '2025-07-01 00:00:00'),"
        " (23, 'back@example.net', 'Back\\\\Slash', 'Person', 'active', '', 'c23', 'DE',"
        " '2025-07-01 00:00:00', '2025-07-01 00:00:00');\n"
        "INSERT INTO wp_fct_orders (id, status, parent_id, invoice_no, type, mode,"
        " shipping_status, customer_id, payment_method, payment_status, payment_method_title,"
        " currency, subtotal, total_amount, total_paid, uuid, config, created_at, updated_at)"
        " VALUES"
        " (101, 'completed', 0, 'INV-101', 'payment', 'live', 'shipped', 20, 'offline_payment',"
        " 'paid', 'Cash', 'USD', 900, 1000, 1000, 'u101', NULL, '2025-07-01 10:00:00',"
        " '2025-07-01 10:00:00'),"
        " (102, 'processing', 0, 'INV-102', 'subscription', 'live', 'unshipped', 21, 'paypal',"
        " 'paid', 'PayPal', 'USD', 4000, 4000, 4000, 'u102', '{\"upgraded_to\":105}',"
        " '2025-07-02 10:00:00', '2025-07-02 10:00:00'),"
        " (103, 'on-hold', 102, 'INV-103', 'renewal', 'live', 'unshipped', 22, 'paypal',"
        " 'pending', 'PayPal', 'USD', 250, 250, 0, 'u103', '{\"upgraded_from\":0}',"
        " '2025-07-03 10:00:00', '2025-07-03 10:00:00'),"
        " (104, 'completed', 0, 'INV-104', 'payment', 'live', 'shipped', 23, 'offline_payment',"
        " 'refunded', 'Cash', 'USD', 7000, 7000, 7000, 'u104', '{\"upgraded_from\":102}',"
        " '2025-07-04 10:00:00', '2025-07-04 10:00:00'),"
        " (105, 'canceled', 0, 'INV-105', 'payment', 'live', '', NULL, 'offline_payment',"
        " 'partially_refunded', 'Cash', 'USD', 100, 100, 100, 'u105', NULL,"
        " '2025-07-05 10:00:00', '2025-07-05 10:00:00'),"
        " (106, 'completed', 0, 'SPECIAL-42', 'payment', 'live', 'delivered', 20, 'stripe',"
        " 'paid', 'Stripe', 'USD', 50, 50, 50, 'u106', NULL, '2025-07-06 10:00:00',"
        " '2025-07-06 10:00:00');\n"
        "INSERT INTO wp_fct_order_items (id, order_id, post_id, post_title, title, quantity,"
        " unit_price, subtotal, line_total, other_info, created_at, updated_at) VALUES"
        " (101, 101, 4, 'Gadget', 'Widget Deluxe', 1, 900, 900, 900, '{\"is_custom\":true}',"
        " '2025-07-01 10:00:00', '2025-07-01 10:00:00'),"
        " (102, 101, 4, 'Gadget', 'Spare part', 2, 50, 100, 100, NULL, '2025-07-01 10:00:00',"
        " '2025-07-01 10:00:00'),"
        " (103, 102, 4, 'Subscription Box', 'Monthly', 1, 4000, 4000, 4000, NULL,"
        " '2025-07-02 10:00:00', '2025-07-02 10:00:00'),"
        " (104, 103, 4, 'Stickers', '50% off sticker', 1, 250, 250, 250, NULL,"
        " '2025-07-03 10:00:00', '2025-07-03 10:00:00'),"
        " (105, 104, 4, 'Bundle', '500 things', 1, 7000, 7000, 7000, NULL,"
        " '2025-07-04 10:00:00', '2025-07-04 10:00:00');\n"
        "INSERT INTO wp_fct_order_transactions (id, order_id, order_type, transaction_type,"
        " vendor_charge_id, payment_method, payment_mode, status, currency, total, uuid, meta,"
        " created_at, updated_at) VALUES"
        " (101, 106, 'payment', 'charge', 'ch_106', 'stripe', 'live', 'succeeded', 'USD', 50,"
        " 't106', NULL, '2025-07-06 10:00:00', '2025-07-06 10:00:00');\n"
        "INSERT INTO wp_fct_order_addresses (id, order_id, type, name, address_1, city, country,"
        " created_at, updated_at) VALUES"
        " (101, 106, 'billing', 'Percy Off', '1 Way', 'Austin', 'US', '2025-07-06 10:00:00',"
        " '2025-07-06 10:00:00'),"
        " (102, 106, 'shipping', 'Percy Off', NULL, NULL, 'US', '2025-07-06 10:00:00',"
        " '2025-07-06 10:00:00');\n"
        "INSERT INTO wp_fct_label_relationships (id, label_id, labelable_id, labelable_type,"
        " created_at) VALUES (101, 4, 106, " +
        std::string(kModel) +
        ", '2025-07-06 10:00:00');\n"
        "INSERT INTO wp_fct_subscriptions (id, uuid, customer_id, parent_order_id, product_id,"
        " item_name, variation_id, billing_interval, recurring_total, status, config, created_at,"
        " updated_at) VALUES (101, 's102', 21, 102, 4, 'Monthly box', 1, 'monthly', 4000,"
        " 'active', NULL, '2025-07-02 10:00:00', '2025-07-02 10:00:00');\n"
        "INSERT INTO wp_fct_subscription_meta (subscription_id, meta_key, meta_value) VALUES"
        " (101, 'first', '1'), (101, 'second', '{\"a\":2}');\n"
        "INSERT INTO wp_fct_customer_addresses (id, customer_id, is_primary, type, label, name,"
        " address_1, city, state, country, meta, created_at, updated_at) VALUES"
        " (101, 20, 1, 'billing', 'Home', 'Percy Off', '1 Way', 'Austin', 'TX', 'US',"
        " '{\"other_data\":{\"company_name\":\"Off Inc\"}}', '2025-07-01 00:00:00',"
        " '2025-07-01 00:00:00'),"
        " (102, 20, 0, 'shipping', 'Old', 'Percy Off', '2 Way', 'Austin', 'TX', 'US', NULL,"
        " '2025-07-01 00:00:00', '2025-07-01 00:00:00');\n";
    db.exec(kDatabase, sql);
}

using Reply = test::PluginApp::Reply;

// A digest of every order row: requests that must not write anything leave it unchanged.
std::string orders_digest() {
    return test::query_value(
        *DbWorld::get().db, kDatabase,
        "SELECT CONCAT(COUNT(*), ':', MD5(GROUP_CONCAT(CONCAT_WS('|', id, status, payment_status,"
        " customer_id, total_amount, updated_at) ORDER BY id))) FROM wp_fct_orders");
}

// The store, written once for the suite; a base so that it exists before the app starts.
struct OrderListStore {
    OrderListStore() {
        static bool created = false;
        if (!created) {
            DbWorld::get().db->create_store(kDatabase, "wp_", true);
            write_fixture(*DbWorld::get().db);
            created = true;
        }
    }
};

struct ListFixture : OrderListStore {
    Reply get(const std::string& query, bool authenticated = true) {
        return send(std::string(kOrders) + (query.empty() ? "" : "?" + query), authenticated);
    }

    Reply send(const std::string& target, bool authenticated = true) {
        return app.get(target, authenticated);
    }

    // The ids of the page, in order, and the total, as "total: id id …".
    std::string ids(const std::string& query) {
        const Reply r = get(query);
        BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
        const auto& orders = r.json["orders"];
        std::string out = std::to_string(orders["total"].GetInt64()) + ":";
        for (const auto& o : orders["data"].GetArray())
            out += " " + std::to_string(o["id"].GetInt64());
        return out;
    }

    test::PluginApp app{kDatabase};
};

std::string encode(const json::Value& v) { return json::encode(v).value(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_FIXTURE_TEST_SUITE(order_list, ListFixture)

BOOST_AUTO_TEST_CASE(default_page_is_newest_first_ten) {
    const Reply r = get("");
    BOOST_REQUIRE(r.status == 200);
    const auto& o = r.json["orders"];
    BOOST_TEST(ids("") == "12: 106 105 104 103 102 101 6 5 4 3");
    BOOST_TEST(o["per_page"].GetInt64() == 10);
    BOOST_TEST(o["last_page"].GetInt64() == 2);
    BOOST_TEST(o["from"].GetInt64() == 1);
    BOOST_TEST(o["to"].GetInt64() == 10);
    BOOST_TEST(std::string(o["next_page_url"].GetString()) ==
               "http://127.0.0.1:8081/wp-json/fluent-cart/v2/orders/?page=2");
    // No relation unless asked: exactly the 35 order columns.
    BOOST_TEST(o["data"][0].MemberCount() == 35u);
    BOOST_TEST(ids("page=2") == "12: 2 1");
}

BOOST_AUTO_TEST_CASE(plain_search_covers_invoice_email_name_and_item_titles) {
    BOOST_TEST(ids("search=INV-10") == "5: 105 104 103 102 101");
    BOOST_TEST(ids("search=special") == "1: 106");              // invoice, any case
    BOOST_TEST(ids("search=percy%40example") == "2: 106 101");  // customer email
    BOOST_TEST(ids("search=Ann%20A") == "2: 103 102");          // "first last"
    BOOST_TEST(ids("search=%20%20Ann%20Axb%20") == "1: 103");   // trimmed
    BOOST_TEST(ids("search=Widget") == "1: 101");               // item title
    BOOST_TEST(ids("search=gadget") == "1: 101");               // item post_title
    BOOST_TEST(ids("search=nobody-matches-this") == "0:");
    // "0" is PHP-empty: no search at all.
    BOOST_TEST(ids("search=0&per_page=20").rfind("12:", 0) == 0);
}

BOOST_AUTO_TEST_CASE(name_and_title_escape_like_wildcards) {
    // `_` and `%` are literal in names and titles: "A_b" is not "Axb", "50%" is not "500".
    BOOST_TEST(ids("search=n%20A_b") == "1: 102");
    BOOST_TEST(ids("search=50%25") == "1: 103");
    BOOST_TEST(ids("search=0%25_O") == "2: 106 101");  // "100%_Off"
    // A backslash is literal too: "k\S" finds "Back\Slash".
    BOOST_TEST(ids("search=k%5CS") == "1: 104");
}

BOOST_AUTO_TEST_CASE(operator_forms) {
    BOOST_TEST(ids("search=id%20%3D%203") == "1: 3");  // id = 3
    BOOST_TEST(ids("search=ID%3D3") == "1: 3");        // any case, no spaces
    BOOST_TEST(ids("search=status%20%3D%20compl*") == "6: 106 104 101 5 2 1");
    BOOST_TEST(ids("search=status%20%3D%20*ing") == "2: 102 3");  // processing
    BOOST_TEST(ids("search=status%20!%3D%20completed&per_page=20") == "6: 105 103 102 6 4 3");
    BOOST_TEST(ids("search=id%20%3A%3A%202-4") == "3: 4 3 2");  // id :: 2-4
    BOOST_TEST(ids("search=id%20%3A%3A%202") == "0:");          // not a-b: id = '::'
    BOOST_TEST(ids("search=id%20%3E%20104") == "2: 106 105");   // id > 104
    BOOST_TEST(ids("search=id%20%3C%203") == "2: 2 1");
    // FluentCart reads ">=" as ">" with the value "= 104", which compares as 0.
    BOOST_TEST(ids("search=id%20%3E%3D%20104&per_page=20").rfind("12:", 0) == 0);
    BOOST_TEST(ids("search=invoice%20%3D%20processing") == "2: 102 3");  // maps to status
    BOOST_TEST(ids("search=payment%20%3D%20pending") == "2: 103 4");
    BOOST_TEST(ids("search=payment_by%20%3D%20stripe") == "3: 106 5 2");
    BOOST_TEST(ids("search=customer%20%3D%20percy") == "2: 106 101");
    BOOST_TEST(ids("search=customer%20%3E%20ann.ax") == "1: 103");  // any operator
    // An unknown field is a plain search for the whole text.
    BOOST_TEST(ids("search=foo%20%3D%20bar") == "0:");
}

BOOST_AUTO_TEST_CASE(active_views) {
    BOOST_TEST(ids("active_view=on-hold") == "2: 103 4");
    BOOST_TEST(ids("active_view=completed") == "6: 106 104 101 5 2 1");
    BOOST_TEST(ids("active_view=processing") == "2: 102 3");
    BOOST_TEST(ids("active_view=paid") == "7: 106 102 101 5 3 2 1");
    BOOST_TEST(ids("active_view=refunded") == "2: 104 6");
    BOOST_TEST(ids("active_view=partially_refunded") == "1: 105");
    BOOST_TEST(ids("active_view=renewal") == "1: 103");
    BOOST_TEST(ids("active_view=subscription") == "1: 102");
    BOOST_TEST(ids("active_view=onetime") == "0:");  // FluentCart's tab matches nothing
    BOOST_TEST(ids("active_view=upgraded_to") == "1: 102");
    BOOST_TEST(ids("active_view=upgraded_from") == "1: 104");  // 103's is 0
    BOOST_TEST(ids("active_view=bogus").rfind("12:", 0) == 0);
    // Views and search combine.
    BOOST_TEST(ids("active_view=completed&search=percy") == "2: 106 101");
    // A filter_type other than "simple" applies none of the simple filters.
    BOOST_TEST(ids("active_view=on-hold&filter_type=advanced").rfind("12:", 0) == 0);
    BOOST_TEST(ids("active_view=on-hold&filter_type=simple") == "2: 103 4");
}

BOOST_AUTO_TEST_CASE(status_lists) {
    BOOST_TEST(ids("order_statuses[]=on-hold&order_statuses[]=canceled") == "4: 105 103 6 4");
    BOOST_TEST(ids("payment_statuses[]=pending") == "2: 103 4");
    BOOST_TEST(ids("shipping_statuses[]=delivered&shipping_statuses[]=delivered") == "1: 106");
    BOOST_TEST(ids("payment_statuses[]=paid&order_statuses[]=processing") == "2: 102 3");
    BOOST_TEST(ids("order_statuses=canceled") == "2: 105 6");  // a single value
    // With an operator search FluentCart returns before the status lists.
    BOOST_TEST(ids("search=id%20%3E%20104&order_statuses[]=on-hold") == "2: 106 105");
    // With a plain search they apply.
    BOOST_TEST(ids("search=INV-10&order_statuses[]=on-hold") == "1: 103");
}

BOOST_AUTO_TEST_CASE(sorting) {
    BOOST_TEST(ids("sort_by=total_amount&sort_type=ASC&per_page=4") == "12: 106 105 103 101");
    BOOST_TEST(ids("sort_by=total_amount&sort_type=desc&per_page=3") == "12: 5 104 1");
    BOOST_TEST(ids("sort_by=invoice_no&sort_type=asc&per_page=3") == "12: 1 101 102");
    // Ties fall back to id in the same direction.
    BOOST_TEST(ids("sort_by=status&sort_type=asc&per_page=4") == "12: 6 105 1 2");
    // id and updated_at are not sortable (FluentCart's fillable list), nor unknown names.
    BOOST_TEST(ids("sort_by=updated_at&sort_type=asc&per_page=3") == "12: 1 2 3");
    BOOST_TEST(ids("sort_by=nope&per_page=3") == "12: 106 105 104");
    BOOST_TEST(ids("sort_type=sideways&per_page=3") == "12: 106 105 104");
}

BOOST_AUTO_TEST_CASE(per_page_and_page_rules) {
    const auto page_shape = [&](const std::string& q) {
        const Reply r = get(q);
        const auto& o = r.json["orders"];
        return std::to_string(o["current_page"].GetInt64()) + "/" +
               std::to_string(o["per_page"].GetInt64()) + "/" +
               std::to_string(o["last_page"].GetInt64()) + "/" + std::to_string(o["data"].Size());
    };
    BOOST_TEST(page_shape("per_page=0") == "1/10/2/10");
    BOOST_TEST(page_shape("per_page=-1") == "1/10/2/10");
    BOOST_TEST(page_shape("per_page=200") == "1/10/2/10");
    BOOST_TEST(page_shape("per_page=1000") == "1/10/2/10");
    BOOST_TEST(page_shape("per_page=abc") == "1/10/2/10");
    BOOST_TEST(page_shape("per_page=0.5") == "1/10/2/10");
    BOOST_TEST(page_shape("per_page=199") == "1/199/1/12");
    BOOST_TEST(page_shape("per_page=5") == "1/5/3/5");
    BOOST_TEST(page_shape("per_page=2.9") == "1/2/6/2");      // (int) 2.9
    BOOST_TEST(page_shape("per_page=%205%20") == "1/5/3/5");  // is_numeric allows spaces
    BOOST_TEST(page_shape("per_page=5&page=0") == "1/5/3/5");
    BOOST_TEST(page_shape("per_page=5&page=-3") == "1/5/3/5");
    BOOST_TEST(page_shape("per_page=5&page=abc") == "1/5/3/5");
    BOOST_TEST(page_shape("per_page=5&page=2.7") == "2/5/3/5");
    BOOST_TEST(page_shape("per_page=5&page=3") == "3/5/3/2");

    // Past the end: no rows, from/to null, links still describe the real pages.
    const Reply r = get("per_page=5&page=9");
    const auto& o = r.json["orders"];
    BOOST_TEST(o["current_page"].GetInt64() == 9);
    BOOST_TEST(o["data"].Size() == 0u);
    BOOST_TEST(o["from"].IsNull());
    BOOST_TEST(o["to"].IsNull());
    BOOST_TEST(o["total"].GetInt64() == 12);
    BOOST_TEST(o["next_page_url"].IsNull());
    BOOST_TEST(std::string(o["prev_page_url"].GetString()) ==
               "http://127.0.0.1:8081/wp-json/fluent-cart/v2/orders/?page=8");
    BOOST_TEST(o["links"].Size() == 5u);  // previous, 1, 2, 3, next
    // A page number past any int64 offset is an empty page too, not an error.
    const Reply huge = get("per_page=5&page=99999999999999999999");
    BOOST_TEST(huge.status == 200);
    BOOST_TEST(huge.json["orders"]["current_page"].GetInt64() == 9223372036854775807);
    BOOST_TEST(huge.json["orders"]["data"].Size() == 0u);
}

BOOST_AUTO_TEST_CASE(include_ids_add_rows_or_narrow_a_search) {
    BOOST_TEST(ids("active_view=on-hold&include_ids[]=1") == "3: 103 4 1");
    BOOST_TEST(ids("active_view=refunded&include_ids=1,2") == "4: 104 6 2 1");
    // Without any filter they change nothing.
    BOOST_TEST(ids("include_ids[]=1&per_page=3") == "12: 106 105 104");
    // With a search FluentCart's orWhereIn comes first and loses its "or": the ids narrow.
    BOOST_TEST(ids("search=percy&include_ids[]=101&include_ids[]=5") == "1: 101");
}

BOOST_AUTO_TEST_CASE(with_customer) {
    const Reply r = get("with[]=customer&per_page=3");
    BOOST_REQUIRE(r.status == 200);
    const auto& data = r.json["orders"]["data"];
    // 106: Percy; 105: no customer; 104: Back\Slash.
    BOOST_TEST(data[0].MemberCount() == 36u);
    const auto last = data[0].MemberEnd() - 1;
    BOOST_TEST(std::string(last->name.GetString()) == "customer");
    BOOST_TEST(std::string(data[0]["customer"]["email"].GetString()) == "percy@example.net");
    BOOST_TEST(std::string(data[0]["customer"]["full_name"].GetString()) == "Percy 100%_Off");
    BOOST_TEST(std::string(data[0]["customer"]["country_name"].GetString()) ==
               "United States (US)");
    BOOST_TEST(data[1]["customer"].IsNull());
    BOOST_TEST(std::string(data[2]["customer"]["first_name"].GetString()) == "Back\\Slash");
    // The same object GET orders/{id} embeds.
    const Reply detail = send(std::string(kOrders) + "/106");
    BOOST_TEST(encode(data[0]["customer"]) == encode(detail.json["order"]["customer"]));
}

BOOST_AUTO_TEST_CASE(with_order_items_and_other_relations) {
    const Reply r =
        get("with[]=order_items&with[]=customer.primary_billing_address&with[]=transactions"
            "&with[]=labels&with[]=subscriptions&with[]=order_addresses&with[]=billing_address"
            "&with[]=shipping_address&search=id%20%3E%20100");
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    const auto& data = r.json["orders"]["data"];
    BOOST_REQUIRE(data.Size() == 6u);
    // Relation keys follow the order the request first names them.
    std::string keys;
    for (auto m = data[0].MemberBegin() + 35; m != data[0].MemberEnd(); ++m) {
        keys += std::string(m->name.GetString()) + " ";
    }
    BOOST_TEST(keys ==
               "order_items customer transactions labels subscriptions order_addresses "
               "billing_address shipping_address ");
    const auto& o106 = data[0];
    const auto& o102 = data[4];
    const auto& o101 = data[5];
    BOOST_TEST(o101["order_items"].Size() == 2u);
    BOOST_TEST(std::string(o101["order_items"][0]["title"].GetString()) == "Widget Deluxe");
    BOOST_TEST(o101["order_items"][0]["is_custom"].GetBool());
    BOOST_TEST(std::string(o101["order_items"][1]["formatted_total"].GetString()) == "&#36;1.00");
    BOOST_TEST(!o101["order_items"][0].HasMember("variants"));
    BOOST_TEST(o106["order_items"].Size() == 0u);
    BOOST_TEST(std::string(o106["transactions"][0]["url"].GetString()) ==
               "https://dashboard.stripe.com/payments/ch_106");
    BOOST_TEST(encode(o106["labels"][0]["label_id"]) == "4");
    BOOST_TEST(o102["subscriptions"].Size() == 1u);
    BOOST_TEST(
        encode(o102["subscriptions"][0]["meta"]) ==
        R"([{"meta_key":"first","meta_value":1},{"meta_key":"second","meta_value":{"a":2}}])");
    BOOST_TEST(o106["order_addresses"].Size() == 2u);
    BOOST_TEST(std::string(o106["billing_address"]["email"].GetString()) == "percy@example.net");
    BOOST_TEST(o106["shipping_address"]["formatted_address"]["city"].IsNull());
    BOOST_TEST(o106["billing_address"]["order"]["customer"]["id"].GetInt64() == 20);
    BOOST_TEST(o101["billing_address"].IsNull());
    // The customer carries its primary billing address (not the non-primary shipping one).
    const auto& pb = o106["customer"]["primary_billing_address"];
    BOOST_TEST(pb["id"].GetInt64() == 101);
    BOOST_TEST(std::string(pb["company_name"].GetString()) == "Off Inc");
    BOOST_TEST(std::string(pb["formatted_address"]["full_address"].GetString()) ==
               "Off Inc, 1 Way, Austin, Texas, United States (US)");
    BOOST_TEST(!o106["customer"].HasMember("primary_shipping_address"));
    BOOST_TEST(o102["customer"]["primary_billing_address"].IsNull());
}

BOOST_AUTO_TEST_CASE(relations_cost_one_statement_each_whatever_the_page_size) {
    auto session = db::Session::create(DbWorld::get().db->connection(kDatabase));
    const OrderListQueries queries("wp_");
    auto repo = make_mariadb_order_list_repository(*session, queries);
    const auto count = [&](std::int64_t per_page, std::vector<OrderRelation> relations) {
        OrderListQuery q;
        q.page.per_page = per_page;
        q.relations = std::move(relations);
        const auto before = session->statements_run();
        auto page = repo->list(q);
        BOOST_REQUIRE(page.has_value());
        return session->statements_run() - before;
    };
    using R = OrderRelation;
    BOOST_TEST(count(10, {}) == 2u);
    BOOST_TEST(count(2, {R::kCustomer, R::kOrderItems}) == 4u);
    BOOST_TEST(count(199, {R::kCustomer, R::kOrderItems}) == 4u);
    const std::vector<R> all = {R::kCustomer,
                                R::kCustomerPrimaryBillingAddress,
                                R::kCustomerPrimaryShippingAddress,
                                R::kOrderItems,
                                R::kTransactions,
                                R::kOrderAddresses,
                                R::kBillingAddress,
                                R::kShippingAddress,
                                R::kLabels,
                                R::kSubscriptions};
    BOOST_TEST(count(1, all) == 8u);
    BOOST_TEST(count(199, all) == 8u);
    // An empty result costs the count only.
    OrderListQuery none;
    none.search = PlainSearch{"no-such-thing", "no-such-thing"};
    none.relations = all;
    const auto before = session->statements_run();
    BOOST_REQUIRE(repo->list(none).has_value());
    BOOST_TEST(session->statements_run() - before == 1u);
}

BOOST_AUTO_TEST_CASE(unknown_with_and_any_scopes_are_refused_before_any_work) {
    const std::string digest = orders_digest();
    const Reply bad_with = get("with[]=customer&with[]=wpUser");
    BOOST_TEST(bad_with.status == 400);
    BOOST_TEST(bad_with.body ==
               R"({"code":"rest_invalid_param","message":"Invalid parameter(s): with","data":)"
               R"({"status":400,"params":{"with":"with[1] is not one of customer, )"
               R"(customer.primary_billing_address, customer.primary_shipping_address, )"
               R"(order_items, transactions, order_addresses, billing_address, shipping_address,)"
               R"( labels, subscriptions."},"details":{"with":{"code":"rest_not_in_enum",)"
               R"("message":"with[1] is not one of customer, customer.primary_billing_address, )"
               R"(customer.primary_shipping_address, order_items, transactions, order_addresses,)"
               R"( billing_address, shipping_address, labels, subscriptions.","data":)"
               R"({"param":"with[1]"}}}}})");
    const Reply scopes = get("scopes[]=delete");
    BOOST_TEST(scopes.status == 400);
    BOOST_TEST(scopes.body ==
               R"({"code":"rest_invalid_param","message":"Invalid parameter(s): scopes","data":)"
               R"({"status":400,"params":{"scopes":"scopes must contain at most 0 items."},)"
               R"("details":{"scopes":{"code":"rest_too_many_items","message":"scopes must )"
               R"(contain at most 0 items.","data":{"param":"scopes"}}}}})");
    const Reply both = get("scopes=delete&with=customer:id,email");
    BOOST_TEST(both.status == 400);
    BOOST_TEST(std::string(both.json["message"].GetString()) ==
               "Invalid parameter(s): with, scopes");
    BOOST_TEST(get("with[]=customerCount").status == 400);
    BOOST_TEST(get("with[]=Customer").status == 400);  // names are exact
    // Empty lists are no request at all.
    BOOST_TEST(get("scopes=&with=").status == 200);
    BOOST_TEST(get("with=customer").status == 200);
    // Too long a list is refused too, rather than building a statement for it.
    std::string many;
    for (int i = 1; i <= 51; ++i) many += "&include_ids[]=" + std::to_string(i);
    const Reply long_list = get(many.substr(1));
    BOOST_TEST(long_list.status == 400);
    BOOST_TEST(std::string(long_list.json["data"]["params"]["include_ids"].GetString()) ==
               "include_ids must contain at most 50 items.");
    // Anonymous clients still get 401 first: the parameters are checked by the handler.
    BOOST_TEST(get("scopes[]=delete", false).status == 401);
    BOOST_TEST(orders_digest() == digest);
}

BOOST_AUTO_TEST_CASE(injection_attempts_are_only_data) {
    const std::string digest = orders_digest();
    BOOST_TEST(ids("sort_by=id;%20DROP%20TABLE%20wp_fct_orders&per_page=3") == "12: 106 105 104");
    BOOST_TEST(ids("sort_by=total_amount%60%20DESC,%20(SELECT%201)%20--&per_page=3") ==
               "12: 106 105 104");
    BOOST_TEST(ids("sort_type=asc;%20DELETE%20FROM%20wp_fct_orders&per_page=3") ==
               "12: 106 105 104");
    BOOST_TEST(ids("search=%27%20OR%201%3D1%20--%20") == "0:");
    BOOST_TEST(ids("search=x%27)%20OR%20(%271%27%3D%271") == "0:");
    BOOST_TEST(ids("search=status%20%3D%20x%27%20OR%20%271%27%3D%271") == "0:");
    BOOST_TEST(ids("active_view=on-hold%27%20OR%20%271%27%3D%271").rfind("12:", 0) == 0);
    // Bound as text, "1) OR (1=1" is the number 1 to MariaDB: order 1, not every order.
    BOOST_TEST(ids("active_view=on-hold&include_ids[]=1)%20OR%20(1%3D1") == "3: 103 4 1");
    BOOST_TEST(ids("order_statuses[]=x%27)%20OR%20(%271%27%3D%271") == "0:");
    BOOST_TEST(orders_digest() == digest);
    BOOST_TEST(test::query_value(*DbWorld::get().db, kDatabase,
                                 "SELECT COUNT(*) FROM wp_fct_customers") == "8");
}

BOOST_AUTO_TEST_CASE(path_follows_the_request_form) {
    const Reply pretty = send("/wp-json/fluent-cart/v2/orders/?per_page=5");
    BOOST_TEST(std::string(pretty.json["orders"]["path"].GetString()) ==
               "http://127.0.0.1:8081/wp-json/fluent-cart/v2/orders");
    const Reply plain = send("/?rest_route=/fluent-cart/v2/orders&per_page=5&page=2");
    BOOST_REQUIRE_MESSAGE(plain.status == 200, plain.body);
    const auto& o = plain.json["orders"];
    BOOST_TEST(std::string(o["path"].GetString()) == "http://127.0.0.1:8081");
    BOOST_TEST(std::string(o["first_page_url"].GetString()) == "http://127.0.0.1:8081/?page=1");
    BOOST_TEST(std::string(o["next_page_url"].GetString()) == "http://127.0.0.1:8081/?page=3");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::plugins::fluent_cart
