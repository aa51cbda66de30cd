// Database outages, reconnects and shutdown: each case brings its own servers so that
// stopping them cannot disturb the shared e2e world.

#include <signal.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "e2e/e2e_world.hpp"
#include "support/http_client.hpp"

namespace cartpress::test {

BOOST_AUTO_TEST_SUITE(e2e)
BOOST_AUTO_TEST_SUITE(host_lifecycle)

BOOST_AUTO_TEST_CASE(unreachable_database_gives_503_health) {
    const std::string dir = make_temp_dir("nodb");
    {
        HostProcess host(
            dir, "nodb",
            "db.socket = " + dir + "/no-such.sock\ndb.name = x\nenvironment_type = local\n");
        NginxInstance nginx({host.socket()});
        const auto r = http_get(nginx.port(), "/wp-json/cartpress/v1/health");
        BOOST_TEST(r.status == 503);
        BOOST_TEST(r.header("Retry-After") == "5");
        BOOST_TEST(
            r.body ==
            R"({"code":"cartpress_db_unavailable","message":"The database is temporarily unavailable.","data":{"status":503}})");
    }
    remove_tree(dir);
}

BOOST_AUTO_TEST_CASE(lost_connection_is_rebuilt_on_the_next_request) {
    MariaDbInstance db;
    db.create_store("cp_life", "wp_", true);
    const std::string dir = make_temp_dir("life");
    {
        // One worker thread, so "the next request" lands on the session that was lost.
        HostProcess host(dir, "life",
                         "db.socket = " + db.socket() +
                             "\ndb.name = cp_life\ndb.user = root\nenvironment_type = local\n"
                             "threads = 1\n");
        NginxInstance nginx({host.socket()});
        BOOST_TEST(http_get(nginx.port(), "/wp-json/cartpress/v1/health").status == 200);
        db.restart();
        const int first = http_get(nginx.port(), "/wp-json/cartpress/v1/health").status;
        BOOST_TEST((first == 200 || first == 503));
        BOOST_TEST(http_get(nginx.port(), "/wp-json/cartpress/v1/health").status == 200);
        BOOST_TEST(host.process().running());
    }
    remove_tree(dir);
}

BOOST_AUTO_TEST_CASE(sigterm_exits_zero_and_removes_socket) {
    const auto& w = E2eWorld::get();
    const std::string dir = make_temp_dir("term");
    {
        HostProcess host(dir, "term",
                         "db.socket = " + w.db->socket() +
                             "\ndb.name = cp_ref\ndb.user = root\nenvironment_type = local\n");
        NginxInstance nginx({host.socket()});
        BOOST_TEST(http_get(nginx.port(), "/wp-json/cartpress/v1/health").status == 200);
        BOOST_TEST(host.process().stop() == 0);
        BOOST_TEST(::access(host.socket().c_str(), F_OK) != 0);
        BOOST_TEST(http_get(nginx.port(), "/wp-json/cartpress/v1/health").status == 503);
    }
    remove_tree(dir);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::test
