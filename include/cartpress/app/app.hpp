#pragma once

#include <cartpress/auth/app_password_authenticator.hpp>
#include <cartpress/config/settings.hpp>
#include <cartpress/core/clock.hpp>
#include <cartpress/core/random.hpp>
#include <cartpress/db/session.hpp>
#include <cartpress/http/request.hpp>
#include <cartpress/http/response.hpp>
#include <cartpress/plugin/plugin.hpp>
#include <cartpress/plugin/plugin_context.hpp>
#include <cartpress/rest/dispatcher.hpp>
#include <cartpress/site/site_options_cache.hpp>
#include <memory>
#include <optional>
#include <vector>

namespace cartpress::app {

class App;

// The state one worker thread owns: its database session (rebuilt after a lost connection,
// pinged after idling) and its random source. Never shared between threads.
class Worker {
public:
    explicit Worker(const App& app);
    db::Session& session();
    core::Random& random() { return random_; }
    void finish_request();

private:
    const App& app_;
    std::unique_ptr<db::Session> session_;
    std::chrono::steady_clock::time_point last_used_{};
    core::SecureRandom random_;
};

// Wires settings, hooks, router, plugins and the dispatcher. Built once in main, plugins added
// explicitly, then start() freezes routes and hooks; from then on it is only read.
class App {
public:
    App(config::Settings settings, const core::Clock& clock);
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    plugin::PluginContext plugin_context() {
        return {settings_, clock_, stats_, [this] { options_.invalidate(); }};
    }
    void add_plugin(std::unique_ptr<plugin::Plugin> plugin);
    void start();

    http::Response handle(http::Request& request, Worker& worker) const;

    const config::Settings& settings() const { return settings_; }
    const rest::Router& router() const { return router_; }
    const core::Clock& clock() const { return clock_; }
    db::ConnectionSettings connection_settings() const;

private:
    config::Settings settings_;
    const core::Clock& clock_;
    mutable plugin::HostStats stats_;  // counters only: atomics
    plugin::HostHooks hooks_;
    rest::Router router_;
    auth::UserQueries user_queries_;
    auth::AuthThrottle throttle_;
    auth::VerifiedHashCache verified_;
    auth::UserRowLocations user_rows_;
    auth::ApplicationPasswordAuthenticator authenticator_;
    mutable site::SiteOptionsCache options_;
    std::vector<std::unique_ptr<plugin::Plugin>> plugins_;
    std::optional<rest::Dispatcher> dispatcher_;
    std::string request_id_prefix_;
    mutable std::atomic<std::uint64_t> request_seq_{0};
};

}  // namespace cartpress::app
