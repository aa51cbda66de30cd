#pragma once

#include <cartpress/config/settings.hpp>
#include <cartpress/plugin/plugin.hpp>
#include <cartpress/plugin/plugin_context.hpp>
#include <memory>
#include <vector>

namespace cartpress::plugins::storefront {

// Customer accounts, tokens and self-service for headless shops (namespace storefront/v1) on
// FluentCart's tables plus Cartpress's own: shared/spec/storefront-v1.md.
std::unique_ptr<plugin::Plugin> make_storefront_plugin(const plugin::PluginContext& ctx);

// The config keys the plugin reads (storefront.token_ttl, storefront.token_secret, …), for
// config::load_settings.
std::vector<config::PluginKey> storefront_config_keys();

}  // namespace cartpress::plugins::storefront
