#pragma once

#include <cartpress/json/rapidjson.hpp>
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

// The value of column `name` (empty optional for NULL).
const std::optional<std::string>& field(ColumnList columns, const Record& record,
                                        std::string_view name);

}  // namespace cartpress::plugins::fluent_cart
