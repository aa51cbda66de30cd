#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cartpress::core {

// The proleptic Gregorian calendar (H. Hinnant's algorithms), for any year: days since
// 1970-01-01 of a date with month 1..12 (the day simply counts on from the 1st, so day 0 is the
// day before), and the date of such a day count.
std::int64_t days_from_civil(std::int64_t year, std::int64_t month, std::int64_t day);
struct CivilDate {
    std::int64_t year, month, day;
};
CivilDate civil_from_days(std::int64_t days);

// "YYYY-MM-DD HH:MM:SS" (UTC) of a Unix time: how WordPress and FluentCart store times (as
// text in the table's DATETIME columns, read as UTC). Text of this form orders like the times.
std::string mysql_datetime(std::int64_t unix_seconds);

// The Unix time of a stored "YYYY-MM-DD HH:MM:SS" UTC time (a real calendar date); nothing for
// anything else.
std::optional<std::int64_t> unix_from_mysql(std::string_view mysql_datetime);

// "YYYY-MM-DDTHH:MM:SS+00:00" of a stored "YYYY-MM-DD HH:MM:SS" UTC time; nothing for NULL, for
// the zero date and any other text not of that form with a real calendar date.
std::optional<std::string> iso8601_utc(std::optional<std::string_view> mysql_datetime);

}  // namespace cartpress::core
