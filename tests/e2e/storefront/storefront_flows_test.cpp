// storefront/v1 through nginx on the demo store (issue 6 acceptance): the Commerce Layer flow
// (PATCH orders by email, draft → pending, a token forcing its own customer), the token life
// cycle, cart association, the same-email race mixed with fluent-cart's create-and-change, and
// refusals that must change nothing.

#include <boost/test/unit_test.hpp>
#include <cartpress/json/rapidjson.hpp>
#include <string>
#include <vector>

#include "e2e/e2e_world.hpp"
#include "e2e/fluent_cart/served_store.hpp"
#include "support/http_client.hpp"

namespace cartpress::test {
namespace {

constexpr const char* kShopperEmail = "erin@example.com";
constexpr const char* kShopperPassword = "ErinPass123!";
constexpr const char* kCart = "c4d1f0e2a7b94c3e8f6a5d2b1c0e9f87";
// The demo store's draft orders 7, 8 and 9.
constexpr const char* kDraft7 = "d7a1c0de5e1f4a2b8c3d4e5f6a7b8c91";
constexpr const char* kDraft8 = "d7a1c0de5e1f4a2b8c3d4e5f6a7b8c92";
constexpr const char* kDraft9 = "d7a1c0de5e1f4a2b8c3d4e5f6a7b8c93";

enum class Caller { kAnonymous, kAdmin };

class Storefront : public ServedStore {
public:
    explicit Storefront(const std::string& database, int hosts = 1)
        : ServedStore(database, hosts, Data::kDemo) {}

    static HttpRequest request(const std::string& method, const std::string& path,
                               const std::string& body = "", Caller caller = Caller::kAnonymous,
                               const std::string& token = "") {
        HttpRequest r;
        r.method = method;
        r.target = "/wp-json/storefront/v1/" + path;
        if (caller == Caller::kAdmin) {
            r.with_basic_auth("admin", E2eWorld::get().creds.admin_app_password);
        }
        if (!token.empty()) r.with_header("X-Customer-Token", token);
        if (!body.empty()) r.with_json(body);
        return r;
    }

    HttpResponse call(const std::string& method, const std::string& path,
                      const std::string& body = "", Caller caller = Caller::kAnonymous,
                      const std::string& token = "") const {
        return send_request(request(method, path, body, caller, token));
    }

    std::string login(const std::string& email, const std::string& password) const {
        const auto r = call("POST", "customers/tokens",
                            R"({"email":")" + email + R"(","password":")" + password + R"("})");
        BOOST_REQUIRE_MESSAGE(r.status == 201, r.body);
        json::Document d;
        d.Parse(r.body.c_str());
        BOOST_REQUIRE(d.IsObject() && d.HasMember("token"));
        return d["token"].GetString();
    }
};

json::Document parse(const HttpResponse& r) {
    json::Document d;
    d.Parse(r.body.c_str());
    BOOST_REQUIRE_MESSAGE(!d.HasParseError(), r.body);
    return d;
}

std::string code_of(const HttpResponse& r) {
    const auto d = parse(r);
    return d.IsObject() && d.HasMember("code") && d["code"].IsString() ? d["code"].GetString() : "";
}

std::vector<std::string> keys_of(const json::Value& o) {
    std::vector<std::string> keys;
    for (const auto& m : o.GetObject()) keys.emplace_back(m.name.GetString());
    return keys;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(e2e)
BOOST_AUTO_TEST_SUITE(storefront_flows)

// Commerce Layer: a draft order gets a customer by email; the same email in other case and
// spacing finds the same customer; a customer token with an empty body attaches its own.
BOOST_AUTO_TEST_CASE(commerce_layer_flow) {
    Storefront store("cp_sf_cl");
    const auto first = store.call("PATCH", std::string("orders/") + kDraft7,
                                  R"({"customer_email":"Pat@Example.com ","unknown":1})");
    BOOST_TEST_REQUIRE(first.status == 200, first.body);
    const auto d1 = parse(first);
    BOOST_TEST(std::string(d1["status"].GetString()) == "pending");
    BOOST_TEST(std::string(d1["customer_email"].GetString()) == "pat@example.com");
    BOOST_TEST(!d1.HasMember("customer_id"));  // anonymous: never reveals the customer
    BOOST_TEST(!d1.HasMember("guest"));
    BOOST_TEST(store.value(
                   "SELECT COUNT(*) FROM wp_fct_customers WHERE email = 'pat@example.com'") == "1");
    const std::string pat =
        store.value("SELECT id FROM wp_fct_customers WHERE email = 'pat@example.com'");
    BOOST_TEST(
        store.value("SELECT CONCAT(customer_id, ':', status) FROM wp_fct_orders WHERE id = 7") ==
        pat + ":pending");
    BOOST_TEST(store.value("SELECT CONCAT_WS(',', user_id, status, first_name, purchase_count) "
                           "FROM wp_fct_customers WHERE id = " +
                           pat) == "active,,0");

    const auto second = store.call("PATCH", std::string("orders/") + kDraft8,
                                   R"({"customer_email":"  PAT@example.COM"})");
    BOOST_TEST_REQUIRE(second.status == 200, second.body);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customers WHERE email LIKE 'pat@%'") ==
               "1");
    BOOST_TEST(store.value("SELECT customer_id FROM wp_fct_orders WHERE id = 8") == pat);
    // Both answers have the same keys: whether the email existed does not show.
    BOOST_TEST(keys_of(d1) == keys_of(parse(second)));

    const std::string token = store.login(kShopperEmail, kShopperPassword);
    const auto third =
        store.call("PATCH", std::string("orders/") + kDraft9, "", Caller::kAnonymous, token);
    BOOST_TEST_REQUIRE(third.status == 200, third.body);
    const auto d3 = parse(third);
    BOOST_TEST(d3["customer_id"].GetInt64() == 5);
    BOOST_TEST(d3["guest"].GetBool() == false);
    BOOST_TEST(
        store.value("SELECT CONCAT(customer_id, ':', status) FROM wp_fct_orders WHERE id = 9") ==
        "5:pending");
    // The activity rows of §9.5: no acting user for shoppers.
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_activity WHERE module_id IN (7, 8, 9) AND "
                           "user_id IS NULL AND created_by = 'FCT-BOT' AND title = "
                           "'Customer changed'") == "3");
    // The order now belongs to an account: nobody else may take it, not even by uuid.
    const auto taken = store.call("PATCH", std::string("orders/") + kDraft9,
                                  R"({"customer_email":"pat@example.com"})");
    BOOST_TEST(taken.status == 403);
    BOOST_TEST(code_of(taken) == "storefront_order_owned");
    BOOST_TEST(store.value("SELECT customer_id FROM wp_fct_orders WHERE id = 9") == "5");
}

// The §7 table's refusals: anonymous callers only by uuid, shoppers only on draft/pending,
// staff needs orders/manage; argument errors first; nothing changes.
BOOST_AUTO_TEST_CASE(order_refusals_change_nothing) {
    Storefront store("cp_sf_refuse");
    const auto checksum = [&] {
        return store.value("CHECKSUM TABLE wp_fct_orders, wp_fct_customers, wp_fct_activity");
    };
    const std::string before = checksum();
    struct Case {
        std::string target;
        std::string body;
        Caller caller;
        int status;
        std::string code;
    };
    const std::string huge(300, 'a');
    const std::vector<Case> cases = {
        {"orders/7", R"({"customer_email":"x@example.com"})", Caller::kAnonymous, 404,
         "storefront_order_not_found"},
        {"orders/73d29e95efe312a2743e219b8ab5754b", R"({"customer_email":"x@example.com"})",
         Caller::kAnonymous, 409, "storefront_order_not_editable"},
        {"orders/ffffffffffffffffffffffffffffffff", R"({"customer_email":"x@example.com"})",
         Caller::kAnonymous, 404, "storefront_order_not_found"},
        {std::string("orders/") + kDraft7, "{}", Caller::kAnonymous, 400,
         "rest_missing_callback_param"},
        {std::string("orders/") + kDraft7, R"({"customer_email":42})", Caller::kAnonymous, 400,
         "rest_invalid_param"},
        {std::string("orders/") + kDraft7, R"({"customer_email":"not-an-email"})",
         Caller::kAnonymous, 400, "rest_invalid_param"},
        {std::string("orders/") + kDraft7, R"({"customer_email":")" + huge + R"(@example.com"})",
         Caller::kAnonymous, 400, "rest_invalid_param"},
        {std::string("orders/") + kDraft7, "{\"customer_email\":\"a\xff@example.com\"}",
         Caller::kAnonymous, 400, ""},
        {"orders/999", R"({"customer_email":"x@example.com"})", Caller::kAdmin, 404,
         "storefront_order_not_found"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.target << " " << c.body.substr(0, 60)) {
            const auto r = store.call("PATCH", c.target, c.body, c.caller);
            BOOST_TEST(r.status == c.status, r.body);
            if (!c.code.empty()) BOOST_TEST(code_of(r) == c.code);
        }
    }
    BOOST_TEST(checksum() == before);
    // Staff may change any status, by id.
    const auto staff =
        store.call("PATCH", "orders/1", R"({"customer_email":"bob@example.com"})", Caller::kAdmin);
    BOOST_TEST_REQUIRE(staff.status == 200, staff.body);
    BOOST_TEST(parse(staff)["customer_id"].GetInt64() == 2);
    BOOST_TEST(
        store.value("SELECT CONCAT(customer_id, ':', status) FROM wp_fct_orders WHERE id = 1") ==
        "2:completed");
    BOOST_TEST(store.value("SELECT created_by FROM wp_fct_activity WHERE module_id = 1 ORDER BY id "
                           "DESC LIMIT 1") == "admin");
}

// Tokens: login, me, refresh (the old token dies at once), logout, staff revoke, password
// change; wrong passwords are throttled; no hash is ever in an answer.
BOOST_AUTO_TEST_CASE(token_life_cycle) {
    Storefront store("cp_sf_tokens");
    std::string answers;
    const auto me = [&](const std::string& token) {
        const auto r = store.call("GET", "me", "", Caller::kAnonymous, token);
        answers += r.body;
        return r;
    };
    const std::string t1 = store.login(" Erin@Example.COM ", kShopperPassword);
    const auto read = me(t1);
    BOOST_TEST_REQUIRE(read.status == 200, read.body);
    const auto d = parse(read);
    BOOST_TEST(d["id"].GetInt64() == 5);
    BOOST_TEST(d["password"].GetBool() == true);
    BOOST_TEST(!d.HasMember("user_id"));  // staff-only keys
    BOOST_TEST(!d.HasMember("notes"));

    const auto refreshed =
        store.call("POST", "customers/tokens/refresh", "", Caller::kAnonymous, t1);
    BOOST_TEST_REQUIRE(refreshed.status == 201, refreshed.body);
    const std::string t2 = parse(refreshed)["token"].GetString();
    BOOST_TEST(code_of(me(t1)) == "storefront_invalid_customer_token");
    BOOST_TEST(me(t2).status == 200);

    const auto out = store.call("DELETE", "customers/tokens/current", "", Caller::kAnonymous, t2);
    BOOST_TEST(out.status == 204);
    BOOST_TEST(me(t2).status == 401);

    const std::string t3 = store.login(kShopperEmail, kShopperPassword);
    // Revoking is staff work: a customer token is refused (403), nobody at all gets 401.
    BOOST_TEST(store.call("DELETE", "customers/5/tokens", "", Caller::kAnonymous, t3).status ==
               403);
    BOOST_TEST(store.call("DELETE", "customers/5/tokens").status == 401);
    BOOST_TEST(store.call("DELETE", "customers/5/tokens", "", Caller::kAdmin).status == 204);
    BOOST_TEST(me(t3).status == 401);
    BOOST_TEST(store.call("DELETE", "customers/999/tokens", "", Caller::kAdmin).status == 404);

    // A password change needs the current one, keeps the caller's token, ends the others.
    const std::string t4 = store.login(kShopperEmail, kShopperPassword);
    const std::string t5 = store.login(kShopperEmail, kShopperPassword);
    const auto no_current =
        store.call("PATCH", "me", R"({"password":"NewPass456!"})", Caller::kAnonymous, t4);
    BOOST_TEST(code_of(no_current) == "storefront_current_password_required");
    const auto wrong_current =
        store.call("PATCH", "me", R"({"password":"NewPass456!","current_password":"nope"})",
                   Caller::kAnonymous, t4);
    BOOST_TEST(code_of(wrong_current) == "storefront_incorrect_password");
    const auto changed =
        store.call("PATCH", "me", R"({"password":"NewPass456!","current_password":"ErinPass123!"})",
                   Caller::kAnonymous, t4);
    BOOST_TEST_REQUIRE(changed.status == 200, changed.body);
    answers += changed.body;
    BOOST_TEST(me(t4).status == 200);
    BOOST_TEST(me(t5).status == 401);
    BOOST_TEST(store
                   .call("POST", "customers/tokens",
                         R"({"email":"erin@example.com","password":"ErinPass123!"})")
                   .status == 401);
    store.login(kShopperEmail, "NewPass456!");

    // Five failures for one email from one address, then even the right password waits.
    for (int i = 0; i < 5; ++i) {
        const auto r = store.call("POST", "customers/tokens",
                                  R"({"email":"erin@example.com","password":"wrong"})");
        BOOST_TEST(code_of(r) == "storefront_invalid_credentials");
    }
    const auto throttled = store.call("POST", "customers/tokens",
                                      R"({"email":"erin@example.com","password":"NewPass456!"})");
    BOOST_TEST(throttled.status == 429);
    BOOST_TEST(code_of(throttled) == "storefront_too_many_attempts");
    const int retry =
        std::stoi(throttled.header("Retry-After").empty() ? "0" : throttled.header("Retry-After"));
    BOOST_TEST(retry > 0);
    BOOST_TEST(retry <= 900);
    // Unknown email and wrong password answer alike.
    const auto unknown = store.call("POST", "customers/tokens",
                                    R"({"email":"nobody@example.com","password":"whatever1"})");
    BOOST_TEST(unknown.status == 401);
    BOOST_TEST(code_of(unknown) == "storefront_invalid_credentials");

    const std::string hash = store.value("SELECT user_pass FROM wp_users WHERE ID = 3");
    BOOST_TEST(hash.rfind("$wp$", 0) == 0u);
    BOOST_TEST(answers.find(hash) == std::string::npos);
    BOOST_TEST(answers.find("$wp$") == std::string::npos);
    BOOST_TEST(answers.find("$P$") == std::string::npos);
    BOOST_TEST(store.logs().find(hash) == std::string::npos);
    BOOST_TEST(store.logs().find("NewPass456!") == std::string::npos);
}

// Elastic Path's cart association: 200 the first time, 204 after; refusals in §12.1's order.
BOOST_AUTO_TEST_CASE(cart_association) {
    Storefront store("cp_sf_cart");
    const std::string token = store.login(kShopperEmail, kShopperPassword);
    const std::string path = std::string("carts/") + kCart + "/relationships/customers";
    const std::string body = R"({"data":[{"type":"customer","id":"5"}]})";
    const auto cart = [&] {
        return store.value(
            "SELECT CONCAT_WS(',', customer_id, user_id, email) FROM wp_fct_carts "
            "WHERE cart_hash = '" +
            std::string(kCart) + "'");
    };
    const std::string before = cart();
    BOOST_TEST(store
                   .call("POST", path, R"({"data":[{"type":"order","id":"5"}]})",
                         Caller::kAnonymous, token)
                   .status == 400);
    BOOST_TEST(store
                   .call("POST", path, R"({"data":[{"type":"customer","id":"6"}]})",
                         Caller::kAnonymous, token)
                   .status == 403);
    BOOST_TEST(store.call("POST", path, body).status == 401);
    BOOST_TEST(store.call("POST", path, body, Caller::kAnonymous, "cpt1.5.1.x.y").status == 401);
    BOOST_TEST(
        store.call("POST", "carts/nope/relationships/customers", body, Caller::kAnonymous, token)
            .status == 404);
    BOOST_TEST(cart() == before);

    const auto first = store.call("POST", path, body, Caller::kAnonymous, token);
    BOOST_TEST_REQUIRE(first.status == 200, first.body);
    BOOST_TEST(first.body == body);
    BOOST_TEST(cart() == "5,3,erin@example.com");
    const auto again = store.call("POST", path, R"({"data":[{"type":"customer","id":5}]})",
                                  Caller::kAnonymous, token);
    BOOST_TEST(again.status == 204);
    BOOST_TEST(again.body.empty());

    // Another shopper cannot take it; staff can move it.
    store.exec(
        "UPDATE wp_users SET user_pass = (SELECT user_pass FROM (SELECT user_pass FROM "
        "wp_users WHERE ID = 3) x) WHERE ID = 2");
    store.exec("UPDATE wp_fct_customers SET user_id = 2 WHERE id = 6");
    const std::string other = store.login("gina.guest@example.com", kShopperPassword);
    const auto owned = store.call("POST", path, R"({"data":[{"type":"customer","id":"6"}]})",
                                  Caller::kAnonymous, other);
    BOOST_TEST(owned.status == 409);
    BOOST_TEST(code_of(owned) == "storefront_cart_owned");
    BOOST_TEST(cart() == "5,3,erin@example.com");
    BOOST_TEST(
        store.call("POST", path, R"({"data":[{"type":"customer","id":"6"}]})", Caller::kAdmin)
            .status == 200);
    BOOST_TEST(cart() == "6,2,gina.guest@example.com");

    const auto cleared = store.call("DELETE", path, R"({"data":[{"type":"customer","id":"6"}]})",
                                    Caller::kAnonymous, other);
    BOOST_TEST(cleared.status == 204);
    BOOST_TEST(cart().empty());
    store.exec("UPDATE wp_fct_carts SET stage = 'completed' WHERE cart_hash = '" +
               std::string(kCart) + "'");
    BOOST_TEST(code_of(store.call("POST", path, body, Caller::kAnonymous, token)) ==
               "storefront_cart_completed");
}

// 64 PATCH orders on different drafts with one new email in case and space variants, through
// two host processes, mixed with fluent-cart create-and-change-customer for the same email:
// exactly one customer, every order on it or refused as a loser.
BOOST_AUTO_TEST_CASE(one_email_from_both_plugins_makes_one_customer) {
    Storefront store("cp_sf_race", 2);
    constexpr int kPatches = 64;
    constexpr int kCreates = 8;
    std::string values;
    for (int i = 0; i < kPatches + kCreates; ++i) {
        values += std::string(i ? ", " : "") + "(" + std::to_string(200 + i) +
                  ", 'draft', '', '', 'race-order-" + std::to_string(200 + i) +
                  "', 'USD', NOW(), NOW())";
    }
    store.exec(
        "INSERT INTO wp_fct_orders (id, status, payment_method, payment_method_title, uuid, "
        "currency, created_at, updated_at) "
        "VALUES " +
        values);
    // The uuid column is 32 hex in real stores; these orders are addressed by staff, by id.
    static const char* kVariants[] = {"Race@Example.com", "race@example.com", " RACE@EXAMPLE.COM ",
                                      "rAcE@example.COM"};
    std::vector<HttpRequest> requests;
    for (int i = 0; i < kPatches; ++i) {
        requests.push_back(Storefront::request(
            "PATCH", "orders/" + std::to_string(200 + i),
            R"({"customer_email":")" + std::string(kVariants[i % 4]) + R"("})", Caller::kAdmin));
    }
    for (int i = 0; i < kCreates; ++i) {
        HttpRequest r;
        r.method = "POST";
        r.target = "/wp-json/fluent-cart/v2/orders/" + std::to_string(200 + kPatches + i) +
                   "/create-and-change-customer";
        r.with_basic_auth("admin", E2eWorld::get().creds.admin_app_password);
        r.with_json(R"({"email":"Race@Example.com","full_name":"Race Example"})");
        requests.insert(requests.begin() + i * 8, std::move(r));
    }
    const auto responses = store.send_all_requests(requests);
    int patched = 0;
    int created = 0;
    for (std::size_t i = 0; i < responses.size(); ++i) {
        const bool fluent = requests[i].target.find("fluent-cart") != std::string::npos;
        BOOST_TEST_CONTEXT(requests[i].target << " " << responses[i].body.substr(0, 120)) {
            if (fluent) {
                BOOST_TEST((responses[i].status == 200 || responses[i].status == 422));
                created += responses[i].status == 200;
            } else {
                BOOST_TEST(responses[i].status == 200);
                patched += responses[i].status == 200;
            }
        }
    }
    BOOST_TEST(patched == kPatches);
    BOOST_TEST(created <= 1);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customers WHERE LOWER(TRIM(email)) = "
                           "'race@example.com'") == "1");
    const std::string id = store.value(
        "SELECT id FROM wp_fct_customers WHERE LOWER(TRIM(email)) = 'race@example.com'");
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_orders WHERE id BETWEEN 200 AND 263 AND "
                           "customer_id = " +
                           id + " AND status = 'pending'") == std::to_string(kPatches));
}

// Staff turn a guest into an account; the shopper reads its history (drafts left out, newest
// first, paging headers) and one order in detail, but never another customer's.
BOOST_AUTO_TEST_CASE(order_history_and_detail) {
    Storefront store("cp_sf_history");
    const auto account =
        store.call("PATCH", "customers/1", R"({"password":"AlicePass123!"})", Caller::kAdmin);
    BOOST_TEST_REQUIRE(account.status == 200, account.body);
    BOOST_TEST(parse(account)["password"].GetBool() == true);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_users u JOIN wp_fct_customers c ON c.user_id "
                           "= u.ID WHERE c.id = 1 AND u.user_email = 'alice@example.com'") == "1");
    store.exec("UPDATE wp_fct_orders SET customer_id = 1 WHERE id = 7");  // a draft of Alice
    const std::string token = store.login("alice@example.com", "AlicePass123!");

    const auto page1 = store.call("GET", "me/orders?per_page=1", "", Caller::kAnonymous, token);
    BOOST_TEST_REQUIRE(page1.status == 200, page1.body);
    BOOST_TEST(page1.header("X-WP-Total") == "2");  // orders 1 and 2; the draft is left out
    BOOST_TEST(page1.header("X-WP-TotalPages") == "2");
    BOOST_TEST(page1.header("Link").find("page=2>; rel=\"next\"") != std::string::npos,
               page1.header("Link"));
    const auto list = parse(page1);
    BOOST_TEST_REQUIRE(list.IsArray());
    BOOST_TEST_REQUIRE(list.Size() == 1u);
    BOOST_TEST(list[0]["id"].GetInt64() == 2);  // newest first
    BOOST_TEST(code_of(store.call("GET", "me/orders?per_page=1&page=3", "", Caller::kAnonymous,
                                  token)) == "storefront_invalid_page_number");
    BOOST_TEST(store.call("GET", "me/orders?per_page=0", "", Caller::kAnonymous, token).status ==
               400);
    const auto completed =
        parse(store.call("GET", "me/orders?status=processing", "", Caller::kAnonymous, token));
    BOOST_TEST(completed.Size() == 0u);

    const auto detail = store.call("GET", "me/orders/1", "", Caller::kAnonymous, token);
    BOOST_TEST_REQUIRE(detail.status == 200, detail.body);
    const auto d = parse(detail);
    BOOST_TEST(d["discount_total"].GetInt64() == 0);
    BOOST_TEST(
        d["items"].Size() ==
        std::stoul(store.value("SELECT COUNT(*) FROM wp_fct_order_items WHERE order_id = 1")));
    BOOST_TEST(std::string(d["billing_address"]["email"].GetString()) == "alice@example.com");
    BOOST_TEST(d["payments"].Size() ==
               std::stoul(store.value(
                   "SELECT COUNT(*) FROM wp_fct_order_transactions WHERE order_id = 1")));
    for (const char* hidden : {"note", "ip_address", "config", "activities", "labels"}) {
        BOOST_TEST(!d.HasMember(hidden), hidden);
    }
    // Another customer's order, a draft, and someone else's history.
    BOOST_TEST(code_of(store.call("GET", "me/orders/3", "", Caller::kAnonymous, token)) ==
               "storefront_order_not_found");
    BOOST_TEST(code_of(store.call("GET", "me/orders/7", "", Caller::kAnonymous, token)) ==
               "storefront_order_not_found");
    BOOST_TEST(code_of(store.call("GET", "customers/2/orders", "", Caller::kAnonymous, token)) ==
               "storefront_customer_mismatch");
    BOOST_TEST(store.call("GET", "customers/2/orders", "", Caller::kAdmin).status == 200);
}

// DELETE: without orders the customer and its rows go; with orders it is anonymised; a user
// Cartpress made with the default role goes with it, any other user is only unlinked.
BOOST_AUTO_TEST_CASE(delete_and_anonymise) {
    Storefront store("cp_sf_delete");
    const auto created = store.call(
        "POST", "customers",
        R"({"email":"gone@example.com","first_name":"Gone","password":"GonePass123!","custom_fields":{"size":1}})",
        Caller::kAdmin);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const std::string id = std::to_string(parse(created)["id"].GetInt64());
    const std::string user = store.value("SELECT user_id FROM wp_fct_customers WHERE id = " + id);
    const std::string token = store.login("gone@example.com", "GonePass123!");
    BOOST_TEST(store.call("DELETE", "customers/1", "", Caller::kAnonymous, token).status == 403);
    const auto gone = store.call("DELETE", "me", "", Caller::kAnonymous, token);
    BOOST_TEST_REQUIRE(gone.status == 200, gone.body);
    const auto g = parse(gone);
    BOOST_TEST(g["deleted"].GetBool() == true);
    BOOST_TEST(g["anonymized"].GetBool() == false);
    BOOST_TEST(std::string(g["previous"]["email"].GetString()) == "gone@example.com");
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customers WHERE id = " + id) == "0");
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customer_meta WHERE customer_id = " + id) ==
               "0");
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_users WHERE ID = " + user) == "0");
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_usermeta WHERE user_id = " + user) == "0");
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_cartpress_customer_tokens WHERE customer_id "
                           "= " +
                           id) == "0");
    BOOST_TEST(store.call("GET", "me", "", Caller::kAnonymous, token).status == 401);

    // Erin has an order now: anonymised, and her user (made by Cartpress, a subscriber) deleted.
    store.exec("UPDATE wp_fct_orders SET customer_id = 5 WHERE id = 8");
    const auto anonymised = store.call("DELETE", "customers/5", "", Caller::kAdmin);
    BOOST_TEST_REQUIRE(anonymised.status == 200, anonymised.body);
    BOOST_TEST(parse(anonymised)["anonymized"].GetBool() == true);
    BOOST_TEST(store.value("SELECT CONCAT_WS(',', email, first_name, status, user_id IS NULL) "
                           "FROM wp_fct_customers WHERE id = 5") ==
               "anonymized-5f3c2a1e9d8b7c6a5f4e3d2c1b0a9f8e@invalid,,inactive,1");
    BOOST_TEST(store.value("SELECT customer_id FROM wp_fct_orders WHERE id = 8") == "5");
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_users WHERE ID = 3") == "0");
    // A customer linked to a user Cartpress did not make keeps that user.
    store.exec("UPDATE wp_fct_customers SET user_id = 2 WHERE id = 4");
    BOOST_TEST(store.call("DELETE", "customers/4", "", Caller::kAdmin).status == 200);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_users WHERE ID = 2") == "1");
    BOOST_TEST(store.call("DELETE", "customers/4", "", Caller::kAnonymous).status == 401);
    BOOST_TEST(code_of(store.call("DELETE", "customers/999", "", Caller::kAdmin)) ==
               "storefront_customer_not_found");
}

// Elastic Path: sign up with a password, log in, read me, add 30 addresses (no fixed limit),
// list orders, associate the cart (200, then 204), delete the account by its own token.
BOOST_AUTO_TEST_CASE(elastic_path_flow) {
    Storefront store("cp_sf_ep");
    const std::string signup =
        R"({"email":"Shopper@Example.com","full_name":"Sam Shopper","password":"SamPass123!"})";
    BOOST_TEST(store.call("POST", "customers", signup).status == 401);  // registration is closed
    store.exec("UPDATE wp_options SET option_value = '1' WHERE option_name = 'users_can_register'");
    const auto created = store.call("POST", "customers", signup);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const auto c = parse(created);
    const std::int64_t id = c["id"].GetInt64();
    BOOST_TEST(std::string(c["email"].GetString()) == "shopper@example.com");
    BOOST_TEST(std::string(c["last_name"].GetString()) == "Shopper");
    BOOST_TEST(!c.HasMember("user_id"));
    BOOST_TEST(created.header("Location").find("/storefront/v1/customers/" + std::to_string(id)) !=
               std::string::npos);
    BOOST_TEST(store.value("SELECT CONCAT_WS(',', u.user_login, m.meta_value) FROM wp_users u JOIN "
                           "wp_usermeta m ON m.user_id = u.ID AND m.meta_key = 'cartpress_created' "
                           "WHERE u.user_email = 'shopper@example.com'") == "shopper,1");
    BOOST_TEST(code_of(store.call("POST", "customers", signup)) == "storefront_customer_exists");

    const std::string token = store.login("shopper@example.com", "SamPass123!");
    BOOST_TEST(parse(store.call("GET", "me", "", Caller::kAnonymous, token))["id"].GetInt64() ==
               id);
    for (int i = 0; i < 30; ++i) {
        const auto r = store.call(
            "POST", "me/addresses",
            R"({"type":")" + std::string(i % 2 ? "shipping" : "billing") +
                R"(","name":"Sam Shopper","address_1":")" + std::to_string(i + 1) +
                R"( Main St","city":"Springfield","country":"US","company_name":"Sam & Co"})",
            Caller::kAnonymous, token);
        BOOST_TEST_REQUIRE(r.status == 201, r.body);
    }
    const auto book = store.call("GET", "me/addresses?per_page=100", "", Caller::kAnonymous, token);
    BOOST_TEST(book.header("X-WP-Total") == "30");
    const auto addresses = parse(book);
    BOOST_TEST(addresses.Size() == 30u);
    int primaries = 0;
    for (const auto& a : addresses.GetArray()) primaries += a["is_primary"].GetBool() ? 1 : 0;
    BOOST_TEST(primaries == 2);  // the first billing and the first shipping address
    BOOST_TEST(std::string(addresses[0]["company_name"].GetString()) == "Sam & Co");

    const auto orders = store.call("GET", "me/orders", "", Caller::kAnonymous, token);
    BOOST_TEST(orders.status == 200);
    BOOST_TEST(orders.body == "[]");
    BOOST_TEST(orders.header("X-WP-Total") == "0");

    const std::string cart = std::string("carts/") + kCart + "/relationships/customers";
    const std::string link =
        R"({"data":[{"type":"customer","id":")" + std::to_string(id) + R"("}]})";
    BOOST_TEST(store.call("POST", cart, link, Caller::kAnonymous, token).status == 200);
    BOOST_TEST(store.call("POST", cart, link, Caller::kAnonymous, token).status == 204);

    const auto gone = store.call("DELETE", "me", "", Caller::kAnonymous, token);
    BOOST_TEST_REQUIRE(gone.status == 200, gone.body);
    BOOST_TEST(parse(gone)["anonymized"].GetBool() == false);
    const std::string sid = std::to_string(id);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customers WHERE id = " + sid) == "0");
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customer_addresses WHERE customer_id = " +
                           sid) == "0");
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_users WHERE user_email = "
                           "'shopper@example.com'") == "0");
    BOOST_TEST(store.value("SELECT customer_id IS NULL FROM wp_fct_carts WHERE cart_hash = '" +
                           std::string(kCart) + "'") == "1");
    BOOST_TEST(store.call("GET", "me", "", Caller::kAnonymous, token).status == 401);
}

// IDOR: customer A's token on customer B's objects, on every route that names one, is refused
// and changes nothing (table checksums before and after).
BOOST_AUTO_TEST_CASE(another_customers_objects_are_refused) {
    Storefront store("cp_sf_idor");
    // B = Alice (customer 1) with an account, a draft order, a cart; A = Erin (customer 5).
    BOOST_TEST_REQUIRE(
        store.call("PATCH", "customers/1", R"({"password":"AlicePass123!"})", Caller::kAdmin)
            .status == 200);
    store.exec("UPDATE wp_fct_orders SET customer_id = 1 WHERE id = 7");
    store.exec("UPDATE wp_fct_carts SET customer_id = 1 WHERE cart_hash = '" + std::string(kCart) +
               "'");
    const std::string b_token = store.login("alice@example.com", "AlicePass123!");
    const std::string a = store.login(kShopperEmail, kShopperPassword);
    const auto subscribed =
        store.call("POST", "customer_subscriptions", R"({"reference":"Newsletter"})",
                   Caller::kAnonymous, b_token);
    BOOST_TEST_REQUIRE(subscribed.status == 201, subscribed.body);
    const std::string alice_subscription = std::to_string(parse(subscribed)["id"].GetInt64());
    const auto checksum = [&] {
        return store.value(
                   "CHECKSUM TABLE wp_fct_customers, wp_fct_orders, wp_fct_customer_addresses, "
                   "wp_fct_carts, wp_fct_customer_meta, wp_users, wp_usermeta, wp_fct_activity, "
                   "wp_fct_subscriptions") +
               store.value(
                   "SELECT GROUP_CONCAT(id, revoked_at IS NULL) FROM "
                   "wp_cartpress_customer_tokens WHERE customer_id = 1");
    };
    const std::string before = checksum();
    const std::string cart = std::string("carts/") + kCart + "/relationships/customers";
    struct Case {
        std::string method;
        std::string path;
        std::string body;
        int status;
    };
    const std::vector<Case> cases = {
        {"GET", "customers/1", "", 403},
        {"PATCH", "customers/1", R"({"first_name":"Mallory"})", 403},
        {"PUT", "customers/1", R"({"email":"mallory@example.com"})", 403},
        {"DELETE", "customers/1", "", 403},
        {"GET", "customers/1/orders", "", 403},
        {"DELETE", "customers/1/tokens", "", 403},
        {"GET", "customers/1/addresses", "", 403},
        {"POST", "customers/1/addresses",
         R"({"type":"billing","name":"M","address_1":"x","city":"y","country":"US"})", 403},
        {"GET", "customers/1/addresses/1", "", 403},
        {"PATCH", "customers/1/addresses/1", R"({"city":"Nowhere"})", 403},
        {"DELETE", "customers/1/addresses/1", "", 403},
        {"GET", "me/addresses/1", "", 404},
        {"PATCH", "me/addresses/1", R"({"city":"Nowhere"})", 404},
        {"POST", "me/addresses/2", R"({"city":"Nowhere"})", 404},
        {"DELETE", "me/addresses/2", "", 404},
        {"GET", "me/orders/1", "", 404},
        {"GET", "me/orders/7", "", 404},
        {"PATCH", "orders/7", "", 404},
        {"PATCH", std::string("orders/") + kDraft7, "", 403},
        {"PATCH", "orders/1", "", 404},
        {"POST", cart, R"({"data":[{"type":"customer","id":"1"}]})", 403},
        {"POST", cart, R"({"data":[{"type":"customer","id":"5"}]})", 409},
        {"DELETE", cart, R"({"data":[{"type":"customer","id":"1"}]})", 403},
        {"DELETE", cart, R"({"data":[{"type":"customer","id":"5"}]})", 409},
        {"DELETE", "customer_subscriptions/" + alice_subscription, "", 404},
        {"DELETE", "me/subscriptions/" + alice_subscription, "", 404},
        {"POST", "customer_subscriptions",
         R"({"customer_email":"alice@example.com","reference":"Newsletter"})", 403},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.method << " " << c.path << " " << c.body) {
            const auto r = store.call(c.method, c.path, c.body, Caller::kAnonymous, a);
            BOOST_TEST(r.status == c.status, r.body);
            BOOST_TEST(r.body.find("alice@example.com") == std::string::npos);
        }
    }
    BOOST_TEST(checksum() == before);
    BOOST_TEST(store.call("GET", "me", "", Caller::kAnonymous, b_token).status == 200);
}

// Newsletter subscriptions: keyed by email key and reference (case-insensitive), no customer
// row created, the customer filled in when one exists or is created later; anonymous answers
// hide the customer.
BOOST_AUTO_TEST_CASE(customer_subscriptions) {
    Storefront store("cp_sf_subs");
    const std::string customers_before = store.value("SELECT COUNT(*) FROM wp_fct_customers");
    const auto first =
        store.call("POST", "customer_subscriptions",
                   R"({"customer_email":"News.Reader@Example.com","reference":"Newsletter"})");
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    const auto f = parse(first);
    BOOST_TEST(!f.HasMember("customer_id"));
    BOOST_TEST(std::string(f["customer_email"].GetString()) == "news.reader@example.com");
    const auto again =
        store.call("POST", "customer_subscriptions",
                   R"({"customer_email":" news.reader@EXAMPLE.com","reference":"NEWSLETTER"})");
    BOOST_TEST(again.status == 200);
    BOOST_TEST(parse(again)["id"].GetInt64() == f["id"].GetInt64());
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customers") == customers_before);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_cartpress_customer_subscriptions") == "1");

    // A customer made later for that email takes the subscription over.
    BOOST_TEST(store
                   .call("PATCH", std::string("orders/") + kDraft7,
                         R"({"customer_email":"news.reader@example.com"})")
                   .status == 200);
    const std::string reader =
        store.value("SELECT id FROM wp_fct_customers WHERE email = 'news.reader@example.com'");
    const auto listed =
        parse(store.call("GET", "customer_subscriptions?customer_email=NEWS.reader@example.com", "",
                         Caller::kAdmin));
    BOOST_TEST_REQUIRE(listed.Size() == 1u);
    BOOST_TEST(std::to_string(listed[0]["customer_id"].GetInt64()) == reader);

    // A customer subscribes its own email (customer_email optional) and unsubscribes.
    const std::string token = store.login(kShopperEmail, kShopperPassword);
    const auto own = store.call("POST", "customer_subscriptions", R"({"reference":"Offers"})",
                                Caller::kAnonymous, token);
    BOOST_TEST_REQUIRE(own.status == 201, own.body);
    BOOST_TEST(parse(own)["customer_id"].GetInt64() == 5);
    const auto mine = parse(store.call("GET", "me/subscriptions", "", Caller::kAnonymous, token));
    BOOST_TEST(mine.Size() == 1u);
    const std::string own_id = std::to_string(parse(own)["id"].GetInt64());
    const auto removed =
        store.call("DELETE", "me/subscriptions/" + own_id, "", Caller::kAnonymous, token);
    BOOST_TEST(removed.status == 200);
    BOOST_TEST(parse(removed)["deleted"].GetBool() == true);

    // Refusals: missing or bad fields, anonymous listing and deleting.
    BOOST_TEST(
        store.call("POST", "customer_subscriptions", R"({"reference":"Newsletter"})").status ==
        400);
    BOOST_TEST(store.call("POST", "customer_subscriptions", R"({"customer_email":"a@example.com"})")
                   .status == 400);
    BOOST_TEST(store
                   .call("POST", "customer_subscriptions",
                         R"({"customer_email":"a@example.com","reference":""})")
                   .status == 400);
    BOOST_TEST(store
                   .call("POST", "customer_subscriptions",
                         R"({"customer_email":"a@example.com","reference":")" +
                             std::string(192, 'r') + R"("})")
                   .status == 400);
    BOOST_TEST(store.call("GET", "customer_subscriptions").status == 401);
    BOOST_TEST(store.call("DELETE", "customer_subscriptions/1").status == 401);
    BOOST_TEST(store.call("DELETE", "customer_subscriptions/1", "", Caller::kAdmin).status == 200);
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_cartpress_customer_subscriptions") == "0");
}

// Spec §9: earlier guest orders (no customer, billing address with the email) join an account
// when staff make it; a sign-up does not get them (that waits for e-mail verification).
BOOST_AUTO_TEST_CASE(staff_accounts_take_their_guest_orders) {
    Storefront store("cp_sf_orphans");
    store.exec(
        "INSERT INTO wp_fct_orders (id, status, payment_method, payment_method_title, "
        "payment_status, uuid, currency, total_paid, created_at, updated_at) VALUES "
        "(300, 'completed', '', '', 'paid', 'orphan-300', 'USD', 1500, '2025-08-01 10:00:00', "
        "NOW()), (301, 'completed', '', '', 'paid', 'orphan-301', 'USD', 900, '2025-08-02 "
        "10:00:00', NOW()), (302, 'completed', '', '', 'paid', 'orphan-302', 'USD', 700, "
        "'2025-08-03 10:00:00', NOW())");
    store.exec(
        "INSERT INTO wp_fct_order_addresses (order_id, type, name, meta) VALUES "
        "(300, 'billing', 'Olga', '{\"other_data\":{\"email\":\"Olga@Example.com\"}}'), "
        "(301, 'billing', 'Olga', '{\"other_data\":{\"email\":\" olga@example.com\"}}'), "
        "(302, 'shipping', 'Olga', '{\"other_data\":{\"email\":\"olga@example.com\"}}')");
    const auto created = store.call(
        "POST", "customers",
        R"({"email":"olga@example.com","full_name":"Olga Orphan","password":"OlgaPass123!"})",
        Caller::kAdmin);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const std::string id = std::to_string(parse(created)["id"].GetInt64());
    // 302 has only a shipping address with the email: not hers by §9's rule.
    BOOST_TEST(store.value("SELECT GROUP_CONCAT(id ORDER BY id) FROM wp_fct_orders WHERE "
                           "customer_id = " +
                           id) == "300,301");
    BOOST_TEST(store.value("SELECT CONCAT_WS(',', purchase_count, ltv) FROM wp_fct_customers "
                           "WHERE id = " +
                           id) == "2,2400");
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_activity WHERE module_id IN (300, 301) "
                           "AND user_id = 1 AND content = 'Customer changed from  to Olga "
                           "Orphan'") == "2");
    BOOST_TEST(store.value("SELECT status FROM wp_fct_orders WHERE id = 300") == "completed");

    // A sign-up with an orphan's email gets the account but not the orders.
    store.exec("UPDATE wp_options SET option_value = '1' WHERE option_name = 'users_can_register'");
    store.exec("UPDATE wp_fct_orders SET customer_id = NULL WHERE id = 300");
    store.exec(
        "UPDATE wp_fct_order_addresses SET meta = "
        "'{\"other_data\":{\"email\":\"mona@example.com\"}}' WHERE order_id = 300");
    const auto signup = store.call("POST", "customers",
                                   R"({"email":"mona@example.com","password":"MonaPass123!"})");
    BOOST_TEST_REQUIRE(signup.status == 201, signup.body);
    BOOST_TEST(store.value("SELECT customer_id IS NULL FROM wp_fct_orders WHERE id = 300") == "1");
}

// Bad input on every write route: wrong types, missing fields, huge strings, invalid UTF-8, a
// body that is no object → a 4xx JSON error and nothing written; unknown keys are ignored.
BOOST_AUTO_TEST_CASE(bad_input_changes_nothing) {
    Storefront store("cp_sf_bad");
    const std::string token = store.login(kShopperEmail, kShopperPassword);
    BOOST_TEST_REQUIRE(
        store
            .call("POST", "me/addresses",
                  R"({"type":"billing","name":"E","address_1":"1 A St","city":"X","country":"US"})",
                  Caller::kAnonymous, token)
            .status == 201);
    const std::string address =
        store.value("SELECT MAX(id) FROM wp_fct_customer_addresses WHERE customer_id = 5");
    // usermeta without _application_passwords: the admin's password records its last use
    // (WordPress's usage record), which is not the route's doing.
    const auto checksum = [&] {
        return store.value(
                   "CHECKSUM TABLE wp_fct_customers, wp_fct_orders, wp_fct_customer_addresses, "
                   "wp_fct_carts, wp_fct_customer_meta, wp_users, wp_fct_activity, "
                   "wp_cartpress_customer_subscriptions") +
               store.value(
                   "SELECT MD5(GROUP_CONCAT(umeta_id, meta_key, meta_value ORDER BY "
                   "umeta_id)) FROM wp_usermeta WHERE meta_key <> "
                   "'_application_passwords'");
    };
    const std::string before = checksum();
    const std::string huge(70000, 'x');
    const std::string bad_utf8 = "\"a\xff\xfe\"";
    struct Route {
        std::string method;
        std::string path;
        Caller caller;
        bool with_token;
        std::vector<std::string> bodies;
    };
    const std::string cart = std::string("carts/") + kCart + "/relationships/customers";
    const std::vector<Route> routes = {
        {"POST",
         "customers/tokens",
         Caller::kAnonymous,
         false,
         {"{}", R"({"email":1,"password":2})", R"({"email":"erin@example.com"})",
          R"({"email":")" + huge + R"(","password":"x"})", "[1,2]",
          "{\"email\":" + bad_utf8 + ",\"password\":\"x\"}"}},
        {"POST",
         "customers",
         Caller::kAdmin,
         false,
         {"{}", R"({"email":42})", R"({"email":"not-an-email"})",
          R"({"email":"a@example.com","first_name":")" + huge + R"("})",
          R"({"email":"a@example.com","first_name":"<script>"})",
          R"({"email":"a@example.com","password":"short"})",
          R"({"email":"a@example.com","country":"XX"})",
          R"({"email":"a@example.com","custom_fields":{"Bad Name":1}})",
          R"({"email":"a@example.com","custom_fields":[1]})", "[]",
          "{\"email\":" + bad_utf8 + "}"}},
        {"PATCH",
         "customers/5",
         Caller::kAdmin,
         false,
         {R"({"email":""})", R"({"status":"gone"})", R"({"first_name":["a"]})",
          R"({"postcode":")" + std::string(46, '1') + R"("})", R"({"user_id":"abc"})",
          R"({"email":"bob@example.com"})"}},
        {"PATCH",
         "me",
         Caller::kAnonymous,
         true,
         {R"({"status":"inactive"})", R"({"notes":"x"})", R"({"custom_fields":{"_vip":1}})",
          R"({"password":"NewPass123!"})",
          R"({"email":"x@example.com","current_password":"bad"})"}},
        {"PATCH",
         std::string("orders/") + kDraft7,
         Caller::kAnonymous,
         false,
         {"{}", R"({"customer_email":[]})", R"({"customer_email":"x"})",
          R"({"customer_email":")" + huge + R"(@example.com"})",
          "{\"customer_email\":" + bad_utf8 + "}"}},
        {"POST",
         "me/addresses",
         Caller::kAnonymous,
         true,
         {"{}", R"({"type":"home","name":"E","address_1":"1","city":"X","country":"US"})",
          R"({"type":"billing","name":"E","address_1":"1","city":"X","country":"ZZ"})",
          R"({"type":"billing","name":"","address_1":"1","city":"X","country":"US"})",
          R"({"type":"billing","name":"E","address_1":"1","city":"X","country":"US","is_primary":false})"}},
        {"PATCH",
         "me/addresses/" + address,
         Caller::kAnonymous,
         true,
         {R"({"type":"shipping"})", R"({"label":")" + std::string(51, 'l') + R"("})",
          R"({"city":12})"}},
        {"POST",
         cart,
         Caller::kAnonymous,
         true,
         {"{}", R"({"data":[]})", R"({"data":[{"type":"order","id":"5"}]})",
          R"({"data":[{"type":"customer","id":"x"}]})",
          R"({"data":[{"type":"customer","id":5},{"type":"customer","id":5}]})"}},
        {"POST",
         "customer_subscriptions",
         Caller::kAnonymous,
         false,
         {"{}", R"({"customer_email":"a@example.com"})",
          R"({"customer_email":"a@example.com","reference":7})",
          R"({"customer_email":"a","reference":"News"})"}},
    };
    for (const auto& route : routes) {
        for (const auto& body : route.bodies) {
            BOOST_TEST_CONTEXT(route.method << " " << route.path << " " << body.substr(0, 80)) {
                const auto r = store.call(route.method, route.path, body, route.caller,
                                          route.with_token ? token : "");
                BOOST_TEST(r.status >= 400);
                BOOST_TEST(r.status < 500);
                BOOST_TEST(!code_of(r).empty());
            }
        }
    }
    BOOST_TEST(checksum() == before);
    // Unknown keys are ignored.
    const auto fine = store.call("PATCH", "me", R"({"city":"Houston","favourite_colour":"blue"})",
                                 Caller::kAnonymous, token);
    BOOST_TEST(fine.status == 200);
    BOOST_TEST(!parse(fine).HasMember("favourite_colour"));
}

// GET customers (staff): the §11 filter language, sorting and WordPress paging headers.
BOOST_AUTO_TEST_CASE(customer_list_filters) {
    Storefront store("cp_sf_list");
    store.exec("UPDATE wp_fct_customers SET created_at = CONCAT('2025-0', id, '-15 12:00:00')");
    const auto ids = [&](const std::string& query) {
        HttpRequest r = Storefront::request("GET", "customers" + query, "", Caller::kAdmin);
        const auto response = store.send_request(r);
        BOOST_REQUIRE_MESSAGE(response.status == 200, query + " " + response.body);
        std::string out;
        const auto list = parse(response);  // named: the loop must not outlive the document
        for (const auto& c : list.GetArray()) {
            out += (out.empty() ? "" : ",") + std::to_string(c["id"].GetInt64());
        }
        return out;
    };
    BOOST_TEST(ids("") == "6,5,4,3,2,1");  // created_at desc by default
    BOOST_TEST(ids("?orderby=id&order=asc") == "1,2,3,4,5,6");
    BOOST_TEST(ids("?orderby=name&order=asc") == "1,2,3,4,5,6");
    BOOST_TEST(ids("?filter=eq(email,%20BOB%40Example.COM)") == "2");
    BOOST_TEST(ids("?filter=like(email,*%40example.com):ge(id,5)&orderby=id&order=asc") == "5,6");
    BOOST_TEST(ids("?filter=like(name,*an*)&orderby=id&order=asc") == "1,5");
    BOOST_TEST(ids("?filter=eq(created_at,2025-03-15)") == "3");
    BOOST_TEST(ids("?filter=ge(created_at,2025-04-15):lt(created_at,%222025-06-15T12:00:00Z%22)"
                   "&orderby=id&order=asc") == "4,5");
    BOOST_TEST(ids("?filter=like(email,100%25*)").empty());  // % is literal
    const auto paged = store.send_request(
        Storefront::request("GET", "customers?per_page=4&page=2&orderby=id", "", Caller::kAdmin));
    BOOST_TEST(paged.header("X-WP-Total") == "6");
    BOOST_TEST(paged.header("X-WP-TotalPages") == "2");
    BOOST_TEST(paged.header("Link").find("rel=\"prev\"") != std::string::npos);
    BOOST_TEST(parse(paged).Size() == 2u);

    const auto bad = store.call("GET", "customers?filter=eq(foo,1)", "", Caller::kAdmin);
    BOOST_TEST(bad.status == 400);
    BOOST_TEST(code_of(bad) == "rest_invalid_param");
    BOOST_TEST(parse(bad)["data"]["params"]["filter"].GetString() ==
               std::string("Unknown field \"foo\" at position 3."));
    BOOST_TEST(code_of(store.call("GET", "customers?page=9", "", Caller::kAdmin)) ==
               "storefront_invalid_page_number");
    BOOST_TEST(store.call("GET", "customers?orderby=password", "", Caller::kAdmin).status == 400);
    BOOST_TEST(store.call("GET", "customers").status == 401);
    const std::string token = store.login(kShopperEmail, kShopperPassword);
    BOOST_TEST(store.call("GET", "customers", "", Caller::kAnonymous, token).status == 403);
}

// Browsers may send X-Customer-Token to storefront routes (spec §1); other namespaces keep
// WordPress's list.
BOOST_AUTO_TEST_CASE(cors_headers) {
    Storefront store("cp_sf_cors");
    const auto storefront = store.call("OPTIONS", "me");
    BOOST_TEST(storefront.header("Access-Control-Allow-Headers").find("X-Customer-Token") !=
               std::string::npos);
    BOOST_TEST(storefront.header("Access-Control-Expose-Headers").find("Idempotent-Replayed") !=
               std::string::npos);
    HttpRequest other;
    other.method = "GET";
    other.target = "/wp-json/cartpress/v1/health";
    BOOST_TEST(store.send_request(other).header("Access-Control-Allow-Headers") ==
               "Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::test
