#pragma once

#include <cartpress/json/rapidjson.hpp>
#include <optional>
#include <string>

namespace cartpress::plugins::storefront {

// Storefront's value conventions (spec §1).

// A stored UTC time as "YYYY-MM-DDTHH:MM:SS+00:00"; null for NULL and for the zero date.
json::Value date_or_null(const std::optional<std::string>& stored, json::Allocator& a);

// The text, or null.
json::Value text_or_null(const std::optional<std::string>& text, json::Allocator& a);

}  // namespace cartpress::plugins::storefront
