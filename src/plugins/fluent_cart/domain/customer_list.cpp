#include "domain/customer_list.hpp"

#include <cartpress/core/strings.hpp>

namespace cartpress::plugins::fluent_cart {
namespace {

// PHP's is_numeric() on a trimmed term: optional sign, digits with an optional fraction, an
// optional exponent.
bool is_numeric(std::string_view s) {
    std::size_t i = 0;
    // Skips a run of digits; whether there was one.
    const auto digits = [&s, &i] {
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        return i > start;
    };
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    bool mantissa = digits();
    if (i < s.size() && s[i] == '.') {
        ++i;
        mantissa = digits() || mantissa;
    }
    if (!mantissa) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (!digits()) return false;
    }
    return i == s.size();
}

}  // namespace

CustomerListSearch parse_customer_search(std::string_view raw) {
    const OrderSearch parsed = parse_order_search(raw);
    if (const auto* c = std::get_if<ColumnSearch>(&parsed); c && c->column == SearchColumn::kId) {
        return *c;
    }
    const PlainSearch plain = plain_search(raw);
    if (plain.trimmed.empty() || plain.trimmed == "0") return std::monostate{};
    return CustomerTextSearch{plain.trimmed, plain.escaped, is_numeric(plain.trimmed),
                              plain.trimmed.find(' ') != std::string::npos};
}

}  // namespace cartpress::plugins::fluent_cart
