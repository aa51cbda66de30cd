#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace cartpress::plugins::fluent_cart {

// How FluentCart's models print a column (spec §3): uncast columns are strings, cast ones
// numbers, dates ISO 8601 or raw, JSON columns decoded.
enum class ColumnType {
    kString,     // string, or null for SQL NULL
    kInt,        // :i JSON integer (null stays null)
    kNumber,     // :n JSON number, whole values without ".0"
    kIso,        // :iso "2025-03-01T09:15:00+00:00" or null
    kRaw,        // :raw the stored DATETIME text or null
    kJson,       // :json decoded; NULL, "", {} and [] print []
    kJsonOrRaw,  // decoded when the text is truthy JSON, else the raw text (subscription config)
    kJsonOrNull  // NULL and "" print null, anything else decoded (customer purchase_value)
};

struct Column {
    std::string_view name;
    ColumnType type;
};

using ColumnList = std::span<const Column>;

// The column lists of spec §5.2/§5.3, in FluentCart's key order (a fresh install's column
// order), independent of the physical table's order.
extern const ColumnList kOrderColumns;
extern const ColumnList kCustomerColumns;
extern const ColumnList kOrderItemColumns;
extern const ColumnList kVariantColumns;
extern const ColumnList kTransactionColumns;
extern const ColumnList kOrderAddressColumns;
extern const ColumnList kActivityColumns;
extern const ColumnList kLabelRelationshipColumns;
extern const ColumnList kAppliedCouponColumns;
extern const ColumnList kOrderOperationColumns;
extern const ColumnList kSubscriptionColumns;

// Where the column called `name` is in `columns` (0 when it is not there).
std::size_t column_index(ColumnList columns, std::string_view name);

}  // namespace cartpress::plugins::fluent_cart
