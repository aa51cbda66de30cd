#pragma once

#include <string>
#include <string_view>

#include "domain/columns.hpp"

namespace cartpress::plugins::fluent_cart {

// "a.`id`, a.`status`, …" in the column list's order; `as_text` casts each to CHAR so that
// UNION ALL branches of different tables never coerce each other's types.
std::string select_columns(ColumnList columns, std::string_view alias, bool as_text = false);

}  // namespace cartpress::plugins::fluent_cart
