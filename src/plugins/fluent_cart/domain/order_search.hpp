#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace cartpress::plugins::fluent_cart {

// The order columns the operator form of `search` can name (spec §4): `id`, `status`,
// `invoice` (which FluentCart maps to `status` too), `payment` and `payment_by`.
enum class SearchColumn { kId, kStatus, kPaymentStatus, kPaymentMethod };

enum class SearchOp { kEqual, kNotEqual, kGreater, kLess, kLike, kNotLike, kBetween };

// `<field> <op> <value>` on a column. `value` is bound as text, as FluentCart binds it, so
// `id > = 3` (how FluentCart reads `id >= 3`) compares id with the text "= 3".
struct ColumnSearch {
    SearchColumn column;
    SearchOp op;
    std::string value;
    std::string upper;  // kBetween only
};

// `customer <any op> x`: customer name (first + " " + last) or email LIKE %x%, unescaped.
struct CustomerSearch {
    std::string term;
};

// No operator form: invoice_no or customer email LIKE %trimmed%, customer name or an item's
// title/post_title LIKE %escaped% (`\ % _` escaped, spec §4).
struct PlainSearch {
    std::string trimmed;
    std::string escaped;
};

using OrderSearch = std::variant<std::monostate, ColumnSearch, CustomerSearch, PlainSearch>;

// FluentCart 1.3.25's OrderFilter::applySimpleFilter on the raw `search` text. The operator is
// the first position where one of `=`, `!=`, `>`, `<`, `>=`, `<=`, `::` matches, tried in that
// order (so `>=` reads as `>`); the field is the text before it (trimmed, any case), the value
// the text up to the next occurrence of the operator (trimmed). An unknown field falls back to
// the plain search of the whole text, which applies unless the text is "" or "0" (PHP empty()).
OrderSearch parse_order_search(std::string_view raw);

// The plain search of the whole text: trimmed, and trimmed with `\ % _` escaped for LIKE.
PlainSearch plain_search(std::string_view raw);

// Whether the operator form applied: FluentCart then skips the *_statuses[] filters.
inline bool is_operator_search(const OrderSearch& s) {
    return std::holds_alternative<ColumnSearch>(s) || std::holds_alternative<CustomerSearch>(s);
}

// WordPress's sanitize_text_field(): invalid UTF-8 gives "", tags are stripped (a `<` that
// opens no tag becomes "&lt;"), runs of whitespace become one space, percent-encoded octets are
// removed, and the result is trimmed. FluentCart applies it to `=`/`!=` values.
std::string sanitize_text_field(std::string_view s);

}  // namespace cartpress::plugins::fluent_cart
