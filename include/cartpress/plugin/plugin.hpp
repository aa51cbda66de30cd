#pragma once

#include <cartpress/plugin/host_hooks.hpp>
#include <cartpress/rest/router.hpp>
#include <string_view>

namespace cartpress::plugin {

// A plugin adds routes and hooks; main registers each plugin explicitly in a fixed order
// (no static self-registration: a static-library link would drop it silently).
class Plugin {
public:
    virtual ~Plugin() = default;
    virtual std::string_view name() const = 0;
    virtual void register_routes(rest::Router& router) = 0;
    virtual void register_hooks(HostHooks&) {}
};

}  // namespace cartpress::plugin
