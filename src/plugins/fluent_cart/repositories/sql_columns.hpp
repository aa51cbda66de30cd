#pragma once

#include <cartpress/db/rows.hpp>
#include <string>
#include <string_view>

#include "domain/columns.hpp"
#include "domain/order_graph.hpp"

namespace cartpress::plugins::fluent_cart {

// "a.`id`, a.`status`, …" in the column list's order; `as_text` casts each to CHAR so that
// UNION ALL branches of different tables never coerce each other's types.
std::string select_columns(ColumnList columns, std::string_view alias, bool as_text = false);

// FluentCart's Order model class as an SQL string literal's content (backslashes escaped).
inline constexpr std::string_view kOrderModelSql = "FluentCart\\\\App\\\\Models\\\\Order";

// The customer's photo (spec §5.3): the first `fc_customer_photo_url` usermeta row of the
// WordPress user linked to the customer aliased `alias`, as a scalar sub-select.
std::string customer_photo_sql(const std::string& table_prefix, std::string_view alias);

// The customer columns (kCustomerColumns) and then its photo, from `offset` on.
CustomerRecord read_customer_record(const db::Rows::Row& row, std::size_t offset);

// `count` columns of `row` from `offset` on, NULL kept.
Record read_record(const db::Rows::Row& row, std::size_t offset, std::size_t count);

}  // namespace cartpress::plugins::fluent_cart
