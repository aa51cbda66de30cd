#include <cartpress/auth/capabilities.hpp>
#include <cartpress/core/php_serialize.hpp>
#include <map>

namespace cartpress::auth {

std::unordered_set<std::string> effective_capabilities(
    std::string_view serialized_user_caps,
    const std::unordered_map<std::string, site::RoleDefinition>& roles) {
    std::unordered_set<std::string> out;
    auto parsed = core::php_unserialize(serialized_user_caps);
    if (!parsed || !parsed->is_array()) return out;

    std::map<std::string, bool> merged;
    const auto key_text = [](const core::PhpKey& k) {
        return k.is_string() ? k.as_string() : std::to_string(k.as_int());
    };
    for (const auto& [key, granted] : parsed->as_array()) {
        if (!granted.truthy()) continue;
        auto role = roles.find(key_text(key));
        if (role == roles.end()) continue;
        for (const auto& [cap, value] : role->second.capabilities) merged[cap] = value;
    }
    for (const auto& [key, granted] : parsed->as_array()) merged[key_text(key)] = granted.truthy();
    for (const auto& [cap, value] : merged) {
        if (value) out.insert(cap);
    }
    return out;
}

}  // namespace cartpress::auth
