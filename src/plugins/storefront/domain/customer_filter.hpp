#pragma once

// GET customers?filter=… (storefront-v1.md §11), without the database: the filter text parsed
// into conditions, and the conditions turned into a WHERE fragment with bound values.
//
//   filter = expr *( ":" expr )            at most kMaxFilterExpressions, all must hold (AND)
//   expr   = op "(" field "," value ")"    op and field are lower-case names, no spaces
//   value  = bare | quoted
//   bare   = 1*( any byte except , ) : )  not starting with "
//   quoted = '"' *( any byte except " \ | '\"' | '\\' ) '"'   any other escape is an error
//
// Nothing is trimmed by the grammar: `eq(id, 5)` has the value " 5" (an invalid id).

#include <cartpress/core/result.hpp>
#include <cartpress/db/session.hpp>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cartpress::plugins::storefront {

inline constexpr std::size_t kMaxFilterLength = 4096;     // bytes of the whole filter
inline constexpr std::size_t kMaxFilterExpressions = 10;  // §11
inline constexpr std::size_t kMaxFilterTextValue = 192;   // characters of an email/name value
// The escape character of every LIKE pattern this module makes. Not backslash: ESCAPE '\\'
// is one character only without sql_mode NO_BACKSLASH_ESCAPES (with it MariaDB answers 1210
// "Incorrect arguments to ESCAPE"), while ESCAPE '!' reads the same in every mode.
inline constexpr char kLikeEscape = '!';

enum class FilterField { kEmail, kName, kCreatedAt, kUpdatedAt, kId };
enum class FilterOp { kEq, kLike, kGt, kGe, kLt, kLe };

// One parsed expression, its value already in the form the SQL binds.
struct FilterCondition {
    FilterField field = FilterField::kId;
    FilterOp op = FilterOp::kEq;
    // email eq: the email key (site::email_key). email/name like: the LIKE pattern with escape
    // character kLikeEscape (`*` -> `%`; `%` `_` `!` escaped; `\` and the rest literal).
    // name eq: the name trimmed of spaces. created_at/updated_at: the UTC instant
    // "YYYY-MM-DD HH:MM:SS" (for a date-only value, its 00:00:00). id: "".
    std::string text;
    // created_at/updated_at with a date-only value: the next day's 00:00:00 UTC, for ops that
    // use it (eq, gt, le); nullopt otherwise.
    std::optional<std::string> day_end;
    bool date_only = false;    // created_at/updated_at: the value was YYYY-MM-DD
    std::int64_t id = 0;       // id: the value
    std::size_t position = 0;  // byte offset of the expression in the filter
};

// What is wrong with a filter. `message` is the whole human text, always in the form
//   <what is wrong> at position <N>.
// e.g. `Unknown field "foo" at position 3.` or `Expected "(" at position 2.`, where N is the
// 0-based byte offset in the (URL-decoded) filter: the character position when the filter is
// ASCII. A message never quotes a value (it may be huge or not UTF-8); it quotes an unknown
// operator or field name (always [A-Za-z0-9_], cut to 32 characters).
struct FilterError {
    std::string message;
    std::size_t position = 0;
};

// Parses `filter`. Errors, each at the position named:
// - the filter is empty (0) or longer than kMaxFilterLength (kMaxFilterLength);
// - a missing or unknown operator or field, or an operator the field does not take (the
//   operator's position); `(` `,` `)` `:` missing; an unterminated quoted value (its `"`); a bad
//   escape (its `\`); more than kMaxFilterExpressions expressions (the first extra one);
// - a bad value (the value's first byte, its opening `"` when quoted; invalid UTF-8: the first
//   invalid byte): id not a canonical integer in 1..INT64_MAX; a date not YYYY-MM-DD or
//   YYYY-MM-DDTHH:MM:SS followed by Z or ±HH:MM, not a calendar date, or outside MariaDB's
//   DATETIME range (years 1000-9999, after the conversion to UTC and including a date-only
//   value's end for eq/gt/le); an email/name value empty (email eq: its key; name eq: after
//   trimming), longer than kMaxFilterTextValue characters (as written) or not UTF-8.
//
// Dates: a date-only value names the whole UTC day [d 00:00:00, d+1 00:00:00), for every op:
// eq = within the day, ge = from its start, gt = after its end, lt = before its start,
// le = until its end. So eq(d) = ge(d) AND le(d), and gt(d) = NOT le(d).
core::Result<std::vector<FilterCondition>, FilterError> parse_customer_filter(
    std::string_view filter);

struct FilterSqlOptions {
    // The collation of {p}fct_customers' text columns (email, first_name, last_name; FluentCart
    // gives the table one collation) is case-insensitive (`_ci`, detected at startup).
    bool email_column_ci = true;
};

// The WHERE fragment for conditions over table alias `c` ({p}fct_customers), e.g.
//   c.`email` LIKE ? ESCAPE '!' AND c.`created_at` >= ?
// with one param per `?`, in order ("" and no params when there are no conditions). The text
// has no value in it. The text params view strings this object owns: it can be moved but not
// copied, and must outlive the statement that binds `params`.
struct FilterSql {
    std::string where;
    std::vector<db::Param> params;

    FilterSql() = default;
    FilterSql(FilterSql&&) = default;
    FilterSql& operator=(FilterSql&&) = default;
    FilterSql(const FilterSql&) = delete;
    FilterSql& operator=(const FilterSql&) = delete;

    void bind_text(std::string text);  // keeps `text` alive and binds a view of it
    void bind_int(std::int64_t v) { params.emplace_back(v); }

private:
    std::deque<std::string> storage_;  // a deque: its elements stay put when it grows or moves
};

// Case-insensitive columns compare directly; otherwise both sides go through LOWER(), so the
// same (Unicode) lower-casing applies to column and value. email eq follows §4: `c.email = ?`
// or `LOWER(TRIM(c.email)) = ?`, bound to the key. name is TRIM(CONCAT(first_name,' ',last_name)).
FilterSql customer_filter_sql(const std::vector<FilterCondition>& conditions,
                              const FilterSqlOptions& options);

}  // namespace cartpress::plugins::storefront
