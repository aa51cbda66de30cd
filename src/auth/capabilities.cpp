#include <cartpress/auth/capabilities.hpp>
#include <cartpress/core/php_serialize.hpp>
#include <map>

namespace cartpress::auth {
namespace {

std::string key_text(const core::PhpKey& k) {
    return k.is_string() ? k.as_string() : std::to_string(k.as_int());
}

std::shared_ptr<const CapabilitySet> granted(const std::map<std::string, bool>& merged) {
    auto out = std::make_shared<CapabilitySet>();
    for (const auto& [cap, value] : merged) {
        if (value) out->insert(cap);
    }
    return out;
}

}  // namespace

std::shared_ptr<const CapabilitySet> effective_capabilities(
    std::string_view serialized_user_caps,
    const std::unordered_map<std::string, site::RoleDefinition>& roles) {
    auto parsed = core::php_unserialize(serialized_user_caps);
    if (!parsed || !parsed->is_array()) return std::make_shared<const CapabilitySet>();
    const auto& entries = parsed->as_array();

    if (entries.size() == 1 && entries.begin()->second.truthy()) {
        auto role = roles.find(key_text(entries.begin()->first));
        if (role != roles.end() && role->second.sole_holder_capabilities) {
            return role->second.sole_holder_capabilities;
        }
    }

    std::map<std::string, bool> merged;
    for (const auto& [key, value] : entries) {
        if (!value.truthy()) continue;
        auto role = roles.find(key_text(key));
        if (role == roles.end()) continue;
        for (const auto& [cap, cap_value] : role->second.capabilities) merged[cap] = cap_value;
    }
    for (const auto& [key, value] : entries) merged[key_text(key)] = value.truthy();
    return granted(merged);
}

std::shared_ptr<const CapabilitySet> sole_role_capabilities(const std::string& role_key,
                                                            const site::RoleDefinition& role) {
    std::map<std::string, bool> merged = role.capabilities;
    merged[role_key] = true;
    return granted(merged);
}

}  // namespace cartpress::auth
