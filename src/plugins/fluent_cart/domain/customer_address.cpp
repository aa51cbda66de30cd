#include "domain/customer_address.hpp"

#include <cartpress/json/json_reader.hpp>
#include <cartpress/json/json_writer.hpp>
#include <cartpress/json/rapidjson.hpp>

namespace cartpress::plugins::fluent_cart {

std::optional<std::string> address_meta_with_company(const std::optional<std::string>& stored,
                                                     std::string_view company_name) {
    json::Document meta;
    const bool decoded = stored && !stored->empty() && json::decode(*stored, meta).has_value();
    const bool is_object = decoded && meta.IsObject();
    auto& a = meta.GetAllocator();
    if (company_name.empty()) {
        // Nothing to take out: the stored text stays byte for byte.
        if (!is_object) return stored;
        auto other = meta.FindMember("other_data");
        if (other == meta.MemberEnd() || !other->value.IsObject() ||
            !other->value.HasMember("company_name")) {
            return stored;
        }
        other->value.RemoveMember("company_name");
        if (other->value.ObjectEmpty()) meta.RemoveMember("other_data");
    } else {
        // A list, a scalar or unreadable text has no keys to keep ([] is PHP's empty array).
        if (!is_object) meta.SetObject();
        auto other = meta.FindMember("other_data");
        if (other == meta.MemberEnd()) {
            meta.AddMember("other_data", json::Value(rapidjson::kObjectType), a);
            other = meta.FindMember("other_data");
        } else if (!other->value.IsObject()) {
            other->value.SetObject();
        }
        auto company = other->value.FindMember("company_name");
        if (company == other->value.MemberEnd()) {
            other->value.AddMember("company_name", json::str(company_name, a), a);
        } else {
            company->value = json::str(company_name, a);
        }
    }
    auto text = json::encode(meta);
    // Sanitized text is valid UTF-8, so encoding cannot fail; keep the row as it was if it did.
    if (!text) return stored;
    return *text;
}

}  // namespace cartpress::plugins::fluent_cart
