#include <cartpress/plugins/storefront/storefront_plugin.hpp>

#include "storefront/storefront_context.hpp"

namespace cartpress::plugins::storefront {
namespace {

constexpr std::string_view kNamespace = "storefront/v1";

class StorefrontPlugin final : public plugin::Plugin {
public:
    explicit StorefrontPlugin(std::unique_ptr<StorefrontContext> sf) : sf_(std::move(sf)) {}

    std::string_view name() const override { return "storefront"; }

    void register_routes(rest::Router& router) override { (void)router; }

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
    auto sf = std::make_unique<StorefrontContext>(ctx.table_prefix(), ctx.clock, *settings);
    return std::make_unique<StorefrontPlugin>(std::move(sf));
}

}  // namespace cartpress::plugins::storefront
