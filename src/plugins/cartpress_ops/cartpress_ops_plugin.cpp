#include <cartpress/db/session.hpp>
#include <cartpress/plugins/cartpress_ops/cartpress_ops_plugin.hpp>

namespace cartpress::plugins::cartpress_ops {
namespace {

constexpr std::string_view kNamespace = "cartpress/v1";

rest::HandlerResult health(const rest::RestRequest&, rest::RequestContext& ctx) {
    if (auto ping = ctx.db.ping(); !ping) return core::fail(rest::errors::db_unavailable());
    json::Document d;
    d.SetObject();
    d.AddMember("status", "ok", d.GetAllocator());
    return rest::RestResponse(std::move(d));
}

class CartpressOpsPlugin final : public plugin::Plugin {
public:
    explicit CartpressOpsPlugin(const plugin::PluginContext& ctx) : ctx_(ctx) {}

    std::string_view name() const override { return "cartpress-ops"; }

    void register_routes(rest::Router& router) override {
        rest::Endpoint health_endpoint;
        health_endpoint.methods = {"GET"};
        health_endpoint.handler = health;
        router.add(kNamespace, "health", std::move(health_endpoint));

        rest::Endpoint status_endpoint;
        status_endpoint.methods = {"GET"};
        status_endpoint.permission = require_manage_options();
        status_endpoint.handler = [this](const rest::RestRequest& r, rest::RequestContext& c) {
            return status(r, c);
        };
        router.add(kNamespace, "status", std::move(status_endpoint));

        // Who the credentials authenticate as: the cheapest authenticated route (benchmarks
        // compare every other route against it).
        rest::Endpoint me_endpoint;
        me_endpoint.methods = {"GET"};
        me_endpoint.permission = [](const rest::RestRequest&, rest::RequestContext& ctx) {
            return rest::PermissionResult(ctx.user.logged_in());
        };
        me_endpoint.handler = [](const rest::RestRequest&, rest::RequestContext& ctx) {
            json::Document d;
            auto& a = d.GetAllocator();
            d.SetObject();
            d.AddMember("id", ctx.user.id, a);
            d.AddMember("login", json::str(ctx.user.login, a), a);
            return rest::HandlerResult(rest::RestResponse(std::move(d)));
        };
        router.add(kNamespace, "me", std::move(me_endpoint));

        // Drops this process's options cache (after an option changed in wp-admin) instead of
        // waiting for its TTL. Each host process has its own cache.
        rest::Endpoint flush_endpoint;
        flush_endpoint.methods = {"POST"};
        flush_endpoint.permission = require_manage_options();
        flush_endpoint.handler = [this](const rest::RestRequest&, rest::RequestContext&) {
            if (ctx_.flush_options) ctx_.flush_options();
            json::Document d;
            d.SetObject();
            d.AddMember("flushed", true, d.GetAllocator());
            return rest::HandlerResult(rest::RestResponse(std::move(d)));
        };
        router.add(kNamespace, "cache/flush", std::move(flush_endpoint));
    }

private:
    static rest::PermissionCallback require_manage_options() {
        return [](const rest::RestRequest&, rest::RequestContext& ctx) {
            return rest::PermissionResult(ctx.user.can("manage_options"));
        };
    }

    rest::HandlerResult status(const rest::RestRequest&, rest::RequestContext& ctx) const {
        auto version = ctx.db.server_version();
        if (!version) return core::fail(rest::errors::db_unavailable());
        json::Document d;
        auto& a = d.GetAllocator();
        d.SetObject();
        d.AddMember("version", CARTPRESS_VERSION, a);
        json::Value database(rapidjson::kObjectType);
        database.AddMember("server_version", json::str(*version, a), a);
        database.AddMember("table_prefix", json::str(ctx_.table_prefix(), a), a);
        d.AddMember("database", database, a);
        d.AddMember("worker_threads", ctx_.stats.worker_threads, a);
        const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(
            ctx.clock.steady_now() - ctx_.stats.started);
        d.AddMember("uptime_seconds", static_cast<std::int64_t>(uptime.count()), a);
        d.AddMember("requests_served",
                    static_cast<std::uint64_t>(ctx_.stats.requests_served.load()), a);
        return rest::RestResponse(std::move(d));
    }

    plugin::PluginContext ctx_;
};

}  // namespace

std::unique_ptr<plugin::Plugin> make_cartpress_ops_plugin(const plugin::PluginContext& ctx) {
    return std::make_unique<CartpressOpsPlugin>(ctx);
}

}  // namespace cartpress::plugins::cartpress_ops
