#pragma once

#include <cartpress/plugin/plugin.hpp>
#include <cartpress/plugin/plugin_context.hpp>
#include <memory>

namespace cartpress::plugins::cartpress_ops {

// The host's own namespace, cartpress/v1: GET health (public, for load balancers) and
// GET status (manage_options).
std::unique_ptr<plugin::Plugin> make_cartpress_ops_plugin(const plugin::PluginContext& ctx);

}  // namespace cartpress::plugins::cartpress_ops
