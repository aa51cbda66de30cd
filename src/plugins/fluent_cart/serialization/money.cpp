#include "money.hpp"

#include <algorithm>
#include <array>
#include <cartpress/core/php_serialize.hpp>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <system_error>
#include <type_traits>

namespace cartpress::plugins::fluent_cart {
namespace {

struct CurrencyInfo {
    std::string_view code;
    std::string_view sign;  // HTML entity text, printed as is
    bool zero_decimal;
};

// FluentCart 1.3.25's currency signs (CurrenciesHelper::getCurrencySigns) and zero-decimal
// currencies (zeroDecimalCurrencies), sorted by code for binary search.
constexpr std::array kCurrencies = std::to_array<CurrencyInfo>({
    {"AED", "&#x62f;.&#x625;", false},
    {"AFN", "&#x60b;", false},
    {"ALL", "L", false},
    {"AMD", "AMD", false},
    {"ANG", "&fnof;", false},
    {"AOA", "Kz", false},
    {"ARS", "&#36;", false},
    {"AUD", "&#36;", false},
    {"AWG", "Afl.", false},
    {"AZN", "&#8380;", false},
    {"BAM", "KM", false},
    {"BBD", "&#36;", false},
    {"BDT", "&#2547;&nbsp;", false},
    {"BGN", "&#1083;&#1074;.", false},
    {"BHD", ".&#x62f;.&#x628;", false},
    {"BIF", "Fr", true},
    {"BMD", "&#36;", false},
    {"BND", "&#36;", false},
    {"BOB", "Bs.", false},
    {"BRL", "&#82;&#36;", false},
    {"BSD", "&#36;", false},
    {"BTC", "&#3647;", false},
    {"BTN", "Nu.", false},
    {"BWP", "P", false},
    {"BYN", "Br", false},
    {"BYR", "Br", false},
    {"BZD", "&#36;", false},
    {"CAD", "&#36;", false},
    {"CDF", "Fr", false},
    {"CHF", "CHF", false},
    {"CLP", "&#36;", true},
    {"CNY", "&yen;", false},
    {"COP", "&#36;", false},
    {"CRC", "&#x20a1;", false},
    {"CUC", "&#36;", false},
    {"CUP", "&#36;", false},
    {"CVE", "&#36;", false},
    {"CZK", "&#75;&#269;", false},
    {"DJF", "Fr", true},
    {"DKK", "kr.", false},
    {"DOP", "RD&#36;", false},
    {"DZD", "&#x62f;.&#x62c;", false},
    {"EGP", "EGP", false},
    {"ERN", "Nfk", false},
    {"ETB", "Br", false},
    {"EUR", "&euro;", false},
    {"FJD", "&#36;", false},
    {"FKP", "&pound;", false},
    {"GBP", "&pound;", false},
    {"GEL", "&#x20be;", false},
    {"GGP", "&pound;", false},
    {"GHS", "&#x20b5;", false},
    {"GIP", "&pound;", false},
    {"GMD", "D", false},
    {"GNF", "Fr", true},
    {"GTQ", "Q", false},
    {"GYD", "&#36;", false},
    {"HKD", "&#36;", false},
    {"HNL", "L", false},
    {"HRK", "kn", false},
    {"HTG", "G", false},
    {"HUF", "&#70;&#116;", false},
    {"IDR", "Rp", false},
    {"ILS", "&#8362;", false},
    {"IMP", "&pound;", false},
    {"INR", "&#8377;", false},
    {"IQD", "&#x62f;.&#x639;", false},
    {"IRR", "&#xfdfc;", false},
    {"IRT", "&#x062A;&#x0648;&#x0645;&#x0627;&#x0646;", false},
    {"ISK", "kr.", false},
    {"JEP", "&pound;", false},
    {"JMD", "&#36;", false},
    {"JOD", "&#x62f;.&#x627;", false},
    {"JPY", "&yen;", true},
    {"KES", "KSh", false},
    {"KGS", "&#x441;&#x43e;&#x43c;", false},
    {"KHR", "&#x17db;", false},
    {"KMF", "Fr", true},
    {"KPW", "&#x20a9;", false},
    {"KRW", "&#8361;", true},
    {"KWD", "&#x62f;.&#x643;", false},
    {"KYD", "&#36;", false},
    {"KZT", "&#8376;", false},
    {"LAK", "&#8365;", false},
    {"LBP", "&#x644;.&#x644;", false},
    {"LKR", "&#xdbb;&#xdd4;", false},
    {"LRD", "&#36;", false},
    {"LSL", "L", false},
    {"LYD", "&#x62f;.&#x644;", false},
    {"MAD", "&#x62f;.&#x645;.", false},
    {"MDL", "MDL", false},
    {"MGA", "Ar", true},
    {"MKD", "&#x434;&#x435;&#x43d;", false},
    {"MMK", "Ks", false},
    {"MNT", "&#x20ae;", false},
    {"MOP", "P", false},
    {"MRU", "UM", false},
    {"MUR", "&#x20a8;", false},
    {"MVR", ".&#x783;", false},
    {"MWK", "MK", false},
    {"MXN", "&#36;", false},
    {"MYR", "&#82;&#77;", false},
    {"MZN", "MT", false},
    {"NAD", "N&#36;", false},
    {"NGN", "&#8358;", false},
    {"NIO", "C&#36;", false},
    {"NOK", "&#107;&#114;", false},
    {"NPR", "&#8360;", false},
    {"NZD", "&#36;", false},
    {"OMR", "&#x631;.&#x639;.", false},
    {"PAB", "B/.", false},
    {"PEN", "S/", false},
    {"PGK", "K", false},
    {"PHP", "&#8369;", false},
    {"PKR", "&#8360;", false},
    {"PLN", "&#122;&#322;", false},
    {"PRB", "&#x440;.", false},
    {"PYG", "&#8370;", true},
    {"QAR", "&#x631;.&#x642;", false},
    {"RMB", "&yen;", false},
    {"RON", "lei", false},
    {"RSD", "&#1088;&#1089;&#1076;", false},
    {"RUB", "&#8381;", false},
    {"RWF", "Fr", true},
    {"SAR", "&#x631;.&#x633;", false},
    {"SBD", "&#36;", false},
    {"SCR", "&#x20a8;", false},
    {"SDG", "&#x62c;.&#x633;.", false},
    {"SEK", "&#107;&#114;", false},
    {"SGD", "&#36;", false},
    {"SHP", "&pound;", false},
    {"SLL", "Le", false},
    {"SOS", "Sh", false},
    {"SRD", "&#36;", false},
    {"SSP", "&pound;", false},
    {"STN", "Db", false},
    {"SYP", "&#x644;.&#x633;", false},
    {"SZL", "E", false},
    {"THB", "&#3647;", false},
    {"TJS", "&#x405;&#x41c;", false},
    {"TMT", "m", false},
    {"TND", "&#x62f;.&#x62a;", false},
    {"TOP", "T&#36;", false},
    {"TRY", "&#8378;", false},
    {"TTD", "&#36;", false},
    {"TWD", "&#78;&#84;&#36;", false},
    {"TZS", "Sh", false},
    {"UAH", "&#8372;", false},
    {"UGX", "UGX", true},
    {"USD", "&#36;", false},
    {"UYU", "&#36;", false},
    {"UZS", "UZS", false},
    {"VEF", "Bs F", false},
    {"VES", "Bs.", false},
    {"VND", "&#8363;", true},
    {"VUV", "Vt", true},
    {"WST", "T", false},
    {"XAF", "CFA", true},
    {"XCD", "&#36;", false},
    {"XOF", "CFA", true},
    {"XPF", "XPF", true},
    {"YER", "&#xfdfc;", false},
    {"ZAR", "&#82;", false},
    {"ZMW", "ZK", false},
});

static_assert(std::is_sorted(kCurrencies.begin(), kCurrencies.end(),
                             [](const CurrencyInfo& a, const CurrencyInfo& b) {
                                 return a.code < b.code;
                             }));

const CurrencyInfo* find_currency(std::string_view code) {
    // PHP's strtoupper() is ASCII-only, so a byte-wise upper-casing matches it.
    std::string upper(code);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
    const auto it = std::lower_bound(
        kCurrencies.begin(), kCurrencies.end(), upper,
        [](const CurrencyInfo& info, const std::string& key) { return info.code < key; });
    return it != kCurrencies.end() && it->code == upper ? &*it : nullptr;
}

// Below this many cents, integer arithmetic gives exactly PHP's digits: (double)cents is exact,
// and round() recovers the cents from cents / 100.0. Above it PHP's round() gives up ("beyond
// our precision") and prints the float as it is, which the float path reproduces.
constexpr double kExactLimit = 1e15;

std::string group_thousands(std::string_view digits, std::string_view separator) {
    std::string out;
    out.reserve(digits.size() + digits.size() / 3 * separator.size());
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

std::string exact_amount(std::int64_t cents, bool zero_decimal, const StoreCurrency& store) {
    bool negative = cents < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
    std::uint64_t units = magnitude / 100;
    const std::uint64_t hundredths = magnitude % 100;
    if (zero_decimal && hundredths >= 50) ++units;  // PHP rounds half away from zero
    if (units == 0 && (zero_decimal || hundredths == 0)) negative = false;  // never "-0"

    std::string out = negative ? "-" : "";
    out += group_thousands(std::to_string(units), store.thousand_separator);
    if (!zero_decimal) {
        out += store.decimal_separator;
        out += static_cast<char>('0' + hundredths / 10);
        out += static_cast<char>('0' + hundredths % 10);
    }
    return out;
}

std::string with_sign(const std::string& amount, const StoreCurrency& store) {
    const std::string_view sign = currency_sign(store.currency);
    const std::string& code = store.currency;
    const std::string_view position = store.position;
    std::string out;
    if (position == "after") {
        out.append(amount).append(sign);
    } else if (position == "iso_before") {
        out.append(code).append(" ").append(amount);
    } else if (position == "iso_after") {
        out.append(amount).append(" ").append(code);
    } else if (position == "symbool_before_iso") {
        out.append(sign).append(amount).append(" ").append(code);
    } else if (position == "symbool_after_iso") {
        out.append(code).append(" ").append(amount).append(sign);
    } else if (position == "symbool_and_iso") {
        out.append(code).append(" ").append(sign).append(amount);
    } else {  // "before", and FluentCart's default branch for anything else
        out.append(sign).append(amount);
    }
    return out;
}

double pow10_exact(int power) {
    // 1e0 … 1e22 are exact doubles; PHP uses a table for them and pow() beyond.
    static constexpr std::array<double, 23> kPowers = {
        1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (power < 0 || power > 22) return std::pow(10.0, power);
    return kPowers[static_cast<std::size_t>(power)];
}

double round_half_up(double value) {
    return value >= 0.0 ? std::floor(value + 0.5) : std::ceil(value - 0.5);
}

// PHP 8.2's round($value, $places) (PHP_ROUND_HALF_UP): first rounds to the 15 significant
// digits a double can hold, so 1.955 (stored as 1.95499…) rounds to 1.96 as a person expects.
double php_round(double value, int places) {
    if (!std::isfinite(value) || value == 0.0) return value;
    const int precision_places = 14 - static_cast<int>(std::floor(std::log10(std::fabs(value))));
    const double factor = pow10_exact(std::abs(places));
    double scaled = 0.0;
    if (precision_places > places && precision_places - places < 15) {
        scaled = precision_places >= 0 ? value * pow10_exact(precision_places)
                                       : value / pow10_exact(-precision_places);
        scaled = round_half_up(scaled);
        scaled /= pow10_exact(std::abs(places - precision_places));
    } else {
        scaled = places >= 0 ? value * factor : value / factor;
        if (std::fabs(scaled) >= 1e15) return value;  // beyond double precision: left alone
    }
    scaled = round_half_up(scaled);
    if (std::abs(places) >= 23) return value;  // PHP re-parses a string here; never used
    return places > 0 ? scaled / factor : scaled * factor;
}

// PHP's empty() on a scalar read from the settings array, as a string; nullopt when empty or
// not a string or integer (FluentCart would fail on an array, and no sane setting is a float).
std::optional<std::string> non_empty_setting(const core::PhpValue& settings, std::string_view key) {
    const core::PhpValue* value = settings.find(key);
    if (value == nullptr) return std::nullopt;
    std::string text;
    if (value->is_string()) {
        text = value->as_string();
    } else if (value->is_int()) {
        text = std::to_string(value->as_int());
    } else if (value->is_bool() && value->as_bool()) {
        text = "1";
    } else {
        return std::nullopt;
    }
    if (text.empty() || text == "0") return std::nullopt;
    return text;
}

}  // namespace

StoreCurrency StoreCurrency::from_settings(std::string_view option_value) {
    StoreCurrency store;
    auto settings = core::php_unserialize(option_value);
    if (!settings || !settings->is_array()) return store;
    if (auto currency = non_empty_setting(*settings, "currency")) store.currency = *currency;
    if (auto position = non_empty_setting(*settings, "currency_position")) {
        store.position = *position;
    }
    const core::PhpValue* separator = settings->find("decimal_separator");
    if (separator != nullptr && separator->is_string() && separator->as_string() == "comma") {
        store.decimal_separator = ",";
        store.thousand_separator = ".";
    }
    return store;
}

std::string_view currency_sign(std::string_view currency_code) {
    const CurrencyInfo* info = find_currency(currency_code);
    return info == nullptr ? std::string_view() : info->sign;
}

bool is_zero_decimal_currency(std::string_view currency_code) {
    const CurrencyInfo* info = find_currency(currency_code);
    return info != nullptr && info->zero_decimal;
}

std::string format_money(std::int64_t cents, const StoreCurrency& store) {
    const bool zero_decimal = is_zero_decimal_currency(store.currency);
    const double as_double = static_cast<double>(cents);
    if (std::fabs(as_double) < kExactLimit) {
        return with_sign(exact_amount(cents, zero_decimal, store), store);
    }
    // PHP casts the column to float, then divides: (double)cents / 100.
    return with_sign(php_number_format(as_double / 100, zero_decimal ? 0 : 2,
                                       store.decimal_separator, store.thousand_separator),
                     store);
}

std::string format_money(double cents, const StoreCurrency& store) {
    if (std::fabs(cents) < kExactLimit && std::floor(cents) == cents) {
        return format_money(static_cast<std::int64_t>(cents), store);
    }
    const bool zero_decimal = is_zero_decimal_currency(store.currency);
    return with_sign(php_number_format(cents / 100, zero_decimal ? 0 : 2, store.decimal_separator,
                                       store.thousand_separator),
                     store);
}

std::string php_number_format(double value, int decimals, std::string_view decimal_point,
                              std::string_view thousands_separator) {
    decimals = std::max(decimals, 0);
    bool negative = value < 0;
    value = php_round(std::fabs(value), decimals);
    // PHP's "%.*F" prints these, and number_format returns them without grouping or sign.
    if (std::isnan(value)) return "NAN";
    if (std::isinf(value)) return "INF";
    if (negative && value == 0.0) negative = false;

    // Correctly rounded like PHP's own formatter, and independent of the C locale.
    std::array<char, 400> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                         std::chars_format::fixed, decimals);
    if (ec != std::errc()) return "";  // cannot happen: 400 bytes hold any double
    const std::string_view text(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
    const auto dot = text.find('.');
    std::string out = negative ? "-" : "";
    out += group_thousands(text.substr(0, dot), thousands_separator);
    if (decimals > 0 && dot != std::string_view::npos) {
        out += decimal_point;
        out += text.substr(dot + 1);
    }
    return out;
}

}  // namespace cartpress::plugins::fluent_cart
