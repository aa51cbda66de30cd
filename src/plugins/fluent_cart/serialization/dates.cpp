#include "dates.hpp"

#include <cartpress/core/utc_time.hpp>
#include <cstdint>
#include <cstdio>

namespace cartpress::plugins::fluent_cart {
namespace {

// Reads exactly `width` ASCII digits at text[pos].
std::optional<std::int64_t> digits(std::string_view text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size()) return std::nullopt;
    std::int64_t value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

}  // namespace

std::optional<std::string> iso_datetime(std::optional<std::string_view> mysql_datetime) {
    if (!mysql_datetime) return std::nullopt;
    const std::string_view text = *mysql_datetime;

    const auto year = digits(text, 0, 4);
    const auto month = digits(text, 5, 2);
    const auto day = digits(text, 8, 2);
    const bool date_ok = year && month && day && text[4] == '-' && text[7] == '-';
    std::int64_t hour = 0, minute = 0, second = 0;
    bool time_ok = text.size() == 10;  // a bare date is midnight
    if (date_ok && text.size() == 19 && text[10] == ' ' && text[13] == ':' && text[16] == ':') {
        const auto h = digits(text, 11, 2), m = digits(text, 14, 2), s = digits(text, 17, 2);
        if (h && m && s) {
            hour = *h, minute = *m, second = *s;
            time_ok = true;
        }
    }
    if (!date_ok || !time_ok) return std::string(text);

    // Carry like PHP: month 0 is December of the year before, day 0 the last day of the month
    // before, and so on for every field.
    const std::int64_t months = *year * 12 + (*month - 1);
    const std::int64_t days =
        core::days_from_civil(floor_div(months, 12), months - floor_div(months, 12) * 12 + 1, 1) +
        (*day - 1);
    const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second;
    const std::int64_t day_number = floor_div(seconds, 86400);
    const std::int64_t second_of_day = seconds - day_number * 86400;
    const core::CivilDate date = core::civil_from_days(day_number);

    const std::int64_t hour_of_day = second_of_day / 3600;
    const std::int64_t minute_of_hour = second_of_day / 60 % 60;
    const std::int64_t second_of_minute = second_of_day % 60;
    if (date.year >= 0 && date.year <= 9999) {
        // Every stored date: written by hand, as snprintf costs a graph ~14 % of its
        // serialisation (it formats a few dozen dates).
        std::string out = "0000-00-00T00:00:00+00:00";
        const auto put = [&out](std::size_t at, std::int64_t value, int width) {
            for (int i = width - 1; i >= 0; --i, value /= 10) {
                out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
            }
        };
        put(0, date.year, 4);
        put(5, date.month, 2);
        put(8, date.day, 2);
        put(11, hour_of_day, 2);
        put(14, minute_of_hour, 2);
        put(17, second_of_minute, 2);
        return out;
    }
    // date('c') formats the year as printf's "%04d": at least four characters counting the
    // sign, so year -1 is "-001" (PHP 8.2 prints the zero date as "-001-11-30T00:00:00+00:00").
    char buffer[64];
    const int length = std::snprintf(
        buffer, sizeof buffer, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld+00:00",
        static_cast<long long>(date.year), static_cast<long long>(date.month),
        static_cast<long long>(date.day), static_cast<long long>(hour_of_day),
        static_cast<long long>(minute_of_hour), static_cast<long long>(second_of_minute));
    return std::string(buffer, static_cast<std::size_t>(length));
}

}  // namespace cartpress::plugins::fluent_cart
