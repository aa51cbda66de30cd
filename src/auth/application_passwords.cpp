#include <cartpress/auth/application_passwords.hpp>
#include <cartpress/core/php_serialize.hpp>

namespace cartpress::auth {
namespace {

std::string string_field(const core::PhpValue& item, std::string_view key) {
    const auto* v = item.find(key);
    if (!v) return {};
    if (v->is_string()) return v->as_string();
    if (v->is_int()) return std::to_string(v->as_int());
    return {};
}

}  // namespace

std::vector<ApplicationPassword> parse_application_passwords(std::string_view serialized) {
    std::vector<ApplicationPassword> out;
    auto parsed = core::php_unserialize(serialized);
    if (!parsed || !parsed->is_array()) return out;
    for (const auto& [key, item] : parsed->as_array()) {
        if (!item.is_array()) continue;
        ApplicationPassword p;
        p.uuid = string_field(item, "uuid");
        p.name = string_field(item, "name");
        p.password_hash = string_field(item, "password");
        if (const auto* used = item.find("last_used")) p.last_used = used->to_int().value_or(0);
        out.push_back(std::move(p));
    }
    return out;
}

std::optional<std::string> mark_used(std::string_view serialized, std::string_view uuid,
                                     std::int64_t now, std::string_view ip, std::int64_t interval) {
    auto parsed = core::php_unserialize(serialized);
    if (!parsed || !parsed->is_array()) return std::nullopt;
    for (auto& [key, item] : parsed->as_array()) {
        if (!item.is_array() || string_field(item, "uuid") != uuid) continue;
        std::int64_t last = 0;
        if (const auto* used = item.find("last_used")) last = used->to_int().value_or(0);
        if (last + interval > now) return std::nullopt;
        item.set("last_used", core::PhpValue::from_int(now));
        item.set("last_ip", core::PhpValue::from_string(std::string(ip)));
        return core::php_serialize(*parsed);
    }
    return std::nullopt;
}

}  // namespace cartpress::auth
