#pragma once

#include <cartpress/site/site_options.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cartpress::auth {

using site::CapabilitySet;

// §11.11: the capabilities of every role the user's <prefix>capabilities map grants (truthy,
// in map order), then the user's own entries overlaid (a role name is itself a capability, and
// a per-user false removes a role's true). A corrupt map gives no capabilities. A map granting
// one role alone answers with that role's sole_holder_capabilities when it is built.
std::shared_ptr<const CapabilitySet> effective_capabilities(
    std::string_view serialized_user_caps,
    const std::unordered_map<std::string, site::RoleDefinition>& roles);

// What effective_capabilities gives a user whose map is {role_key: true}.
std::shared_ptr<const CapabilitySet> sole_role_capabilities(const std::string& role_key,
                                                            const site::RoleDefinition& role);

}  // namespace cartpress::auth
