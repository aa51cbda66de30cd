#include <strings.h>

#include <cartpress/plugins/fluent_cart/fluent_cart_plugin.hpp>

#include "errors.hpp"
#include "fluent_cart_context.hpp"
#include "handlers/customer_address_handlers.hpp"
#include "handlers/customer_change_handlers.hpp"
#include "handlers/customer_handlers.hpp"
#include "handlers/customer_list_handler.hpp"
#include "handlers/order_handlers.hpp"
#include "handlers/order_list_handler.hpp"
#include "permissions.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

constexpr std::string_view kNamespace = "fluent-cart/v2";

rest::PermissionCallback require(std::string permission) {
    return [permission](const rest::RestRequest&, rest::RequestContext& ctx) {
        return rest::PermissionResult(has_permission(ctx.user, permission));
    };
}

rest::ArgSpec path_arg(std::string name) {
    rest::ArgSpec a;
    a.name = std::move(name);
    a.required = true;
    return a;
}

class FluentCartPlugin final : public plugin::Plugin {
public:
    explicit FluentCartPlugin(std::unique_ptr<FluentCartContext> fc) : fc_(std::move(fc)) {}

    std::string_view name() const override { return "fluent-cart"; }

    // The whole route table (spec §1), in FluentCart's registration order.
    void register_routes(rest::Router& router) override {
        const FluentCartContext* fc = fc_.get();
        // One implemented method on a route: the permission it needs, its declared args (the
        // path parameters, spec §1) and the handler, which receives the plugin's context.
        const auto add = [&router, fc](const char* route, const char* method,
                                       const char* permission, std::vector<rest::ArgSpec> args,
                                       auto handler) {
            rest::Endpoint e;
            e.methods = {method};
            e.permission = require(permission);
            e.args = std::move(args);
            e.handler = [fc, handler](const rest::RestRequest& r, rest::RequestContext& c) {
                return handler(*fc, r, c);
            };
            router.add(kNamespace, route, std::move(e));
        };
        const auto order_arg = [] { return std::vector<rest::ArgSpec>{path_arg("order_id")}; };
        const auto customer_arg = [] { return std::vector<rest::ArgSpec>{path_arg("customerId")}; };

        add("orders", "GET", "orders/view", {}, list_orders);
        router.add(kNamespace, "orders", allow_only("POST", "orders/create", {}));
        add("orders/{order_id:int}", "GET", "orders/view", order_arg(), get_order);
        router.add(kNamespace, "orders/{order_id:int}",
                   allow_only("POST", "orders/manage", order_arg()));
        router.add(kNamespace, "orders/{order_id:int}",
                   allow_only("DELETE", "orders/delete", order_arg()));

        // Customer changes (spec §6, §7).
        add("orders/{order_id:int}/change-customer", "POST", "orders/manage", order_arg(),
            change_customer);
        add("orders/{order_id:int}/create-and-change-customer", "POST", "orders/manage",
            order_arg(), create_and_change_customer);

        // Customers (spec §8).
        add("customers", "GET", "customers/view", {}, list_customers);
        add("customers", "POST", "customers/manage", {}, create_customer);
        add("customers/{customerId:int}", "GET", "customers/view", customer_arg(), get_customer);
        add("customers/{customerId:int}", "PUT", "customers/manage", customer_arg(),
            update_customer);
        add("customers/{customerId:int}/orders", "GET", "customers/view", customer_arg(),
            list_customer_orders);

        // Customer addresses (spec §8.6).
        add("customers/{customerId:int}/address", "GET", "customers/view", customer_arg(),
            list_customer_addresses);
        add("customers/{customerId:int}/address", "PUT", "customers/manage", customer_arg(),
            update_customer_address);
        add("customers/{customerId:int}/address", "POST", "customers/manage", customer_arg(),
            create_customer_address);
        add("customers/{customerId:int}/address", "DELETE", "customers/delete", customer_arg(),
            delete_customer_address);
        add("customers/{customerId:int}/address/make-primary", "POST", "customers/manage",
            customer_arg(), make_customer_address_primary);
    }

    void register_hooks(plugin::HostHooks& hooks) override {
        // FluentCart decorates every 404 under its namespace, core rest_no_route included.
        hooks.rest_request_error.add(
            10, [](rest::RestError e, const rest::RestRequest& r, rest::RequestContext&) {
                const auto route = r.route();
                if (e.status == 404 && route.size() >= 12 &&
                    strncasecmp(route.data(), "/fluent-cart", 12) == 0) {
                    return decorate_not_found(std::move(e));
                }
                return e;
            });
    }

private:
    // FluentCart has these on the same patterns; Cartpress lists them for Allow and OPTIONS
    // but does not implement them (spec §1, rest_no_route when called).
    static rest::Endpoint allow_only(std::string method, std::string permission,
                                     std::vector<rest::ArgSpec> args) {
        rest::Endpoint e;
        e.methods = {std::move(method)};
        e.permission = require(std::move(permission));
        e.args = std::move(args);
        e.allow_only = true;
        return e;
    }

    std::unique_ptr<FluentCartContext> fc_;
};

}  // namespace

std::unique_ptr<plugin::Plugin> make_fluent_cart_plugin(const plugin::PluginContext& ctx) {
    const auto dir = ctx.settings.plugin.find("fluent_cart.iso_codes_dir");
    auto countries = Countries::load(
        dir != ctx.settings.plugin.end() ? dir->second : std::string("/usr/share/iso-codes/json"));
    if (!countries) throw std::runtime_error("fluent-cart: " + countries.error());
    auto fc = std::make_unique<FluentCartContext>(FluentCartContext{
        ctx.table_prefix(), OrderQueries(ctx.table_prefix()), std::move(*countries), ctx.clock});
    fc->hash_format = ctx.settings.auth.hash_format;
    return std::make_unique<FluentCartPlugin>(std::move(fc));
}

}  // namespace cartpress::plugins::fluent_cart
