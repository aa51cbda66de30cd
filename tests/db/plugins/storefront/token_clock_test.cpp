// Customer tokens against a clock the test moves (spec §6): a token dies at its expiry, refresh
// works until the session's 30-day limit, last_used_at is written at most once a minute. The
// whole host pipeline runs in-process on the demo store (no socket: the clock is injected).

#include <boost/test/unit_test.hpp>
#include <cartpress/app/app.hpp>
#include <cartpress/json/json_reader.hpp>
#include <cartpress/plugins/storefront/storefront_plugin.hpp>

#include "db/db_world.hpp"
#include "support/fake_clock.hpp"
#include "support/fake_request.hpp"
#include "support/store_fixtures.hpp"

namespace cartpress::test {
namespace {

constexpr const char* kDatabase = "cp_sf_clock";

class ClockedStorefront {
public:
    ClockedStorefront() {
        auto& db = *DbWorld::get().db;
        db.drop_database(kDatabase);
        db.create_demo_store(kDatabase, "wp_");
        config::Settings s;
        s.db.socket = db.socket();
        s.db.name = kDatabase;
        s.db.user = "root";
        s.environment_type = config::EnvironmentType::kLocal;
        s.threads = 1;
        s.plugin["storefront.token_ttl"] = "600";
        s.plugin["storefront.token_secret"] = std::string(40, 's');
        app_ = std::make_unique<app::App>(s, clock);
        app_->add_plugin(plugins::storefront::make_storefront_plugin(app_->plugin_context()));
        app_->start();
        worker_ = std::make_unique<app::Worker>(*app_);
    }
    ~ClockedStorefront() {
        worker_.reset();
        app_.reset();
        DbWorld::get().db->drop_database(kDatabase);
    }

    struct Reply {
        int status = 0;
        json::Document json;
    };
    Reply send(const std::string& method, const std::string& path, const std::string& body = "",
               const std::string& token = "") {
        RequestBuilder b;
        b.method(method).uri("/wp-json/storefront/v1/" + path);
        if (!token.empty()) b.header("X-Customer-Token", token);
        if (!body.empty()) b.json(body);
        auto request = b.build();
        const auto response = app_->handle(request, *worker_);
        Reply r;
        r.status = response.status;
        if (!response.body.empty()) {
            BOOST_REQUIRE_MESSAGE(json::decode(response.body, r.json).has_value(), response.body);
        }
        return r;
    }
    std::string login() {
        auto r = send("POST", "customers/tokens",
                      R"({"email":"erin@example.com","password":"ErinPass123!"})");
        BOOST_REQUIRE(r.status == 201);
        BOOST_TEST(r.json["expires_in"].GetInt64() == 600);
        return r.json["token"].GetString();
    }
    std::string code(const Reply& r) const {
        return r.json.IsObject() && r.json.HasMember("code") ? r.json["code"].GetString() : "";
    }
    std::string value(const std::string& sql) const {
        return query_value(*DbWorld::get().db, kDatabase, sql);
    }

    FakeClock clock;

private:
    std::unique_ptr<app::App> app_;
    std::unique_ptr<app::Worker> worker_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(storefront)
BOOST_AUTO_TEST_SUITE(token_clock)

BOOST_AUTO_TEST_CASE(a_token_expires_at_its_time) {
    ClockedStorefront sf;
    const std::string token = sf.login();
    sf.clock.advance(599);
    BOOST_TEST(sf.send("GET", "me", "", token).status == 200);
    sf.clock.advance(1);
    const auto expired = sf.send("GET", "me", "", token);
    BOOST_TEST(expired.status == 401);
    BOOST_TEST(sf.code(expired) == "storefront_customer_token_expired");
    // An expired token cannot be refreshed either.
    BOOST_TEST(sf.code(sf.send("POST", "customers/tokens/refresh", "", token)) ==
               "storefront_customer_token_expired");
}

BOOST_AUTO_TEST_CASE(refresh_works_until_the_session_limit) {
    ClockedStorefront sf;
    std::string token = sf.login();
    // Refreshing every 9 minutes keeps a session alive for 30 days, not longer.
    for (int i = 0; i < 30 * 24 * 60 / 9 + 1; ++i) {
        sf.clock.advance(9 * 60);
        const auto r = sf.send("POST", "customers/tokens/refresh", "", token);
        if (r.status != 201) {
            BOOST_TEST(sf.code(r) == "storefront_customer_token_expired");
            BOOST_TEST(i >= 30 * 24 * 60 / 9 - 1);  // only at the 30-day limit
            return;
        }
        // The last token of a session expires with the session, not later.
        BOOST_TEST(r.json["expires_in"].GetInt64() <= 600);
        token = r.json["token"].GetString();
    }
    BOOST_FAIL("refresh still works after 30 days");
}

BOOST_AUTO_TEST_CASE(last_used_is_written_at_most_once_a_minute) {
    ClockedStorefront sf;
    const std::string token = sf.login();
    const auto last_used = [&] {
        return sf.value("SELECT IFNULL(last_used_at, '-') FROM wp_cartpress_customer_tokens");
    };
    BOOST_TEST(sf.send("GET", "me", "", token).status == 200);
    const std::string first = last_used();
    BOOST_TEST(first != "-");
    sf.clock.advance(30);
    BOOST_TEST(sf.send("GET", "me", "", token).status == 200);
    BOOST_TEST(last_used() == first);
    sf.clock.advance(31);
    BOOST_TEST(sf.send("GET", "me", "", token).status == 200);
    BOOST_TEST(last_used() != first);
}

BOOST_AUTO_TEST_CASE(the_throttle_window_ends) {
    ClockedStorefront sf;
    for (int i = 0; i < 5; ++i) {
        BOOST_TEST(sf.send("POST", "customers/tokens",
                           R"({"email":"erin@example.com","password":"wrong-one"})")
                       .status == 401);
    }
    BOOST_TEST(sf.send("POST", "customers/tokens",
                       R"({"email":"erin@example.com","password":"ErinPass123!"})")
                   .status == 429);
    sf.clock.advance(15 * 60);
    BOOST_TEST(sf.send("POST", "customers/tokens",
                       R"({"email":"erin@example.com","password":"ErinPass123!"})")
                   .status == 201);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::test
