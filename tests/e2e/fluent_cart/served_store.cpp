#include "e2e/fluent_cart/served_store.hpp"

#include <boost/test/unit_test.hpp>
#include <exception>
#include <latch>
#include <thread>

#include "support/store_fixtures.hpp"

namespace cartpress::test {

ServedStore::ServedStore(std::string database, int hosts, Data data)
    : world_(E2eWorld::get()), database_(std::move(database)) {
    world_.db->drop_database(database_);
    if (data == Data::kDemo) {
        world_.db->create_demo_store(database_, "wp_");
    } else {
        world_.db->create_store(database_, "wp_", true);
    }
    dir_ = make_temp_dir("store");
    const std::string config = "db.socket = " + world_.db->socket() + "\ndb.name = " + database_ +
                               "\ndb.user = root\nenvironment_type = local\n" +
                               "storefront.token_secret = " + kTestTokenSecret + "\n";
    std::vector<std::string> sockets;
    for (int i = 0; i < hosts; ++i) {
        hosts_.push_back(std::make_unique<HostProcess>(dir_, "store_" + std::to_string(i), config));
        sockets.push_back(hosts_.back()->socket());
    }
    nginx_ = std::make_unique<NginxInstance>(sockets);
}

ServedStore::~ServedStore() {
    nginx_.reset();
    hosts_.clear();
    remove_tree(dir_);
    world_.db->drop_database(database_);
}

std::string ServedStore::value(const std::string& sql) const {
    return query_value(*world_.db, database_, sql);
}

void ServedStore::exec(const std::string& sql) const { world_.db->exec(database_, sql); }

HttpResponse ServedStore::send(const std::string& method, const std::string& target,
                               const std::string& body, Auth auth) const {
    HttpRequest r;
    r.method = method;
    r.target = target.rfind('/', 0) == 0 ? target : "/wp-json/fluent-cart/v2/" + target;
    if (auth == Auth::kAdmin) r.with_basic_auth("admin", world_.creds.admin_app_password);
    if (auth == Auth::kSubscriber) {
        r.with_basic_auth("subscriber1", world_.creds.subscriber_app_password);
    }
    if (!body.empty()) r.with_json(body);
    return http_send(nginx_->port(), r);
}

std::vector<HttpResponse> ServedStore::send_all(const std::vector<Call>& calls) const {
    std::vector<HttpRequest> requests;
    for (const auto& call : calls) {
        HttpRequest r;
        r.method = call.method;
        r.target = "/wp-json/fluent-cart/v2/" + call.target;
        r.with_basic_auth("admin", world_.creds.admin_app_password);
        if (!call.body.empty()) r.with_json(call.body);
        requests.push_back(std::move(r));
    }
    return send_all_requests(requests);
}

HttpResponse ServedStore::send_request(const HttpRequest& request) const {
    return http_send(nginx_->port(), request);
}

std::vector<HttpResponse> ServedStore::send_all_requests(
    const std::vector<HttpRequest>& requests) const {
    std::vector<HttpResponse> out(requests.size());
    std::latch start(static_cast<std::ptrdiff_t>(requests.size()));
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            try {
                out[i] = http_send(nginx_->port(), requests[i]);
            } catch (const std::exception& e) {
                out[i].body = e.what();
            }
        });
    }
    for (auto& t : threads) t.join();
    return out;
}

long ServedStore::deadlocks() const {
    const auto row = value("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'");
    return std::stol(row.substr(row.find('\t') + 1));
}

std::string ServedStore::logs() const {
    std::string out;
    for (const auto& host : hosts_) out += read_file(host->log_path());
    return out;
}

void check_email_race_loser(const HttpResponse& r, const std::string& variant) {
    static const std::string kExists = R"({"email":{"exist":"Email already exists."}})";
    static const std::string kInvalid =
        R"({"email":{"email":"Email must be a valid email address."}})";
    static const std::string kInvalidAndExists =
        R"({"email":{"email":"Email must be a valid email address.","exist":"Email already exists."}})";
    BOOST_TEST(r.status == 422);
    if (variant.front() == ' ') {
        BOOST_TEST(r.body == kInvalid);
    } else if (variant.back() == ' ') {
        BOOST_TEST((r.body == kInvalid || r.body == kInvalidAndExists), r.body);
    } else {
        BOOST_TEST(r.body == kExists);
    }
}

}  // namespace cartpress::test
