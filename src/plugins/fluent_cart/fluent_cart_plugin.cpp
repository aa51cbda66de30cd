#include <strings.h>

#include <cartpress/plugins/fluent_cart/fluent_cart_plugin.hpp>

#include "errors.hpp"
#include "fluent_cart_context.hpp"
#include "handlers/customer_change_handlers.hpp"
#include "handlers/customer_handlers.hpp"
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
        const auto handler = [fc](auto fn) {
            return [fc, fn](const rest::RestRequest& r, rest::RequestContext& c) {
                return fn(*fc, r, c);
            };
        };
        rest::Endpoint orders;
        orders.methods = {"GET"};
        orders.permission = require("orders/view");
        orders.handler = handler(list_orders);
        router.add(kNamespace, "orders", std::move(orders));
        router.add(kNamespace, "orders", allow_only("POST", "orders/create", {}));

        rest::Endpoint order;
        order.methods = {"GET"};
        order.permission = require("orders/view");
        order.args = {path_arg("order_id")};
        order.handler = handler(get_order);
        router.add(kNamespace, "orders/{order_id:int}", std::move(order));
        router.add(kNamespace, "orders/{order_id:int}",
                   allow_only("POST", "orders/manage", {path_arg("order_id")}));
        router.add(kNamespace, "orders/{order_id:int}",
                   allow_only("DELETE", "orders/delete", {path_arg("order_id")}));

        // Customer changes (spec §6, §7).
        rest::Endpoint change;
        change.methods = {"POST"};
        change.permission = require("orders/manage");
        change.args = {path_arg("order_id")};
        change.handler = handler(change_customer);
        router.add(kNamespace, "orders/{order_id:int}/change-customer", std::move(change));
        rest::Endpoint create_and_change;
        create_and_change.methods = {"POST"};
        create_and_change.permission = require("orders/manage");
        create_and_change.args = {path_arg("order_id")};
        create_and_change.handler = handler(create_and_change_customer);
        router.add(kNamespace, "orders/{order_id:int}/create-and-change-customer",
                   std::move(create_and_change));

        // Customers (spec §8.2–§8.4).
        rest::Endpoint create;
        create.methods = {"POST"};
        create.permission = require("customers/manage");
        create.handler = handler(create_customer);
        router.add(kNamespace, "customers", std::move(create));
        rest::Endpoint customer;
        customer.methods = {"GET"};
        customer.permission = require("customers/view");
        customer.args = {path_arg("customerId")};
        customer.handler = handler(get_customer);
        router.add(kNamespace, "customers/{customerId:int}", std::move(customer));
        rest::Endpoint update;
        update.methods = {"PUT"};
        update.permission = require("customers/manage");
        update.args = {path_arg("customerId")};
        update.handler = handler(update_customer);
        router.add(kNamespace, "customers/{customerId:int}", std::move(update));
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
