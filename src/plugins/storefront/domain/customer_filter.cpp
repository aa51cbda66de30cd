#include "storefront/domain/customer_filter.hpp"

#include <array>
#include <cartpress/core/utf8.hpp>
#include <cartpress/site/email_identity.hpp>
#include <chrono>
#include <cstdio>
#include <limits>
#include <utility>

namespace cartpress::plugins::storefront {
namespace {

constexpr std::size_t kMaxQuotedName = 32;

core::Unexpected<FilterError> error_at(std::string what, std::size_t position) {
    std::string message = std::move(what);
    message += " at position ";
    message += std::to_string(position);
    message += '.';
    return core::fail(FilterError{std::move(message), position});
}

// `name` quoted for a message; names are [A-Za-z0-9_] only, so they are safe to echo.
std::string quoted_name(std::string_view name) {
    if (name.size() > kMaxQuotedName) {
        return "\"" + std::string(name.substr(0, kMaxQuotedName)) + "...\"";
    }
    return "\"" + std::string(name) + "\"";
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::optional<FilterOp> op_named(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, FilterOp>, 6> kOps = {{
        {"eq", FilterOp::kEq},
        {"like", FilterOp::kLike},
        {"gt", FilterOp::kGt},
        {"ge", FilterOp::kGe},
        {"lt", FilterOp::kLt},
        {"le", FilterOp::kLe},
    }};
    for (const auto& [n, op] : kOps) {
        if (n == name) return op;
    }
    return std::nullopt;
}

std::optional<FilterField> field_named(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, FilterField>, 5> kFields = {{
        {"email", FilterField::kEmail},
        {"name", FilterField::kName},
        {"created_at", FilterField::kCreatedAt},
        {"updated_at", FilterField::kUpdatedAt},
        {"id", FilterField::kId},
    }};
    for (const auto& [n, field] : kFields) {
        if (n == name) return field;
    }
    return std::nullopt;
}

bool is_text_field(FilterField f) { return f == FilterField::kEmail || f == FilterField::kName; }

// The §11 table.
bool field_takes(FilterField field, FilterOp op) {
    if (is_text_field(field)) return op == FilterOp::kEq || op == FilterOp::kLike;
    return op != FilterOp::kLike;
}

// `*` is the wildcard; every character LIKE would treat specially is escaped instead.
std::string like_pattern(std::string_view value) {
    std::string out;
    out.reserve(value.size() + 8);
    for (const char c : value) {
        if (c == '*') {
            out += '%';
        } else if (c == '%' || c == '_' || c == kLikeEscape) {
            out += kLikeEscape;
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// Offset of the first byte that does not start a valid UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = core::utf8_sequence_length(s, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

// Characters of valid UTF-8: the bytes that do not continue a sequence.
std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    }
    return n;
}

// A canonical positive int64: digits only, no sign, no leading zero.
std::optional<std::int64_t> parse_id(std::string_view v) {
    if (v.empty() || v.size() > 19 || v.front() == '0') return std::nullopt;
    std::int64_t out = 0;
    for (const char c : v) {
        if (c < '0' || c > '9') return std::nullopt;
        const int digit = c - '0';
        if (out > (std::numeric_limits<std::int64_t>::max() - digit) / 10) return std::nullopt;
        out = out * 10 + digit;
    }
    return out;
}

struct ParsedDate {
    std::string start;                // UTC "YYYY-MM-DD HH:MM:SS"
    std::optional<std::string> next;  // date-only: the next day's start, if in range
    bool date_only = false;
};

// MariaDB's DATETIME range: the years 1000 to 9999.
constexpr int kMinYear = 1000;
constexpr int kMaxYear = 9999;

std::optional<std::string> datetime_text(std::chrono::sys_seconds t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd(day);
    const int year = static_cast<int>(ymd.year());
    if (year < kMinYear || year > kMaxYear) return std::nullopt;
    const std::chrono::hh_mm_ss<std::chrono::seconds> hms(t - day);
    char buf[96];  // room for any int, so the compiler sees no truncation
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d:%02d", year,
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return std::string(buf);
}

enum class DateProblem { kFormat, kCalendar, kTime, kOffset, kRange };

// `v` as a number when it is all digits, else -1.
int digits(std::string_view v) {
    int out = 0;
    for (const char c : v) {
        if (c < '0' || c > '9') return -1;
        out = out * 10 + (c - '0');
    }
    return out;
}

core::Result<ParsedDate, DateProblem> parse_date(std::string_view v) {
    // YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DDTHH:MM:SS+HH:MM (-HH:MM)
    if (v.size() != 10 && v.size() != 20 && v.size() != 25) return core::fail(DateProblem::kFormat);
    const int year = digits(v.substr(0, 4));
    const int month = digits(v.substr(5, 2));
    const int day = digits(v.substr(8, 2));
    if (year < 0 || month < 0 || day < 0 || v[4] != '-' || v[7] != '-') {
        return core::fail(DateProblem::kFormat);
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    int offset_seconds = 0;
    if (v.size() > 10) {
        hour = digits(v.substr(11, 2));
        minute = digits(v.substr(14, 2));
        second = digits(v.substr(17, 2));
        if (v[10] != 'T' || v[13] != ':' || v[16] != ':' || hour < 0 || minute < 0 || second < 0) {
            return core::fail(DateProblem::kFormat);
        }
        if (v.size() == 20) {
            if (v[19] != 'Z') return core::fail(DateProblem::kFormat);
        } else {
            const char sign = v[19];
            const int oh = digits(v.substr(20, 2));
            const int om = digits(v.substr(23, 2));
            if ((sign != '+' && sign != '-') || v[22] != ':' || oh < 0 || om < 0) {
                return core::fail(DateProblem::kFormat);
            }
            if (oh > 23 || om > 59) return core::fail(DateProblem::kOffset);
            offset_seconds = (sign == '+' ? 1 : -1) * (oh * 3600 + om * 60);
        }
    }
    const std::chrono::year_month_day ymd{std::chrono::year(year),
                                          std::chrono::month(static_cast<unsigned>(month)),
                                          std::chrono::day(static_cast<unsigned>(day))};
    if (!ymd.ok()) return core::fail(DateProblem::kCalendar);
    if (hour > 23 || minute > 59 || second > 59) return core::fail(DateProblem::kTime);

    const std::chrono::sys_days local_day(ymd);
    // Local time minus its offset is UTC.
    const std::chrono::sys_seconds utc = local_day + std::chrono::hours(hour) +
                                         std::chrono::minutes(minute) +
                                         std::chrono::seconds(second - offset_seconds);
    ParsedDate out;
    auto start = datetime_text(utc);
    if (!start) return core::fail(DateProblem::kRange);
    out.start = std::move(*start);
    if (v.size() == 10) {
        out.date_only = true;
        out.next = datetime_text(local_day + std::chrono::days(1));
    }
    return out;
}

std::string_view date_problem_text(DateProblem p) {
    switch (p) {
        case DateProblem::kFormat:
            return "Expected a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS followed by Z, +HH:MM "
                   "or -HH:MM";
        case DateProblem::kCalendar:
            return "Invalid calendar date";
        case DateProblem::kTime:
            return "Invalid time of day";
        case DateProblem::kOffset:
            return "Invalid UTC offset";
        case DateProblem::kRange:
            return "Date out of range (years 1000 to 9999 in UTC)";
    }
    return "Invalid date";
}

// The value of one expression: the decoded text, where it starts, and the raw bytes it came
// from (without the quotes). Escapes are ASCII, so raw and decoded text are valid UTF-8 alike,
// and an offset in `raw` is an offset in the filter.
struct RawValue {
    std::string text;
    std::size_t position = 0;
    std::size_t raw_position = 0;
    std::string_view raw;
};

core::Result<FilterCondition, FilterError> make_condition(FilterField field, FilterOp op,
                                                          const RawValue& value) {
    FilterCondition c;
    c.field = field;
    c.op = op;
    const std::size_t at = value.position;
    switch (field) {
        case FilterField::kId: {
            const auto id = parse_id(value.text);
            if (!id) return error_at("Expected an id from 1 to 9223372036854775807", at);
            c.id = *id;
            return c;
        }
        case FilterField::kCreatedAt:
        case FilterField::kUpdatedAt: {
            auto date = parse_date(value.text);
            if (!date) return error_at(std::string(date_problem_text(date.error())), at);
            const bool uses_end = op == FilterOp::kEq || op == FilterOp::kGt || op == FilterOp::kLe;
            if (date->date_only && uses_end && !date->next) {
                return error_at(std::string(date_problem_text(DateProblem::kRange)), at);
            }
            c.text = std::move(date->start);
            c.date_only = date->date_only;
            if (date->date_only) c.day_end = std::move(date->next);
            return c;
        }
        case FilterField::kEmail:
        case FilterField::kName:
            break;
    }
    if (const std::size_t bad = first_invalid_utf8(value.raw); bad != std::string_view::npos) {
        return error_at("Value is not valid UTF-8", value.raw_position + bad);
    }
    if (utf8_length(value.text) > kMaxFilterTextValue) {
        return error_at("Value longer than 192 characters", at);
    }
    if (op == FilterOp::kLike) {
        c.text = like_pattern(value.text);
    } else if (field == FilterField::kEmail) {
        c.text = site::email_key(value.text);
    } else {
        c.text = std::string(trim_spaces(value.text));
    }
    if (c.text.empty()) return error_at("Value is empty", at);
    return c;
}

class Parser {
public:
    explicit Parser(std::string_view s) : s_(s) {}

    core::Result<std::vector<FilterCondition>, FilterError> run() {
        if (s_.empty()) return error_at("Filter is empty", 0);
        if (s_.size() > kMaxFilterLength) {
            return error_at("Filter longer than 4096 bytes", kMaxFilterLength);
        }
        std::vector<FilterCondition> out;
        while (true) {
            if (out.size() == kMaxFilterExpressions) {
                return error_at("Too many expressions (at most 10)", i_);
            }
            auto c = expression();
            if (!c) return core::fail(std::move(c).error());
            out.push_back(std::move(*c));
            if (i_ == s_.size()) return out;
            if (s_[i_] != ':') return error_at("Expected \":\"", i_);
            ++i_;
        }
    }

private:
    std::string_view name() {
        const std::size_t start = i_;
        while (i_ < s_.size() && is_name_char(s_[i_])) ++i_;
        return s_.substr(start, i_ - start);
    }

    bool take(char c) {
        if (i_ < s_.size() && s_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }

    core::Result<FilterCondition, FilterError> expression() {
        const std::size_t start = i_;
        const std::string_view op_name = name();
        if (op_name.empty()) return error_at("Expected an operator", start);
        const auto op = op_named(op_name);
        if (!op) return error_at("Unknown operator " + quoted_name(op_name), start);
        if (!take('(')) return error_at("Expected \"(\"", i_);

        const std::size_t field_at = i_;
        const std::string_view field_name = name();
        if (field_name.empty()) return error_at("Expected a field", field_at);
        const auto field = field_named(field_name);
        if (!field) return error_at("Unknown field " + quoted_name(field_name), field_at);
        if (!field_takes(*field, *op)) {
            return error_at("Operator " + quoted_name(op_name) + " does not apply to field " +
                                quoted_name(field_name),
                            start);
        }
        if (!take(',')) return error_at("Expected \",\"", i_);

        RawValue value;
        value.position = i_;
        if (i_ < s_.size() && s_[i_] == '"') {
            if (auto q = quoted(value); !q) return core::fail(std::move(q).error());
        } else {
            value.raw_position = i_;
            while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != ')' && s_[i_] != ':') ++i_;
            value.raw = s_.substr(value.raw_position, i_ - value.raw_position);
            if (value.raw.empty()) return error_at("Expected a value", value.position);
            value.text = std::string(value.raw);
            if (i_ < s_.size() && s_[i_] != ')') {
                // The usual cause: a time (HH:MM:SS) or a comma in a bare value.
                return error_at(R"x(Expected ")" (quote a value that contains "," or ":"))x", i_);
            }
        }
        if (!take(')')) return error_at("Expected \")\"", i_);

        auto c = make_condition(*field, *op, value);
        if (c) c->position = start;
        return c;
    }

    // A quoted value starting at i_ (its `"`); leaves i_ after the closing `"`.
    core::Result<void, FilterError> quoted(RawValue& value) {
        const std::size_t open = i_++;
        value.raw_position = i_;
        while (i_ < s_.size() && s_[i_] != '"') {
            if (s_[i_] == '\\') {
                if (i_ + 1 >= s_.size()) return error_at("Unterminated quoted value", open);
                const char next = s_[i_ + 1];
                if (next != '"' && next != '\\') return error_at("Invalid escape", i_);
                value.text += next;
                i_ += 2;
            } else {
                value.text += s_[i_++];
            }
        }
        if (i_ >= s_.size()) return error_at("Unterminated quoted value", open);
        value.raw = s_.substr(value.raw_position, i_ - value.raw_position);
        ++i_;
        return {};
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

std::string_view date_column(FilterField f) {
    return f == FilterField::kCreatedAt ? "c.`created_at`" : "c.`updated_at`";
}

std::string_view compare_sql(FilterOp op) {
    switch (op) {
        case FilterOp::kEq:
            return " = ?";
        case FilterOp::kGt:
            return " > ?";
        case FilterOp::kGe:
            return " >= ?";
        case FilterOp::kLt:
            return " < ?";
        case FilterOp::kLe:
            return " <= ?";
        case FilterOp::kLike:
            break;
    }
    return " LIKE ?";
}

constexpr std::string_view kName = "TRIM(CONCAT(c.`first_name`, ' ', c.`last_name`))";

// `column` compared case-insensitively with one bound text.
std::string text_sql(std::string_view column, FilterOp op, bool ci) {
    const std::string_view tail = op == FilterOp::kLike ? " LIKE " : " = ";
    std::string out;
    if (ci) {
        out = std::string(column) + std::string(tail) + "?";
    } else {
        out = "LOWER(" + std::string(column) + ")" + std::string(tail) + "LOWER(?)";
    }
    if (op == FilterOp::kLike) {
        out += " ESCAPE '";
        out += kLikeEscape;
        out += "'";
    }
    return out;
}

}  // namespace

void FilterSql::bind_text(std::string text) {
    storage_.push_back(std::move(text));
    params.emplace_back(std::string_view(storage_.back()));
}

core::Result<std::vector<FilterCondition>, FilterError> parse_customer_filter(
    std::string_view filter) {
    return Parser(filter).run();
}

FilterSql customer_filter_sql(const std::vector<FilterCondition>& conditions,
                              const FilterSqlOptions& options) {
    FilterSql out;
    for (const auto& c : conditions) {
        if (!out.where.empty()) out.where += " AND ";
        switch (c.field) {
            case FilterField::kEmail:
                if (c.op == FilterOp::kEq) {
                    out.where +=
                        options.email_column_ci ? "c.`email` = ?" : "LOWER(TRIM(c.`email`)) = ?";
                } else {
                    out.where += text_sql("c.`email`", c.op, options.email_column_ci);
                }
                out.bind_text(c.text);
                break;
            case FilterField::kName:
                out.where += text_sql(kName, c.op, options.email_column_ci);
                out.bind_text(c.text);
                break;
            case FilterField::kId:
                out.where += "c.`id`";
                out.where += compare_sql(c.op);
                out.bind_int(c.id);
                break;
            case FilterField::kCreatedAt:
            case FilterField::kUpdatedAt: {
                const std::string column(date_column(c.field));
                if (!c.date_only) {
                    out.where += column;
                    out.where += compare_sql(c.op);
                    out.bind_text(c.text);
                    break;
                }
                // A date-only value is the UTC day [text, day_end).
                const std::string end = c.day_end.value_or("");
                switch (c.op) {
                    case FilterOp::kEq:
                        out.where += column + " >= ? AND " + column + " < ?";
                        out.bind_text(c.text);
                        out.bind_text(end);
                        break;
                    case FilterOp::kGt:
                        out.where += column + " >= ?";
                        out.bind_text(end);
                        break;
                    case FilterOp::kGe:
                        out.where += column + " >= ?";
                        out.bind_text(c.text);
                        break;
                    case FilterOp::kLt:
                        out.where += column + " < ?";
                        out.bind_text(c.text);
                        break;
                    case FilterOp::kLe:
                    case FilterOp::kLike:  // not parsed for dates
                        out.where += column + " < ?";
                        out.bind_text(end);
                        break;
                }
                break;
            }
        }
    }
    return out;
}

}  // namespace cartpress::plugins::storefront
