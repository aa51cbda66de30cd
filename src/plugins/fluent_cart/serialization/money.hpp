#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cartpress::plugins::fluent_cart {

// The store's money display settings (spec §5.3 "money format"). The defaults are FluentCart's
// when the option fluent_cart_store_settings is absent, as in the reference store.
struct StoreCurrency {
    std::string currency = "USD";
    // before, after, iso_before, iso_after, symbool_before_iso, symbool_after_iso,
    // symbool_and_iso (FluentCart's spelling); anything else prints like before.
    std::string position = "before";
    std::string decimal_separator = ".";
    std::string thousand_separator = ",";

    // From the raw wp_options value of fluent_cart_store_settings: a PHP-serialized array, as
    // update_option() stores it. "" (option absent), a value that does not unserialize, or a
    // non-array gives the defaults; so does an empty or "0" entry, as FluentCart's
    // CurrencySettings::getValue() treats empty() values. FluentCart has one separator
    // setting: decimal_separator "comma" means "," with "." for thousands, anything else "."
    // with ",".
    static StoreCurrency from_settings(std::string_view option_value);
};

// FluentCart's sign for a currency code, as the HTML entity text it prints ("&#36;" for USD,
// "&euro;", "&pound;", "&yen;"); case-insensitive; "" for a code FluentCart does not know (it
// prints no sign then, not the code).
std::string_view currency_sign(std::string_view currency_code);

// Whether FluentCart shows the currency without decimals (JPY, KRW, …; case-insensitive).
bool is_zero_decimal_currency(std::string_view currency_code);

// formatted_total: FluentCart's Helper::toDecimal() of an amount in cents, in the store's
// currency: cents / 100 with 2 decimals (0, rounded half away from zero, for zero-decimal
// currencies), thousands grouped, sign placed per `position`: "&#36;39.98", "&#36;-12.50",
// "&#36;1,234,567.89", "&yen;1,500".
std::string format_money(std::int64_t cents, const StoreCurrency& store);

// The same for an amount read from a DOUBLE column (product variation item_price), which may
// hold fractional cents; PHP rounds those with its pre-rounding rules, reproduced here.
std::string format_money(double cents, const StoreCurrency& store);

// PHP 8.2's number_format($value, $decimals, $dec_point, $thousands_sep), including round()'s
// pre-rounding to 15 significant digits and "-0" printed as "0".
std::string php_number_format(double value, int decimals, std::string_view decimal_point,
                              std::string_view thousands_separator);

}  // namespace cartpress::plugins::fluent_cart
