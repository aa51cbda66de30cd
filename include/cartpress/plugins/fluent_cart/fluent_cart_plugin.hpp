#pragma once

#include <cartpress/plugin/plugin.hpp>
#include <cartpress/plugin/plugin_context.hpp>
#include <memory>

namespace cartpress::plugins::fluent_cart {

// FluentCart 1.3.25's REST contract for orders and customers (namespace fluent-cart/v2) on
// FluentCart's own tables: shared/spec/fluent-cart-v2.md.
std::unique_ptr<plugin::Plugin> make_fluent_cart_plugin(const plugin::PluginContext& ctx);

}  // namespace cartpress::plugins::fluent_cart
