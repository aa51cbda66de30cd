#include "serialization/money.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

namespace {

using cartpress::plugins::fluent_cart::currency_sign;
using cartpress::plugins::fluent_cart::format_money;
using cartpress::plugins::fluent_cart::is_zero_decimal_currency;
using cartpress::plugins::fluent_cart::php_number_format;
using cartpress::plugins::fluent_cart::StoreCurrency;

StoreCurrency store(std::string currency, std::string position = "before") {
    StoreCurrency s;
    s.currency = std::move(currency);
    s.position = std::move(position);
    return s;
}

std::string usd(std::int64_t cents) { return format_money(cents, StoreCurrency{}); }

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_AUTO_TEST_SUITE(money)

// Every formatted_total of the captures (05, 06, 08, 19): item subtotals and variation prices.
BOOST_AUTO_TEST_CASE(capture_values) {
    BOOST_TEST(usd(3998) == "&#36;39.98");
    BOOST_TEST(usd(1999) == "&#36;19.99");
    BOOST_TEST(usd(1250) == "&#36;12.50");
    BOOST_TEST(usd(2500) == "&#36;25.00");
    BOOST_TEST(usd(2900) == "&#36;29.00");
    BOOST_TEST(format_money(1999.0, StoreCurrency{}) == "&#36;19.99");  // item_price is a DOUBLE
}

BOOST_AUTO_TEST_CASE(defaults_are_fluent_carts) {
    const StoreCurrency s;
    BOOST_TEST(s.currency == "USD");
    BOOST_TEST(s.position == "before");
    BOOST_TEST(s.decimal_separator == ".");
    BOOST_TEST(s.thousand_separator == ",");
}

BOOST_AUTO_TEST_CASE(zero_negative_and_thousands) {
    BOOST_TEST(usd(0) == "&#36;0.00");
    BOOST_TEST(usd(1) == "&#36;0.01");
    BOOST_TEST(usd(-1) == "&#36;-0.01");
    BOOST_TEST(usd(-1250) == "&#36;-12.50");
    BOOST_TEST(usd(99999) == "&#36;999.99");
    BOOST_TEST(usd(100000) == "&#36;1,000.00");
    BOOST_TEST(usd(-100000) == "&#36;-1,000.00");
    BOOST_TEST(usd(123456789) == "&#36;1,234,567.89");
    BOOST_TEST(usd(99999999999999) == "&#36;999,999,999,999.99");
    // Beyond 1e15 cents PHP prints the float cents / 100 unrounded.
    BOOST_TEST(usd(std::numeric_limits<std::int64_t>::max()) == "&#36;92,233,720,368,547,760.00");
    BOOST_TEST(usd(std::numeric_limits<std::int64_t>::min()) == "&#36;-92,233,720,368,547,760.00");
}

BOOST_AUTO_TEST_CASE(zero_decimal_currencies_round_half_away_from_zero) {
    const StoreCurrency jpy = store("JPY");
    BOOST_TEST(format_money(std::int64_t{150000}, jpy) == "&yen;1,500");
    BOOST_TEST(format_money(std::int64_t{1999}, jpy) == "&yen;20");
    BOOST_TEST(format_money(std::int64_t{1949}, jpy) == "&yen;19");
    BOOST_TEST(format_money(std::int64_t{1950}, jpy) == "&yen;20");
    BOOST_TEST(format_money(std::int64_t{-1950}, jpy) == "&yen;-20");
    BOOST_TEST(format_money(std::int64_t{-49}, jpy) == "&yen;0");  // never "-0"
    BOOST_TEST(format_money(std::int64_t{0}, jpy) == "&yen;0");
    BOOST_TEST(format_money(std::int64_t{1950}, store("jpy")) == "&yen;20");
    BOOST_TEST(format_money(std::int64_t{123456}, store("KRW")) == "&#8361;1,235");
    BOOST_TEST(is_zero_decimal_currency("VND"));
    BOOST_TEST(!is_zero_decimal_currency("USD"));
    BOOST_TEST(!is_zero_decimal_currency("XYZ"));
}

BOOST_AUTO_TEST_CASE(signs_are_fluent_carts_html_entities) {
    BOOST_TEST(currency_sign("USD") == "&#36;");
    BOOST_TEST(currency_sign("usd") == "&#36;");
    BOOST_TEST(currency_sign("EUR") == "&euro;");
    BOOST_TEST(currency_sign("GBP") == "&pound;");
    BOOST_TEST(currency_sign("JPY") == "&yen;");
    BOOST_TEST(currency_sign("INR") == "&#8377;");
    BOOST_TEST(currency_sign("BRL") == "&#82;&#36;");
    BOOST_TEST(currency_sign("BDT") == "&#2547;&nbsp;");
    BOOST_TEST(currency_sign("CHF") == "CHF");
    BOOST_TEST(currency_sign("AED") == "&#x62f;.&#x625;");
    BOOST_TEST(currency_sign("XYZ") == "");
    BOOST_TEST(currency_sign("") == "");
    // An unknown currency prints no sign, not its code.
    BOOST_TEST(format_money(std::int64_t{3998}, store("XYZ")) == "39.98");
    BOOST_TEST(format_money(std::int64_t{3998}, store("EUR")) == "&euro;39.98");
    BOOST_TEST(format_money(std::int64_t{3998}, store("GBP")) == "&pound;39.98");
}

BOOST_AUTO_TEST_CASE(every_currency_position) {
    BOOST_TEST(format_money(std::int64_t{3998}, store("USD", "after")) == "39.98&#36;");
    BOOST_TEST(format_money(std::int64_t{3998}, store("USD", "iso_before")) == "USD 39.98");
    BOOST_TEST(format_money(std::int64_t{3998}, store("USD", "iso_after")) == "39.98 USD");
    BOOST_TEST(format_money(std::int64_t{3998}, store("USD", "symbool_before_iso")) ==
               "&#36;39.98 USD");
    BOOST_TEST(format_money(std::int64_t{3998}, store("USD", "symbool_after_iso")) ==
               "USD 39.98&#36;");
    BOOST_TEST(format_money(std::int64_t{3998}, store("USD", "symbool_and_iso")) ==
               "USD &#36;39.98");
    BOOST_TEST(format_money(std::int64_t{3998}, store("USD", "left")) == "&#36;39.98");
    BOOST_TEST(format_money(std::int64_t{-3998}, store("usd", "iso_before")) == "usd -39.98");
}

BOOST_AUTO_TEST_CASE(settings_come_from_the_serialized_option) {
    const auto eur = StoreCurrency::from_settings(
        R"(a:3:{s:8:"currency";s:3:"EUR";s:17:"currency_position";s:5:"after";)"
        R"(s:17:"decimal_separator";s:5:"comma";})");
    BOOST_TEST(eur.currency == "EUR");
    BOOST_TEST(eur.position == "after");
    BOOST_TEST(eur.decimal_separator == ",");
    BOOST_TEST(eur.thousand_separator == ".");
    BOOST_TEST(format_money(std::int64_t{123456789}, eur) == "1.234.567,89&euro;");

    const auto dot = StoreCurrency::from_settings(
        R"(a:2:{s:17:"decimal_separator";s:3:"dot";s:10:"store_name";s:4:"Shop";})");
    BOOST_TEST(dot.decimal_separator == ".");
    BOOST_TEST(dot.thousand_separator == ",");
    BOOST_TEST(dot.currency == "USD");

    // empty() values fall back to the defaults, as CurrencySettings::getValue() does.
    const auto empty = StoreCurrency::from_settings(
        R"(a:2:{s:8:"currency";s:0:"";s:17:"currency_position";s:1:"0";})");
    BOOST_TEST(empty.currency == "USD");
    BOOST_TEST(empty.position == "before");

    for (const std::string_view raw : {"", "garbage", R"(s:3:"EUR";)", "b:0;", "a:0:{}"}) {
        const auto s = StoreCurrency::from_settings(raw);
        BOOST_TEST(s.currency == "USD");
        BOOST_TEST(s.position == "before");
        BOOST_TEST(s.decimal_separator == ".");
    }
}

BOOST_AUTO_TEST_CASE(fractional_cents_round_like_php) {
    // 1999.5 / 100 is 19.994999…; PHP's pre-rounding makes it 20.00.
    BOOST_TEST(format_money(1999.5, StoreCurrency{}) == "&#36;20.00");
    BOOST_TEST(format_money(1999.4, StoreCurrency{}) == "&#36;19.99");
    BOOST_TEST(format_money(-0.4, StoreCurrency{}) == "&#36;0.00");
    BOOST_TEST(format_money(1949.9, store("JPY")) == "&yen;19");
    BOOST_TEST(format_money(1950.0, store("JPY")) == "&yen;20");
}

BOOST_AUTO_TEST_CASE(php_number_format_rules) {
    BOOST_TEST(php_number_format(1234.5, 2, ".", ",") == "1,234.50");
    BOOST_TEST(php_number_format(1.955, 2, ".", ",") == "1.96");
    BOOST_TEST(php_number_format(1.005, 2, ".", ",") == "1.01");
    BOOST_TEST(php_number_format(-0.004, 2, ".", ",") == "0.00");
    BOOST_TEST(php_number_format(0.5, 0, ".", ",") == "1");
    BOOST_TEST(php_number_format(-2.5, 0, ".", ",") == "-3");
    BOOST_TEST(php_number_format(1234567.891, 2, ",", ".") == "1.234.567,89");
    BOOST_TEST(php_number_format(1234567.891, 2, "", "") == "123456789");
    BOOST_TEST(php_number_format(1e20, 2, ".", ",") == "100,000,000,000,000,000,000.00");
    BOOST_TEST(php_number_format(std::nan(""), 2, ".", ",") == "NAN");
    BOOST_TEST(php_number_format(-std::numeric_limits<double>::infinity(), 2, ".", ",") == "INF");
}

// The integer path must agree with PHP's float path wherever both apply.
BOOST_AUTO_TEST_CASE(integer_path_matches_php_float_path) {
    std::mt19937_64 rng(20250301);
    std::uniform_int_distribution<std::int64_t> any(-999999999999999, 999999999999999);
    std::uniform_int_distribution<std::int64_t> small(-100000, 100000);
    const StoreCurrency jpy = store("JPY");
    int mismatches = 0;
    for (int i = 0; i < 200000 && mismatches < 5; ++i) {
        const std::int64_t cents = i % 2 == 0 ? any(rng) : small(rng);
        const double amount = static_cast<double>(cents) / 100;
        const std::string want_usd = "&#36;" + php_number_format(amount, 2, ".", ",");
        const std::string want_jpy = "&yen;" + php_number_format(amount, 0, ".", ",");
        if (usd(cents) != want_usd || format_money(cents, jpy) != want_jpy) {
            ++mismatches;
            BOOST_TEST(usd(cents) == want_usd, "cents " << cents);
            BOOST_TEST(format_money(cents, jpy) == want_jpy, "cents " << cents);
        }
    }
    BOOST_TEST(mismatches == 0);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
