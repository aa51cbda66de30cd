#include <strings.h>

#include <cartpress/plugins/storefront/storefront_plugin.hpp>

#include "storefront/handlers/address_handlers.hpp"
#include "storefront/handlers/cart_handlers.hpp"
#include "storefront/handlers/collection.hpp"
#include "storefront/handlers/customer_handlers.hpp"
#include "storefront/handlers/history_handlers.hpp"
#include "storefront/handlers/order_handlers.hpp"
#include "storefront/handlers/subscription_handlers.hpp"
#include "storefront/handlers/token_handlers.hpp"
#include "storefront/storefront_context.hpp"

namespace cartpress::plugins::storefront {
namespace {

constexpr std::string_view kNamespace = "storefront/v1";

rest::ArgSpec string_arg(std::string name, bool required) {
    rest::ArgSpec a;
    a.name = std::move(name);
    a.type = rest::ArgType::kString;
    a.required = required;
    return a;
}

class StorefrontPlugin final : public plugin::Plugin {
public:
    explicit StorefrontPlugin(std::unique_ptr<StorefrontContext> sf) : sf_(std::move(sf)) {}

    std::string_view name() const override { return "storefront"; }

    // Every route is public to the router: who may call it depends on the actor (spec §2), which
    // the handler resolves first (a customer token, staff credentials, or nobody); declared
    // arguments are still checked before that, as WordPress checks them before permissions.
    void register_routes(rest::Router& router) override {
        const StorefrontContext* sf = sf_.get();
        const auto add = [&router, sf](const char* route, std::vector<std::string> methods,
                                       std::vector<rest::ArgSpec> args, auto handler) {
            rest::Endpoint e;
            e.methods = std::move(methods);
            e.args = std::move(args);
            e.handler = [sf, handler](const rest::RestRequest& r, rest::RequestContext& c) {
                return handler(*sf, r, c);
            };
            router.add(kNamespace, route, std::move(e));
        };

        // Customer tokens (spec §6).
        add("customers/tokens", {"POST"}, {string_arg("email", true), string_arg("password", true)},
            create_token);
        add("customers/tokens/refresh", {"POST"}, {}, refresh_token);
        add("customers/tokens/current", {"DELETE"}, {}, delete_current_token);
        add("customers/{id:int}/tokens", {"DELETE"}, {}, revoke_customer_tokens);

        // Customers (spec §5.1, §8). Item routes take POST, PUT and PATCH alike (§1).
        const std::vector<std::string> editable = {"POST", "PUT", "PATCH"};
        add("customers", {"GET"}, list_customers_args(), list_customers);
        add("customers", {"POST"}, {}, create_customer);
        add("customers/{id:int}", {"GET"}, {}, get_customer);
        add("customers/{id:int}", editable, {}, update_customer);
        add("customers/{id:int}", {"DELETE"}, {}, delete_customer);
        add("me", {"GET"}, {}, get_me);
        add("me", editable, {}, update_me);
        add("me", {"DELETE"}, {}, delete_me);

        // Address books (spec §5.2, §8), by customer id or as me.
        for (const char* base : {"customers/{id:int}/addresses", "me/addresses"}) {
            const std::string item = std::string(base) + "/{address_id:int}";
            add(base, {"GET"}, paging_args(), list_addresses);
            add(base, {"POST"}, {}, create_address);
            add(item.c_str(), {"GET"}, {}, get_address);
            add(item.c_str(), editable, {}, update_address);
            add(item.c_str(), {"DELETE"}, {}, delete_address);
        }

        // Order history (spec §8).
        auto history_args = paging_args();
        history_args.push_back(string_arg("status", false));
        add("customers/{id:int}/orders", {"GET"}, history_args, list_customer_orders);
        add("me/orders", {"GET"}, history_args, list_my_orders);
        add("me/orders/{order_id:int}", {"GET"}, {}, get_my_order);

        // Set an order's customer by email (spec §7).
        add("orders/{order}", editable, {}, patch_order);

        // Email subscriptions (spec §10.2).
        auto list_args = paging_args();
        list_args.push_back(string_arg("customer_email", false));
        list_args.push_back(string_arg("reference", false));
        add("customer_subscriptions", {"GET"}, list_args, list_subscriptions);
        add("customer_subscriptions", {"POST"}, {}, subscribe);
        add("customer_subscriptions/{id:int}", {"DELETE"}, {}, unsubscribe);
        add("me/subscriptions", {"GET"}, paging_args(), list_my_subscriptions);
        add("me/subscriptions/{id:int}", {"DELETE"}, {}, unsubscribe);

        // Cart ↔ customer (spec §12.1).
        add("carts/{cart_hash}/relationships/customers", {"POST"}, {}, associate_cart);
        add("carts/{cart_hash}/relationships/customers", {"DELETE"}, {}, dissociate_cart);
    }

    // Browsers may send the token (and, later, Idempotency-Key) only if preflight answers allow
    // them (spec §1).
    void register_hooks(plugin::HostHooks& hooks) override {
        const auto own = [](const rest::RestRequest& r) {
            return r.route().size() >= 14 &&
                   strncasecmp(r.route().data(), "/storefront/v1", 14) == 0;
        };
        hooks.rest_allowed_cors_headers.add(
            10, [own](std::vector<std::string> names, const rest::RestRequest& r) {
                if (own(r)) {
                    names.emplace_back("X-Customer-Token");
                    names.emplace_back("Idempotency-Key");
                }
                return names;
            });
        hooks.rest_exposed_cors_headers.add(
            10, [own](std::vector<std::string> names, const rest::RestRequest& r) {
                if (own(r)) names.emplace_back("Idempotent-Replayed");
                return names;
            });
    }

private:
    std::unique_ptr<StorefrontContext> sf_;
};

}  // namespace

std::vector<config::PluginKey> storefront_config_keys() {
    return {
        {"storefront.token_ttl", "3600", false},
        {"storefront.token_secret", "", true},
        {"storefront.signup", "auto", false},
    };
}

std::unique_ptr<plugin::Plugin> make_storefront_plugin(const plugin::PluginContext& ctx) {
    auto settings = read_storefront_settings(ctx.settings);
    if (!settings) throw std::runtime_error("storefront: " + settings.error());
    const auto dir = ctx.settings.plugin.find("fluent_cart.iso_codes_dir");
    auto countries = fluent_cart::Countries::load(
        dir != ctx.settings.plugin.end() ? dir->second : std::string("/usr/share/iso-codes/json"));
    if (!countries) throw std::runtime_error("storefront: " + countries.error());
    auto sf = std::make_unique<StorefrontContext>(ctx.table_prefix(), ctx.settings.rest_prefix,
                                                  ctx.clock, *settings, std::move(*countries));
    sf->hash_format = ctx.settings.auth.hash_format;
    return std::make_unique<StorefrontPlugin>(std::move(sf));
}

}  // namespace cartpress::plugins::storefront
