#include "storefront/validation/custom_fields.hpp"

#include <cartpress/core/utf8.hpp>
#include <cartpress/json/json_writer.hpp>

#include "storefront/validation/customer_input.hpp"

namespace cartpress::plugins::storefront {
namespace {

constexpr std::string_view kParam = "custom_fields";
constexpr std::string_view kMetaPrefix = "cartpress_cf_";
constexpr std::size_t kMaxNameTail = 47;  // characters after the first letter
constexpr std::size_t kMaxShownChars = 64;

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A client's key quoted for a message: error bodies must encode, so invalid UTF-8 is not echoed,
// and a long key is cut.
std::string shown(std::string_view name) {
    if (!core::is_valid_utf8(name)) return "(a name that is not valid UTF-8)";
    std::size_t end = 0;
    std::size_t chars = 0;
    while (end < name.size() && chars < kMaxShownChars) {
        end += core::utf8_sequence_length(name, end);
        ++chars;
    }
    return "\"" + std::string(name.substr(0, end)) + (end < name.size() ? "..." : "") + "\"";
}

std::vector<FieldError> one(std::string message) {
    return {invalid_field(kParam, std::string(kParam) + ": " + std::move(message))};
}

}  // namespace

bool is_custom_field_name(std::string_view name) {
    if (!name.empty() && name.front() == '_') name.remove_prefix(1);
    if (name.empty() || !is_lower(name.front()) || name.size() - 1 > kMaxNameTail) return false;
    for (const char c : name.substr(1)) {
        if (!is_lower(c) && !is_digit(c) && c != '_') return false;
    }
    return true;
}

bool is_protected_custom_field(std::string_view name) {
    return !name.empty() && name.front() == '_';
}

std::string custom_field_meta_key(std::string_view name) {
    return std::string(kMetaPrefix) + std::string(name);
}

std::optional<std::string_view> custom_field_name(std::string_view meta_key) {
    if (meta_key.substr(0, kMetaPrefix.size()) != kMetaPrefix) return std::nullopt;
    const std::string_view name = meta_key.substr(kMetaPrefix.size());
    if (!is_custom_field_name(name)) return std::nullopt;
    return name;
}

core::Result<std::vector<CustomFieldWrite>, std::vector<FieldError>> parse_custom_fields(
    const json::Value& value, bool staff) {
    std::vector<CustomFieldWrite> writes;
    // PHP encodes an empty associative array as [], so a GET's "custom_fields":[] can come back.
    if (value.IsArray() && value.Empty()) return writes;
    if (!value.IsObject()) return core::fail(std::vector<FieldError>{type_error(kParam, "object")});
    if (value.MemberCount() > kMaxCustomFields) {
        return core::fail(one("at most " + std::to_string(kMaxCustomFields) +
                              " fields can be written in one request."));
    }
    writes.reserve(value.MemberCount());
    for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
        const std::string_view name = json::view(it->name);
        if (!is_custom_field_name(name)) {
            return core::fail(
                one(shown(name) + " is not a valid field name (^_?[a-z][a-z0-9_]{0,47}$)."));
        }
        if (is_protected_custom_field(name) && !staff) {
            return core::fail(one(shown(name) + " can only be changed by staff."));
        }
        CustomFieldWrite write{std::string(name), std::nullopt};
        if (!it->value.IsNull()) {
            auto encoded = json::encode(it->value);
            if (!encoded) {
                return core::fail(one("the value of " + shown(name) + " is not valid UTF-8."));
            }
            if (encoded->size() > kMaxCustomFieldValueBytes) {
                return core::fail(one("the value of " + shown(name) + " is larger than " +
                                      std::to_string(kMaxCustomFieldValueBytes) +
                                      " bytes when encoded."));
            }
            write.json_value = std::move(*encoded);
        }
        writes.push_back(std::move(write));
    }
    return writes;
}

}  // namespace cartpress::plugins::storefront
