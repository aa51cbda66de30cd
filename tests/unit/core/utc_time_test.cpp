#include <boost/test/unit_test.hpp>
#include <cartpress/core/utc_time.hpp>

using namespace cartpress::core;

BOOST_AUTO_TEST_SUITE(core)
BOOST_AUTO_TEST_SUITE(utc_time)

BOOST_AUTO_TEST_CASE(mysql_datetime_is_utc) {
    BOOST_TEST(mysql_datetime(0) == "1970-01-01 00:00:00");
    BOOST_TEST(mysql_datetime(1740820500) == "2025-03-01 09:15:00");
    BOOST_TEST(mysql_datetime(951782400) == "2000-02-29 00:00:00");
}

BOOST_AUTO_TEST_CASE(unix_from_mysql_inverts_mysql_datetime) {
    for (const std::int64_t t : {0LL, 951782400LL, 1740820500LL, 4102444799LL, 253402300799LL}) {
        BOOST_TEST(unix_from_mysql(mysql_datetime(t)).value_or(-1) == t);
    }
    BOOST_TEST(!unix_from_mysql("0000-00-00 00:00:00").has_value());
    BOOST_TEST(!unix_from_mysql("2023-02-29 00:00:00").has_value());
    BOOST_TEST(!unix_from_mysql("2023-01-01T00:00:00").has_value());
}

BOOST_AUTO_TEST_CASE(iso8601_of_stored_times) {
    BOOST_TEST(iso8601_utc("2025-03-01 09:15:00").value_or("-") == "2025-03-01T09:15:00+00:00");
    BOOST_TEST(iso8601_utc("2024-02-29 23:59:59").value_or("-") == "2024-02-29T23:59:59+00:00");
    BOOST_TEST(!iso8601_utc(std::nullopt).has_value());
    BOOST_TEST(!iso8601_utc("0000-00-00 00:00:00").has_value());
    BOOST_TEST(!iso8601_utc("2025-02-29 00:00:00").has_value());
    BOOST_TEST(!iso8601_utc("2025-13-01 00:00:00").has_value());
    BOOST_TEST(!iso8601_utc("2025-03-01").has_value());
    BOOST_TEST(!iso8601_utc("2025-03-01T09:15:00").has_value());
    BOOST_TEST(!iso8601_utc("2025-03-01 24:00:00").has_value());
}

// The calendar both the tokens' times and FluentCart's ISO dates are computed with.
BOOST_AUTO_TEST_CASE(calendar_days_round_trip_for_any_year) {
    BOOST_TEST(days_from_civil(1970, 1, 1) == 0);
    BOOST_TEST(days_from_civil(2000, 3, 1) == 11017);
    BOOST_TEST(days_from_civil(1970, 1, 0) == -1);  // day 0 is the day before the 1st
    const CivilDate before = civil_from_days(-1);
    BOOST_TEST((before.year == 1969 && before.month == 12 && before.day == 31));
    for (std::int64_t days = -800000; days <= 800000; days += 997) {
        const CivilDate d = civil_from_days(days);
        BOOST_TEST(days_from_civil(d.year, d.month, d.day) == days, "day " << days);
    }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
