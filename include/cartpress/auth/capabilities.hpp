#pragma once

#include <cartpress/site/site_options.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace cartpress::auth {

// §11.11: the capabilities of every role the user's <prefix>capabilities map grants (truthy,
// in map order), then the user's own entries overlaid (a role name is itself a capability, and
// a per-user false removes a role's true). A corrupt map gives no capabilities.
std::unordered_set<std::string> effective_capabilities(
    std::string_view serialized_user_caps,
    const std::unordered_map<std::string, site::RoleDefinition>& roles);

}  // namespace cartpress::auth
