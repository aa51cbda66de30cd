#pragma once

#include <cartpress/json/rapidjson.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/columns.hpp"
#include "domain/order_graph.hpp"

namespace cartpress::plugins::fluent_cart {

// Adds every column of `record` to `object` as FluentCart's model would print it.
void write_record(json::Value& object, ColumnList columns, const Record& record,
                  json::Allocator& alloc);

// A stored JSON column: decoded, [] for NULL/""/{}/[] (`:json`).
json::Value json_column(const std::optional<std::string>& text, json::Allocator& alloc);

// A value as PHP's `$x ? json_decode($x, true) : $x` would leave it: decoded when the text
// is truthy and valid JSON, else the text itself (order meta, subscription config).
json::Value json_or_text(const std::optional<std::string>& text, json::Allocator& alloc);

// Small readers shared by the serializers.
std::string text(const std::optional<std::string>& v);  // "" for NULL
// PHP's (int) of a column: leading digits, 0 when there are none.
std::int64_t to_int(const std::optional<std::string>& v);
// object[name] when `object` is an object that has it.
const json::Value* member(const json::Value& object, const char* name);
// PHP truthiness of a decoded JSON value (config.upgraded_from, other_info.is_custom).
bool truthy(const json::Value* v);

// The value of column `name` (empty optional for NULL).
const std::optional<std::string>& field(ColumnList columns, const Record& record,
                                        std::string_view name);

}  // namespace cartpress::plugins::fluent_cart
