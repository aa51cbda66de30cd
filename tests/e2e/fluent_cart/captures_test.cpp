// Differential test: the captures of shared/reference replayed in file order against the
// reference store through nginx; status, WordPress headers and body must be identical
// (only values that depend on time or randomness masked, per the reference README).

#include <boost/test/unit_test.hpp>
#include <ctime>
#include <map>
#include <set>

#include "e2e/e2e_world.hpp"
#include "e2e/fluent_cart/capture_masks.hpp"
#include "support/capture.hpp"
#include "support/http_client.hpp"

namespace cartpress::test {
namespace {

// Captures whose routes Cartpress serves so far, in the order they were taken. Each one's
// preconditions (earlier writes) are in the list too.
const std::vector<int> kReplayed = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13,
                                    14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
                                    27, 28, 29, 30, 31, 54, 55, 56, 57, 58, 59, 60};

// Captures Cartpress answers differently on purpose (fluent-cart-v2.md §10), with the reason.
const std::map<int, std::string> kDeliberate = {};

std::string show(const std::vector<std::pair<std::string, std::string>>& headers) {
    std::string out;
    for (const auto& [k, v] : headers) out += k + ": " + v + "\n";
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(e2e)
BOOST_AUTO_TEST_SUITE(fluent_cart_captures)

BOOST_AUTO_TEST_CASE(replay_in_order_on_a_fresh_reference_store) {
    auto& w = E2eWorld::get();
    w.db->drop_database("cp_capture");
    w.db->create_store("cp_capture", "wp_", true);
    const std::string dir = make_temp_dir("cap");
    {
        HostProcess host(dir, "cap",
                         "db.socket = " + w.db->socket() +
                             "\ndb.name = cp_capture\ndb.user = root\nenvironment_type = local\n");
        NginxInstance nginx({host.socket()});
        ReplayWindow window;  // rows the replay touches carry times from this window
        window.started_unix = std::time(nullptr);
        window.query_value = [&w](const std::string& sql) {
            return query_value(*w.db, "cp_capture", sql);
        };
        for (int number : kReplayed) {
            const Capture c = load_capture(number);
            BOOST_TEST_CONTEXT(c.file) {
                HttpRequest r;
                r.method = c.method;
                r.target = c.target;
                if (c.auth == "admin") r.with_basic_auth("admin", w.creds.admin_app_password);
                if (c.auth == "sub") {
                    r.with_basic_auth("subscriber1", w.creds.subscriber_app_password);
                }
                if (c.auth == "badpw") r.with_basic_auth("admin", "wrong-password");
                if (!c.body.empty()) {
                    r.body = c.body;
                    r.with_header("Content-Type", c.form_encoded
                                                      ? "application/x-www-form-urlencoded"
                                                      : "application/json");
                }
                const auto got = http_send(nginx.port(), r);
                BOOST_TEST(got.status == c.status);
                BOOST_TEST(show(rest_headers(got.headers)) == show(rest_headers(c.headers)));
                window.finished_unix = std::time(nullptr);
                std::string expected = c.response_body;
                std::string actual = got.body;
                mask_run_values(number, expected, actual, window);
                BOOST_TEST(actual == expected);
            }
        }
        // The host's log explains any 500 above (it never reaches a body).
        BOOST_TEST_MESSAGE(read_file(host.log_path()));
    }
    remove_tree(dir);
    w.db->drop_database("cp_capture");
}

BOOST_AUTO_TEST_CASE(shop_prefix_serves_the_same_graph) {
    // The shop_ store (reached through wp-config.php) holds the same rows under other names.
    auto& w = E2eWorld::get();
    for (int number : {5, 6, 7}) {
        const Capture c = load_capture(number);
        HttpRequest r;
        r.target = c.target;
        r.with_basic_auth("admin", w.creds.admin_app_password);
        const auto got = http_send(w.shop_nginx->port(), r);
        BOOST_TEST_CONTEXT(c.file) {
            BOOST_TEST(got.status == c.status);
            BOOST_TEST(got.body == c.response_body);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::test
