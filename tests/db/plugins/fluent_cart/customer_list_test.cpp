// GET customers and GET customers/{id}/orders through the whole host pipeline, on their own
// copy of the reference store plus 25 customers written here: search (names with LIKE
// wildcards escaped, ids, emails, the id operator form), sorting, paging edge cases, with[],
// the refusals and the statement count, checked against the ids and totals they must produce.

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "db/db_world.hpp"
#include "db/plugins/fluent_cart/plugin_app.hpp"
#include "repositories/customer_list_repository.hpp"
#include "repositories/customer_relations_repository.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

using test::DbWorld;
using Reply = test::PluginApp::Reply;

constexpr const char* kDatabase = "cp_customer_list";
constexpr const char* kCustomers = "/wp-json/fluent-cart/v2/customers";

// Customers 1–4 of the reference store, plus 101–125: "Name<n> Person" with the email
// name<n>@shop.test, city "City<n mod 3>"; 110 is "Zoë Ågren 山田"; 111 is "100%_Off Deal"
// (LIKE wildcards in a name) and 112 "100 Off" (what an unescaped %_ would also match).
void write_fixture() {
    std::string values;
    for (int n = 101; n <= 125; ++n) {
        std::string first = "Name" + std::to_string(n);
        std::string last = "Person";
        if (n == 110) first = "Zoë Ågren", last = "山田";
        if (n == 111) first = "100%_Off", last = "Deal";
        if (n == 112) first = "100", last = "Off";
        values += std::string(values.empty() ? "" : ", ") + "(" + std::to_string(n) + ", '" +
                  first + "', '" + last + "', 'name" + std::to_string(n) + "@shop.test', 'City" +
                  std::to_string(n % 3) + "', 'active', '[]', '', NOW(), NOW())";
    }
    DbWorld::get().db->exec(kDatabase,
                            "SET NAMES utf8mb4; INSERT INTO wp_fct_customers (id, first_name, "
                            "last_name, email, city, status, purchase_value, notes, created_at, "
                            "updated_at) VALUES " +
                                values);
}

struct CustomerListStore {
    CustomerListStore() {
        static bool created = false;
        if (!created) {
            created = true;
            DbWorld::get().db->drop_database(kDatabase);
            DbWorld::get().db->create_store(kDatabase, "wp_", true);
            write_fixture();
        }
    }
};

struct ListFixture : CustomerListStore {
    Reply get(const std::string& query) {
        return app.get(std::string(kCustomers) + (query.empty() ? "" : "?" + query));
    }

    // "total: id id …" of the page.
    std::string ids(const std::string& query) {
        const Reply r = get(query);
        BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
        const auto& c = r.json["customers"];
        std::string out = std::to_string(c["total"].GetInt64()) + ":";
        for (const auto& item : c["data"].GetArray())
            out += " " + std::to_string(item["id"].GetInt64());
        return out;
    }

    test::PluginApp app{kDatabase};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_FIXTURE_TEST_SUITE(customer_list, ListFixture)

BOOST_AUTO_TEST_CASE(default_page_is_newest_id_first_ten) {
    BOOST_TEST(ids("") == "29: 125 124 123 122 121 120 119 118 117 116");
    const Reply r = get("");
    const auto& c = r.json["customers"];
    BOOST_TEST(c["last_page"].GetInt64() == 3);
    BOOST_TEST(std::string(c["next_page_url"].GetString()) ==
               "http://127.0.0.1:8081/wp-json/fluent-cart/v2/customers/?page=2");
    // Exactly the customer object of §5.3: columns, then the computed keys.
    BOOST_TEST(c["data"][0].MemberCount() == 26u);
    BOOST_TEST(std::string(c["data"][0]["full_name"].GetString()) == "Name125 Person");
}

BOOST_AUTO_TEST_CASE(search_by_name_id_and_email) {
    BOOST_TEST(ids("search=name107") == "1: 107");                 // email (and name)
    BOOST_TEST(ids("search=Name107%20Person") == "1: 107");        // full name with a space
    BOOST_TEST(ids("search=@shop.test&per_page=1") == "25: 125");  // emails only
    BOOST_TEST(ids("search=bob") == "1: 2");
    BOOST_TEST(ids("search=%20%20bob%20") == "1: 2");  // trimmed
    // Numeric: ids containing the digits, and names containing them.
    BOOST_TEST(ids("search=12&per_page=50") == "7: 125 124 123 122 121 120 112");
    // The name's %_ are literal; the id/email LIKE does not see them (no space, not numeric).
    BOOST_TEST(ids("search=100%25_Off") == "1: 111");
    // Unicode names.
    BOOST_TEST(ids("search=%C3%85gren") == "1: 110");
    BOOST_TEST(ids("search=%E5%B1%B1%E7%94%B0") == "1: 110");
    // No match, and the empty searches.
    BOOST_TEST(ids("search=nobody-here") == "0:");
    BOOST_TEST(ids("search=0&per_page=1") == "29: 125");
    BOOST_TEST(ids("search=&per_page=1") == "29: 125");
}

BOOST_AUTO_TEST_CASE(id_operator_form) {
    BOOST_TEST(ids("search=id%20%3D%20103") == "1: 103");
    BOOST_TEST(ids("search=id%20%3E%20122") == "3: 125 124 123");
    BOOST_TEST(ids("search=id%20%3C%203") == "2: 2 1");
    BOOST_TEST(ids("search=id%20::%20104-106") == "3: 106 105 104");
    BOOST_TEST(ids("search=id%20!%3D%20125&per_page=1") == "28: 124");
    // Another field is no operator form here: the whole text is searched (and finds nothing).
    BOOST_TEST(ids("search=status%20%3D%20active") == "0:");
}

BOOST_AUTO_TEST_CASE(sorting) {
    BOOST_TEST(ids("sort_by=first_name&sort_type=asc&per_page=3") == "29: 112 111 1");
    BOOST_TEST(ids("sort_by=email&sort_type=ASC&per_page=2") == "29: 1 2");
    BOOST_TEST(ids("sort_by=city&sort_type=desc&search=shop.test&per_page=3") == "25: 125 122 119");
    // Not fillable (id, created_at, updated_at) or unknown: by id; any other sort_type: desc.
    BOOST_TEST(ids("sort_by=created_at&sort_type=asc&per_page=2") == "29: 1 2");
    BOOST_TEST(ids("sort_by=password&per_page=2") == "29: 125 124");
    BOOST_TEST(ids("sort_by=id;DROP&sort_type=sideways&per_page=2") == "29: 125 124");
}

BOOST_AUTO_TEST_CASE(per_page_and_page_edge_cases) {
    const auto shape = [&](const std::string& q) {
        const Reply r = get(q);
        BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
        const auto& c = r.json["customers"];
        return std::to_string(c["current_page"].GetInt64()) + "/" +
               std::to_string(c["per_page"].GetInt64()) + "/" +
               std::to_string(c["last_page"].GetInt64()) + "/" + std::to_string(c["data"].Size());
    };
    BOOST_TEST(shape("per_page=0") == "1/10/3/10");
    BOOST_TEST(shape("per_page=-1") == "1/10/3/10");
    BOOST_TEST(shape("per_page=1000") == "1/10/3/10");
    BOOST_TEST(shape("per_page=abc") == "1/10/3/10");
    BOOST_TEST(shape("per_page=5&page=abc") == "1/5/6/5");
    BOOST_TEST(shape("per_page=5&page=6") == "6/5/6/4");
    BOOST_TEST(shape("per_page=5&page=7") == "7/5/6/0");  // past the end: an empty page
    BOOST_TEST(shape("per_page=5&page=99999999999999999999") == "9223372036854775807/5/6/0");
    BOOST_TEST(shape("page[]=2&per_page[]=3") == "1/10/3/10");  // arrays are not numbers
}

BOOST_AUTO_TEST_CASE(with_relations_and_refusals) {
    const Reply r = get("search=alice&with[]=billing_address&with[]=orders");
    BOOST_REQUIRE(r.status == 200);
    const auto& alice = r.json["customers"]["data"][0];
    BOOST_TEST(alice["billing_address"].Size() == 1u);
    BOOST_TEST(std::string(alice["billing_address"][0]["type"].GetString()) == "billing");
    BOOST_TEST(alice["orders"].Size() == 2u);
    BOOST_TEST(alice["orders"][0]["id"].GetInt64() < alice["orders"][1]["id"].GetInt64());

    Reply bad = get("with[]=wpUser");
    BOOST_TEST(bad.status == 400);
    BOOST_TEST(std::string(bad.json["code"].GetString()) == "rest_invalid_param");
    bad = get("scopes[]=delete");
    BOOST_TEST(bad.status == 400);
    BOOST_TEST(ids("per_page=1") == "29: 125");  // nothing was deleted
}

BOOST_AUTO_TEST_CASE(orders_of_one_customer) {
    const auto orders = [&](const std::string& target) {
        const Reply r = app.get(target);
        BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
        std::string out = std::to_string(r.json["orders"]["total"].GetInt64()) + ":";
        for (const auto& o : r.json["orders"]["data"].GetArray())
            out += " " + std::to_string(o["customer_id"].GetInt64()) + "/" +
                   std::to_string(o["id"].GetInt64());
        return out;
    };
    const std::string base = "/wp-json/fluent-cart/v2/customers/";
    BOOST_TEST(orders(base + "2/orders") == "2: 2/6 2/3");
    BOOST_TEST(orders(base + "2/orders?search=INV-6") == "1: 2/6");
    BOOST_TEST(orders(base + "2/orders?search=INV-1") == "0:");  // another customer's order
    BOOST_TEST(orders(base + "999999/orders") == "0:");          // no existence check
}

BOOST_AUTO_TEST_CASE(statements_do_not_grow_with_the_page) {
    auto session = db::Session::create(DbWorld::get().db->connection(kDatabase));
    const CustomerListQueries queries("wp_");
    const CustomerRelationQueries relation_queries("wp_");
    auto repo = make_mariadb_customer_list_repository(*session, queries);
    const auto count = [&](std::int64_t per_page, std::vector<CustomerRelation> relations) {
        CustomerListQuery q;
        q.page.per_page = per_page;
        const auto before = session->statements_run();
        auto page = repo->list(q);
        BOOST_REQUIRE(page.has_value());
        std::vector<std::int64_t> ids;
        for (const auto& c : page->customers) ids.push_back(std::stoll(*c.customer[0]));
        BOOST_REQUIRE(load_customer_relations(*session, relation_queries, ids, relations));
        return session->statements_run() - before;
    };
    using R = CustomerRelation;
    const std::vector<R> all = {R::kShippingAddress,
                                R::kBillingAddress,
                                R::kPrimaryShippingAddress,
                                R::kPrimaryBillingAddress,
                                R::kLabels,
                                R::kSubscriptions,
                                R::kOrders};
    BOOST_TEST(count(2, {}) == 2u);
    BOOST_TEST(count(199, {}) == 2u);
    BOOST_TEST(count(2, all) == 6u);  // the four address relations share one statement
    BOOST_TEST(count(199, all) == 6u);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::plugins::fluent_cart
