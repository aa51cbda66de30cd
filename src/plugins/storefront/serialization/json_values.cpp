#include "storefront/serialization/json_values.hpp"

#include <cartpress/core/utc_time.hpp>

namespace cartpress::plugins::storefront {

json::Value date_or_null(const std::optional<std::string>& stored, json::Allocator& a) {
    const auto iso = core::iso8601_utc(stored ? std::optional<std::string_view>(*stored)
                                              : std::optional<std::string_view>());
    return iso ? json::str(*iso, a) : json::Value(rapidjson::kNullType);
}

json::Value text_or_null(const std::optional<std::string>& text, json::Allocator& a) {
    return text ? json::str(*text, a) : json::Value(rapidjson::kNullType);
}

}  // namespace cartpress::plugins::storefront
