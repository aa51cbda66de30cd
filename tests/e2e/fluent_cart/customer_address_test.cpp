// customers/{customerId}/address and …/make-primary (fluent-cart-v2.md §8.6) through nginx
// (captures 43–52 are in the replay of captures_test.cpp): the error answers no capture shows, §10
// #13 (an address must belong to the URL's customer), and 401/403 on every route.

#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>

#include "e2e/e2e_world.hpp"
#include "e2e/fluent_cart/served_store.hpp"
#include "support/http_client.hpp"

namespace cartpress::test {
namespace {

const std::string kForbidden401 =
    R"({"code":"rest_forbidden","message":"Sorry, you are not allowed to do that.","data":{"status":401}})";
const std::string kForbidden403 =
    R"({"code":"rest_forbidden","message":"Sorry, you are not allowed to do that.","data":{"status":403}})";
const std::string kNoRoute =
    R"({"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":404,"wpfluent":{"env":"production"}}})";

std::string resource(int code, const std::string& message) {
    return R"({"code":)" + std::to_string(code) + R"(,"message":")" + message + R"(","data":null})";
}

// A valid address form (capture 45's body) for tests that are not about validation.
const std::string kOffice =
    R"({"type":"billing","label":"Office","name":"Alice Anderson","email":"alice@example.com",)"
    R"("address_1":"500 Fifth Ave","address_2":"Floor 3","city":"New York","state":"NY",)"
    R"("postcode":"10110","country":"US","phone":"+15551234567"})";

using Auth = ServedStore::Auth;

// A served reference store with the address rows at hand.
class AddressStore : public ServedStore {
public:
    using ServedStore::ServedStore;

    // "id:customer:primary:type,…" of every address, by id.
    std::string addresses() const {
        return value(
            "SELECT GROUP_CONCAT(id, ':', customer_id, ':', is_primary, ':', type ORDER BY id) "
            "FROM wp_fct_customer_addresses");
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(e2e)
BOOST_AUTO_TEST_SUITE(fluent_cart_customer_address)

BOOST_AUTO_TEST_CASE(create_answers_and_rows) {
    AddressStore store("cp_address_create");
    store.exec(
        "INSERT INTO wp_fct_customers (id, email, first_name, last_name, notes, created_at, "
        "updated_at) VALUES (50, 'nia@example.com', 'Nia', 'Noaddress', '', NOW(), NOW())");

    // Validation comes first (spec §1.2), then the customer: unknown → 404 (§10 #13), no row.
    auto r = store.send("POST", "customers/999999/address", R"({"type":"billing"})");
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.body.find(R"("country":{"required")") == 1u);
    const auto before = store.addresses();
    r = store.send("POST", "customers/999999/address", kOffice);
    BOOST_TEST(r.status == 404);
    BOOST_TEST(r.body ==
               resource(404, "Customer not found, please reload the page and try again!"));
    BOOST_TEST(store.addresses() == before);

    // The first shipping address of customer 50 becomes primary; company_name goes to meta and
    // leads full_address; the echo shows the values written.
    r = store.send("POST", "customers/50/address",
                   R"({"type":"shipping","name":"Nia N","email":"nia@example.com",)"
                   R"("address_1":"1 Rue","city":"Paris","state":"","country":"FR",)"
                   R"("company_name":"Acme SARL","customerId":2})");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(
        r.body.find(
            R"({"message":"Shipping address created successfully!","data":{"label":"",)"
            R"("type":"shipping","status":"active","name":"Nia N","address_1":"1 Rue",)"
            R"("address_2":"","city":"Paris","state":"","phone":"","postcode":"",)"
            R"("country":"FR","email":"nia@example.com","is_primary":1,"customer_id":"50",)") ==
        0u);
    BOOST_TEST(r.body.find(R"("id":9,"formatted_address":{"country":"France","state":"",)") !=
               std::string::npos);
    BOOST_TEST(r.body.find(R"("full_address":"Acme SARL, 1 Rue, Paris, France"},)"
                           R"("company_name":"Acme SARL"}})") != std::string::npos);
    // The URL's customer, not the body's customerId.
    BOOST_TEST(store.value("SELECT CONCAT_WS('|', customer_id, is_primary, type, status, label, "
                           "meta) FROM wp_fct_customer_addresses WHERE id = 9") ==
               R"(50|1|shipping|active||{"other_data":{"company_name":"Acme SARL"}})");
    r = store.send("GET", "customers/50/address");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.find(R"("meta":{"other_data":{"company_name":"Acme SARL"}})") !=
               std::string::npos);

    // A second shipping address is not primary; a first billing one is.
    r = store.send("POST", "customers/50/address", kOffice);
    BOOST_TEST(r.body.find(R"("message":"Billing address created successfully!")") == 1u);
    BOOST_TEST(r.body.find(R"("is_primary":1,"customer_id":"50")") != std::string::npos);
    r = store.send("POST", "customers/50/address",
                   R"({"type":"shipping","name":"Nia N","email":"nia@example.com",)"
                   R"("address_1":"2 Rue","city":"Paris","country":"FR"})");
    BOOST_TEST(r.body.find(R"("is_primary":0,"customer_id":"50")") != std::string::npos);
    BOOST_TEST(store.value("SELECT GROUP_CONCAT(id, ':', is_primary, ':', type ORDER BY id) FROM "
                           "wp_fct_customer_addresses WHERE customer_id = 50") ==
               "9:1:shipping,10:1:billing,11:0:shipping");

    // GET: primary first, then newest; ?type filters; an unknown customer has none.
    r = store.send("GET", "customers/50/address?type=shipping");
    BOOST_TEST(r.status == 200);
    const auto nine = r.body.find(R"({"id":9,)");
    const auto eleven = r.body.find(R"({"id":11,)");
    BOOST_TEST(nine != std::string::npos);
    BOOST_TEST(eleven != std::string::npos);
    BOOST_TEST(nine < eleven);
    BOOST_TEST(r.body.find(R"("id":10,)") == std::string::npos);
    r = store.send("GET", "customers/999999/address");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == R"({"addresses":[]})");
}

BOOST_AUTO_TEST_CASE(update_delete_and_make_primary_errors) {
    AddressStore store("cp_address_errors");
    // Bob (2) has addresses 3 (billing) and 4 (shipping), both primary. Address 9 is Bob's
    // second billing address.
    store.exec(
        "INSERT INTO wp_fct_customer_addresses (id, customer_id, is_primary, type, name, "
        "created_at, updated_at) VALUES (9, 2, 0, 'billing', 'Bob Office', '2026-01-01 00:00:00', "
        "'2026-01-01 00:00:00')");

    // PUT: validation, then body id, then ownership (§10 #13).
    auto r = store.send("PUT", "customers/2/address", R"({"id":9})");
    BOOST_TEST(r.status == 422);
    r = store.send("PUT", "customers/2/address", kOffice);
    BOOST_TEST(r.status == 403);
    BOOST_TEST(r.body == resource(403, "Please edit a valid address!"));
    const std::string office_9 = kOffice.substr(0, kOffice.size() - 1) + R"(,"id":9})";
    r = store.send("PUT", "customers/1/address", office_9);  // Bob's address via Alice
    BOOST_TEST(r.status == 404);
    BOOST_TEST(r.body == resource(404, "Address not found, please reload the page and try again!"));
    BOOST_TEST(store.value("SELECT name FROM wp_fct_customer_addresses WHERE id = 9") ==
               "Bob Office");
    // The message names the type before the update.
    const std::string shipping_9 =
        R"({"id":"9","type":"shipping","name":"Bob B","email":"bob@example.com",)"
        R"("address_1":"10 Downing St","city":"London","country":"GB","is_primary":"0"})";
    r = store.send("PUT", "customers/2/address", shipping_9);
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.find(R"({"message":"Billing address updated successfully!","data":{"id":9,)"
                           R"("customer_id":"2","is_primary":"0","type":"shipping",)") == 0u);
    r = store.send("PUT", "customers/2/address", shipping_9);
    BOOST_TEST(r.body.find(R"({"message":"Shipping address updated successfully!")") == 0u);

    // DELETE: a valid id, the customer's own, not primary, not the last one.
    for (const char* body : {"{}", R"({"address":{}})", R"({"address":{"id":"abc"}})",
                             R"({"address":{"id":0}})", R"({"address":9})"}) {
        BOOST_TEST_CONTEXT(body) {
            r = store.send("DELETE", "customers/2/address", body);
            BOOST_TEST(r.status == 403);
            BOOST_TEST(r.body == resource(403, "Please use a valid address ID!"));
        }
    }
    r = store.send("DELETE", "customers/1/address", R"({"address":{"id":9}})");
    BOOST_TEST(r.status == 404);
    BOOST_TEST(r.body == resource(404, "Address not found in database, failed to remove."));
    r = store.send("DELETE", "customers/2/address", R"({"address":{"id":3}})");
    BOOST_TEST(r.status == 403);
    BOOST_TEST(r.body == resource(403, "Primary address cannot be deleted!"));
    store.exec(
        "INSERT INTO wp_fct_customers (id, email, first_name, last_name, notes, created_at, "
        "updated_at) VALUES (50, 'one@example.com', 'One', 'Address', '', NOW(), NOW()); "
        "INSERT INTO wp_fct_customer_addresses (id, customer_id, is_primary, type, name) VALUES "
        "(20, 50, 0, 'billing', 'Only')");
    r = store.send("DELETE", "customers/50/address", R"({"address":{"id":"20"}})");
    BOOST_TEST(r.status == 403);
    BOOST_TEST(r.body ==
               resource(403, "At least one address must remain. Address deletion failed!"));
    BOOST_TEST(store.value("SELECT COUNT(*) FROM wp_fct_customer_addresses WHERE id = 20") == "1");

    // make-primary: the address must be the customer's and of that type (§10 #14: nothing
    // changes otherwise).
    const auto before = store.addresses();
    for (const char* body : {R"({"addressId":9,"type":"billing"})",
                             R"({"addressId":1,"type":"shipping"})", R"({"addressId":9})",
                             R"({"type":"shipping"})", R"({"addressId":"9x","type":"shipping"})"}) {
        BOOST_TEST_CONTEXT(body) {
            r = store.send("POST", "customers/2/address/make-primary", body);
            BOOST_TEST(r.status == 400);
            BOOST_TEST(r.body == resource(400, "Address set as primary failed."));
        }
    }
    r = store.send("POST", "customers/1/address/make-primary",
                   R"({"addressId":9,"type":"shipping"})");
    BOOST_TEST(r.status == 400);
    BOOST_TEST(store.addresses() == before);
    r = store.send("POST", "customers/2/address/make-primary",
                   R"({"addressId":"9","type":"shipping"})");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == R"({"message":"Address successfully set as the primary","data":""})");
    BOOST_TEST(store.value("SELECT GROUP_CONCAT(id, ':', is_primary, ':', type ORDER BY id) FROM "
                           "wp_fct_customer_addresses WHERE customer_id = 2") ==
               "3:1:billing,4:0:shipping,9:1:shipping");
    // Now 4 is no longer primary and can go.
    r = store.send("DELETE", "customers/2/address", R"({"address":{"id":4}})");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == R"({"message":"Address successfully deleted.","data":""})");
}

BOOST_AUTO_TEST_CASE(permissions_and_path_patterns) {
    auto& w = E2eWorld::get();
    // The shared reference store: these requests are refused before they could write.
    const auto send = [&w](const std::string& method, const std::string& path, Auth auth) {
        HttpRequest r;
        r.method = method;
        r.target = "/wp-json/fluent-cart/v2/" + path;
        if (auth == Auth::kSubscriber) {
            r.with_basic_auth("subscriber1", w.creds.subscriber_app_password);
        }
        if (auth == Auth::kAdmin) r.with_basic_auth("admin", w.creds.admin_app_password);
        r.with_json(R"({"address":{"id":2},"addressId":2,"type":"shipping"})");
        return http_send(w.port(), r);
    };
    const auto checksum = [&w] {
        return query_value(*w.db, "cp_ref", "CHECKSUM TABLE wp_fct_customer_addresses");
    };
    const std::string before = checksum();
    for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "customers/1/address"},
             {"POST", "customers/1/address"},
             {"PUT", "customers/1/address"},
             {"DELETE", "customers/1/address"},
             {"POST", "customers/1/address/make-primary"}}) {
        BOOST_TEST_CONTEXT(method << " " << path) {
            auto r = send(method, path, Auth::kNone);
            BOOST_TEST(r.status == 401);
            BOOST_TEST(r.body == kForbidden401);
            BOOST_TEST(!r.has_header("Allow"));
            r = send(method, path, Auth::kSubscriber);
            BOOST_TEST(r.status == 403);
            BOOST_TEST(r.body == kForbidden403);
            BOOST_TEST(!r.has_header("Allow"));
        }
    }
    BOOST_TEST(checksum() == before);
    // §10 #12: the customer id is digits only.
    for (const char* path : {"customers/abc/address", "customers/1x/address/make-primary"}) {
        BOOST_TEST_CONTEXT(path) {
            const auto r = send("GET", path, Auth::kAdmin);
            BOOST_TEST(r.status == 404);
            BOOST_TEST(r.body == kNoRoute);
        }
    }
    // make-primary answers POST only.
    const auto r = send("GET", "customers/1/address/make-primary", Auth::kAdmin);
    BOOST_TEST(r.status == 404);
    BOOST_TEST(r.body == kNoRoute);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::test
