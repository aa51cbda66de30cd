#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "e2e/e2e_world.hpp"
#include "support/http_client.hpp"

namespace cartpress::test {

// A fresh copy of the reference store served by its own host processes behind one nginx
// upstream, dropped with the object. With two hosts there are two connection pools, so only
// the database can serialise concurrent requests (the race tests of fluent-cart-v2.md §10 #3).
class ServedStore {
public:
    enum class Auth { kAdmin, kSubscriber, kNone };
    // Which rows: shared/reference/store.sql, or sql/demo.sql (the storefront tests' store).
    enum class Data { kReference, kDemo };

    explicit ServedStore(std::string database, int hosts = 1, Data data = Data::kReference);
    ~ServedStore();
    ServedStore(const ServedStore&) = delete;
    ServedStore& operator=(const ServedStore&) = delete;

    std::string value(const std::string& sql) const;
    void exec(const std::string& sql) const;

    // One request; `target` is under /wp-json/fluent-cart/v2/ unless it starts with "/";
    // `body` is sent as JSON when not empty.
    HttpResponse send(const std::string& method, const std::string& target,
                      const std::string& body = "", Auth auth = Auth::kAdmin) const;
    // All requests at once (one thread each, released together), as admin.
    struct Call {
        std::string method;
        std::string target;
        std::string body;
    };
    std::vector<HttpResponse> send_all(const std::vector<Call>& calls) const;

    // A request exactly as given (target, headers, body), through nginx.
    HttpResponse send_request(const HttpRequest& request) const;
    // Many requests at once (one thread each, released together).
    std::vector<HttpResponse> send_all_requests(const std::vector<HttpRequest>& requests) const;

    // InnoDB's deadlock counter (server-wide).
    long deadlocks() const;
    // The hosts' logs, for the test log.
    std::string logs() const;

private:
    E2eWorld& world_;
    std::string database_;
    std::string dir_;
    std::vector<std::unique_ptr<HostProcess>> hosts_;
    std::unique_ptr<NginxInstance> nginx_;
};

// The customer-token secret the served hosts are configured with (storefront.token_secret).
inline constexpr const char* kTestTokenSecret = "cartpress-e2e-token-secret-0123456789abcdef";

// The 422 a loser of a same-email race gets (fluent-cart-v2.md §7.1, §10 #3), checked for the
// email variant it sent: a leading space fails is_email (nothing is trimmed); a trailing one
// fails it too and may also match the winner under the PAD SPACE collation once it committed;
// any other variant loses to the winner ("exist").
void check_email_race_loser(const HttpResponse& response, const std::string& variant);

}  // namespace cartpress::test
