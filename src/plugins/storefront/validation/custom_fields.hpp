#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/json/rapidjson.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storefront/errors.hpp"

namespace cartpress::plugins::storefront {

// Custom fields of a customer (storefront-v1.md §10.1): one {p}fct_customer_meta row per field,
// meta_key "cartpress_cf_<name>", meta_value the JSON encoding of the value.

inline constexpr std::size_t kMaxCustomFields = 50;              // per request and per customer
inline constexpr std::size_t kMaxCustomFieldValueBytes = 16384;  // 16 KB, encoded

// One write of a merge: json_value is the value as stored (json::encode, PHP's escaping);
// nullopt deletes the field (`null` was sent).
struct CustomFieldWrite {
    std::string name;
    std::optional<std::string> json_value;
};

// Whether `name` matches ^_?[a-z][a-z0-9_]{0,47}$.
bool is_custom_field_name(std::string_view name);

// Names starting with `_` are protected: written by staff only, hidden from customers.
bool is_protected_custom_field(std::string_view name);

// "cartpress_cf_<name>", and back: the field name of a meta_key, nullopt when the key is not a
// custom field's (another prefix, or the rest is not a valid name).
std::string custom_field_meta_key(std::string_view name);
std::optional<std::string_view> custom_field_name(std::string_view meta_key);

// The `custom_fields` member of a request: an object (`[]` counts as an empty object, as PHP
// clients encode one) of at most kMaxCustomFields entries, each a valid name (protected ones
// only when `staff`) with a value that encodes to at most kMaxCustomFieldValueBytes. The writes
// keep the body's order. Like WordPress's argument check, at most one error is reported, the
// first found, always named "custom_fields" (so data.params has one key for it). Whether the
// customer ends up with more than kMaxCustomFields fields is the caller's check (it needs the
// stored ones).
core::Result<std::vector<CustomFieldWrite>, std::vector<FieldError>> parse_custom_fields(
    const json::Value& value, bool staff);

}  // namespace cartpress::plugins::storefront
