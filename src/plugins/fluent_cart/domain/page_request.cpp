#include "domain/page_request.hpp"

#include <charconv>
#include <limits>
#include <string>
#include <string_view>

namespace cartpress::plugins::fluent_cart {
namespace {

constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
constexpr auto kMin = std::numeric_limits<std::int64_t>::min();

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::int64_t saturate(double d) {
    if (d != d) return 0;  // NaN (not reachable from JSON or numeric strings)
    if (d >= 9223372036854775807.0) return kMax;
    if (d <= -9223372036854775808.0) return kMin;
    return static_cast<std::int64_t>(d);
}

std::optional<PhpNumber> numeric_string(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    // The grammar first: [+-]? (digits [. digits*] | . digits) ([eE] [+-]? digits)?
    std::size_t i = 0;
    const bool negative = i < s.size() && s[i] == '-';
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t mantissa = i;
    std::size_t int_digits = 0;
    for (; i < s.size() && is_digit(s[i]); ++i) ++int_digits;
    bool integral = true;
    std::size_t frac_digits = 0;
    if (i < s.size() && s[i] == '.') {
        integral = false;
        ++i;
        for (; i < s.size() && is_digit(s[i]); ++i) ++frac_digits;
    }
    if (int_digits + frac_digits == 0) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        integral = false;
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exp_digits = 0;
        for (; i < s.size() && is_digit(s[i]); ++i) ++exp_digits;
        if (exp_digits == 0) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;

    const std::string_view body = s.substr(mantissa);
    PhpNumber n;
    std::string text(body);
    if (negative) text.insert(text.begin(), '-');
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n.value);
    if (ec == std::errc::result_out_of_range) {
        n.value = negative ? -std::numeric_limits<double>::infinity()
                           : std::numeric_limits<double>::infinity();
    } else if (ec != std::errc() || p != text.data() + text.size()) {
        return std::nullopt;
    }
    if (integral) {
        // Whole digits keep their precision; past the int64 range PHP saturates.
        auto [q, ec2] = std::from_chars(text.data(), text.data() + text.size(), n.whole);
        if (ec2 != std::errc() || q != text.data() + text.size()) n.whole = negative ? kMin : kMax;
    } else {
        n.whole = saturate(n.value);
    }
    return n;
}

}  // namespace

std::optional<PhpNumber> php_number(const json::Value* v) {
    if (!v) return std::nullopt;
    if (v->IsInt64()) {
        return PhpNumber{static_cast<double>(v->GetInt64()), v->GetInt64()};
    }
    if (v->IsUint64()) return PhpNumber{static_cast<double>(v->GetUint64()), kMax};
    if (v->IsNumber()) return PhpNumber{v->GetDouble(), saturate(v->GetDouble())};
    if (v->IsString()) return numeric_string(json::view(*v));
    return std::nullopt;  // bool, null, array, object: not numeric
}

bool php_is_numeric(std::string_view text) { return numeric_string(text).has_value(); }

std::optional<std::int64_t> PageRequest::offset() const {
    if (per_page > 0 && page - 1 > kMax / per_page) return std::nullopt;
    return (page - 1) * per_page;
}

PageRequest page_request(const json::Value* page, const json::Value* per_page) {
    PageRequest r;
    if (auto n = php_number(per_page); n && n->value > 0 && n->value < 200) {
        // (int) of 0 < n < 1 is 0, which FluentCart's paginator cannot use: keep the default.
        if (n->whole > 0) r.per_page = n->whole;
    }
    if (auto n = php_number(page); n && n->whole >= 1) r.page = n->whole;
    return r;
}

}  // namespace cartpress::plugins::fluent_cart
