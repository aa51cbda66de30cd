#pragma once

#include <cartpress/app/app.hpp>
#include <cartpress/core/clock.hpp>
#include <cartpress/json/rapidjson.hpp>
#include <memory>
#include <string>

#include "support/store_fixtures.hpp"

namespace cartpress::test {

// The whole host pipeline (authentication, routing, permission, handler, repository) with the
// fluent-cart plugin on one database, called without a socket: what the db tests of the list
// routes send their requests through.
class PluginApp {
public:
    explicit PluginApp(const std::string& database);

    struct Reply {
        int status = 0;
        std::string body;
        json::Document json;  // the body parsed (the test fails when it is not JSON)
    };
    // As admin unless `authenticated` is false; `body` is sent as JSON when not empty.
    Reply send(const std::string& method, const std::string& target, const std::string& body = "",
               bool authenticated = true);
    Reply get(const std::string& target, bool authenticated = true) {
        return send("GET", target, "", authenticated);
    }

private:
    core::SystemClock clock_;
    ReferenceCredentials credentials_ = reference_credentials();
    std::unique_ptr<app::App> app_;
    std::unique_ptr<app::Worker> worker_;
};

}  // namespace cartpress::test
