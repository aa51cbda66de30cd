#include <unistd.h>

#include <cartpress/app/app.hpp>
#include <cartpress/core/log.hpp>
#include <cartpress/rest/index_routes.hpp>
#include <cstdio>

namespace cartpress::app {
namespace {

auth::AppPasswordSettings app_password_settings(const config::Settings& s) {
    auth::AppPasswordSettings a;
    a.surface_errors = s.auth.surface_app_password_errors;
    a.force_available = s.auth.force_app_passwords_available;
    a.local_environment = s.environment_type == config::EnvironmentType::kLocal;
    return a;
}

site::OptionOverrides option_overrides(const config::Settings& s) {
    site::OptionOverrides o;
    if (!s.wp.home.empty()) o.home = s.wp.home;
    if (!s.wp.siteurl.empty()) o.siteurl = s.wp.siteurl;
    return o;
}

}  // namespace

Worker::Worker(const App& app) : app_(app) {}

db::Session& Worker::session() {
    const auto now = app_.clock().steady_now();
    if (session_ && !session_->broken() && session_->statements_run() > 0 &&
        now - last_used_ > std::chrono::seconds(app_.settings().db.idle_ping_seconds)) {
        // After idling the server may have dropped us (wait_timeout, a restart): find out now,
        // not in the middle of the request.
        (void)session_->ping();
    }
    if (!session_ || session_->broken()) session_ = db::Session::create(app_.connection_settings());
    last_used_ = now;
    return *session_;
}

void Worker::finish_request() {
    if (session_ && session_->in_transaction()) {
        // A handler returned with a transaction open: never let it leak into the next request.
        (void)session_->rollback();
    }
}

App::App(config::Settings settings, const core::Clock& clock)
    : settings_(std::move(settings)),
      clock_(clock),
      user_queries_(settings_.table_prefix),
      throttle_(settings_.auth.max_failures,
                std::chrono::seconds(settings_.auth.failure_window_seconds)),
      authenticator_(app_password_settings(settings_), user_queries_, throttle_, verified_,
                     user_rows_),
      options_(settings_.table_prefix, std::chrono::seconds(settings_.options_cache_seconds),
               option_overrides(settings_)) {
    stats_.started = clock_.steady_now();
    stats_.worker_threads = settings_.worker_threads();
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%x-", static_cast<unsigned>(::getpid()));
    request_id_prefix_ = prefix;
}

db::ConnectionSettings App::connection_settings() const {
    db::ConnectionSettings c;
    c.host = settings_.db.host;
    c.port = settings_.db.port;
    c.socket = settings_.db.socket;
    c.user = settings_.db.user;
    c.password = settings_.db.password;
    c.database = settings_.db.name;
    return c;
}

void App::add_plugin(std::unique_ptr<plugin::Plugin> plugin) {
    plugin->register_routes(router_);
    plugin->register_hooks(hooks_);
    plugins_.push_back(std::move(plugin));
}

void App::start() {
    authenticator_.register_hooks(hooks_);
    rest::register_index_routes(router_, settings_.rest_prefix);
    router_.freeze();
    rest::DispatcherSettings d;
    d.rest_prefix = settings_.rest_prefix;
    d.max_body_bytes = settings_.max_body_bytes;
    d.jsonp_enabled = settings_.jsonp.enabled;
    d.allowed_origins = settings_.cors.allowed_origins;
    dispatcher_.emplace(router_, hooks_, d, [](const std::string& id, const std::string& detail) {
        core::log_error("request " + id + ": " + detail);
    });
}

http::Response App::handle(http::Request& request, Worker& worker) const {
    db::Session& session = worker.session();
    const auto options = options_.get(session, clock_);
    rest::RequestContext ctx(session, clock_, worker.random(), *options);
    ctx.request_id = request_id_prefix_ + std::to_string(++request_seq_);
    ctx.remote_addr = std::string(request.param_or_empty("REMOTE_ADDR"));
    ctx.app_passwords_available = authenticator_.available(request);
    http::Response response = dispatcher_->handle(request, ctx);
    worker.finish_request();
    ++stats_.requests_served;
    return response;
}

}  // namespace cartpress::app
