#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cartpress::plugins::fluent_cart {

// A `:iso` column (created_at, updated_at; spec §3) as FluentCart's models print it: the stored
// DATETIME text, read as UTC, in ISO 8601 with "+00:00" ("2025-03-01 09:15:00" →
// "2025-03-01T09:15:00+00:00"). SQL NULL stays null.
//
// FluentCart parses with PHP's DateTime::createFromFormat('Y-m-d H:i:s'), which carries
// out-of-range fields over instead of failing, and prints with date('c'), which pads the year
// like printf's "%04d", sign included. So the zero date "0000-00-00 00:00:00" (month 0 =
// December of year -1, day 0 = the day before the 1st) prints "-001-11-30T00:00:00+00:00"
// (checked against PHP 8.2's DateTime and date('c')), and
// "2025-00-10 00:00:00" prints "2024-12-10T00:00:00+00:00". A bare "YYYY-MM-DD" is midnight.
// Text in no such form (FluentCart would answer 500) is returned unchanged.
std::optional<std::string> iso_datetime(std::optional<std::string_view> mysql_datetime);

}  // namespace cartpress::plugins::fluent_cart
