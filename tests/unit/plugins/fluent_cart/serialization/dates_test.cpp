#include "serialization/dates.hpp"

#include <boost/test/unit_test.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace {

using cartpress::plugins::fluent_cart::iso_datetime;

std::string iso(std::string_view stored) { return iso_datetime(stored).value_or("<null>"); }

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_AUTO_TEST_SUITE(dates)

// created_at/updated_at values of the captures next to their stored text (store.sql).
BOOST_AUTO_TEST_CASE(capture_values) {
    BOOST_TEST(iso("2025-03-01 09:15:00") == "2025-03-01T09:15:00+00:00");
    BOOST_TEST(iso("2025-03-05 14:30:00") == "2025-03-05T14:30:00+00:00");
    BOOST_TEST(iso("2025-04-10 11:00:00") == "2025-04-10T11:00:00+00:00");
    BOOST_TEST(iso("2025-05-20 16:45:00") == "2025-05-20T16:45:00+00:00");
    BOOST_TEST(iso("2025-06-02 08:05:00") == "2025-06-02T08:05:00+00:00");
    BOOST_TEST(iso("2025-06-15 19:20:00") == "2025-06-15T19:20:00+00:00");
    BOOST_TEST(iso("2026-11-26 11:27:23") == "2026-11-26T11:27:23+00:00");
    BOOST_TEST(iso("2026-11-26 11:30:22") == "2026-11-26T11:30:22+00:00");
    // The edges of the years written without printf.
    BOOST_TEST(iso("0001-01-01 00:00:00") == "0001-01-01T00:00:00+00:00");
    BOOST_TEST(iso("9999-12-31 23:59:59") == "9999-12-31T23:59:59+00:00");
    BOOST_TEST(iso("2024-02-29") == "2024-02-29T00:00:00+00:00");
}

BOOST_AUTO_TEST_CASE(null_stays_null) { BOOST_TEST(!iso_datetime(std::nullopt).has_value()); }

// PHP's createFromFormat carries month 0 and day 0 backwards, and date('c') pads the year like
// "%04d", sign included. Expected values are PHP 8.2's output.
BOOST_AUTO_TEST_CASE(zero_and_out_of_range_dates_carry_like_php) {
    BOOST_TEST(iso("0000-00-00 00:00:00") == "-001-11-30T00:00:00+00:00");
    BOOST_TEST(iso("0000-00-01 00:00:00") == "-001-12-01T00:00:00+00:00");
    BOOST_TEST(iso("0000-01-00 00:00:00") == "-001-12-31T00:00:00+00:00");
    BOOST_TEST(iso("0000-01-01 00:00:00") == "0000-01-01T00:00:00+00:00");
    BOOST_TEST(iso("2025-00-10 00:00:00") == "2024-12-10T00:00:00+00:00");
    BOOST_TEST(iso("2025-03-00 12:00:00") == "2025-02-28T12:00:00+00:00");
    BOOST_TEST(iso("2024-03-00 12:00:00") == "2024-02-29T12:00:00+00:00");
    BOOST_TEST(iso("2025-02-30 12:00:00") == "2025-03-02T12:00:00+00:00");
    BOOST_TEST(iso("2025-13-01 00:00:00") == "2026-01-01T00:00:00+00:00");
    BOOST_TEST(iso("2025-12-31 24:00:00") == "2026-01-01T00:00:00+00:00");
    BOOST_TEST(iso("2025-12-31 23:59:60") == "2026-01-01T00:00:00+00:00");
    BOOST_TEST(iso("2025-99-99 99:99:99") == "2033-06-11T04:40:39+00:00");
}

BOOST_AUTO_TEST_CASE(ordinary_edges) {
    BOOST_TEST(iso("1970-01-01 00:00:00") == "1970-01-01T00:00:00+00:00");
    BOOST_TEST(iso("1969-12-31 23:59:59") == "1969-12-31T23:59:59+00:00");
    BOOST_TEST(iso("2000-02-29 00:00:01") == "2000-02-29T00:00:01+00:00");
    BOOST_TEST(iso("1900-03-01 00:00:00") == "1900-03-01T00:00:00+00:00");
    BOOST_TEST(iso("9999-12-31 23:59:59") == "9999-12-31T23:59:59+00:00");
    BOOST_TEST(iso("0001-01-01 00:00:00") == "0001-01-01T00:00:00+00:00");
}

BOOST_AUTO_TEST_CASE(bare_date_is_midnight) {
    BOOST_TEST(iso("2025-03-01") == "2025-03-01T00:00:00+00:00");
    BOOST_TEST(iso("0000-00-00") == "-001-11-30T00:00:00+00:00");
}

BOOST_AUTO_TEST_CASE(other_text_is_returned_unchanged) {
    BOOST_TEST(iso("") == "");
    BOOST_TEST(iso("not a date") == "not a date");
    BOOST_TEST(iso("2025-03-01T09:15:00") == "2025-03-01T09:15:00");
    BOOST_TEST(iso("2025-03-01 09:15:00.000000") == "2025-03-01 09:15:00.000000");
    BOOST_TEST(iso("2025-3-1 09:15:00") == "2025-3-1 09:15:00");
    BOOST_TEST(iso("2025-03-01 09:15") == "2025-03-01 09:15");
    BOOST_TEST(iso("+025-03-01 09:15:00") == "+025-03-01 09:15:00");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
