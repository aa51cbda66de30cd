#include <cartpress/core/utc_time.hpp>
#include <ctime>

namespace cartpress::core {
namespace {

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

struct Fields {
    int y, mo, d, h, mi, se;
};

// "YYYY-MM-DD HH:MM:SS" with a real date (year 1–9999) and time.
std::optional<Fields> parse(std::string_view s) {
    if (s.size() != 19) return std::nullopt;
    Fields f{};
    if (!digits(s, 0, 4, f.y) || s[4] != '-' || !digits(s, 5, 2, f.mo) || s[7] != '-' ||
        !digits(s, 8, 2, f.d) || s[10] != ' ' || !digits(s, 11, 2, f.h) || s[13] != ':' ||
        !digits(s, 14, 2, f.mi) || s[16] != ':' || !digits(s, 17, 2, f.se)) {
        return std::nullopt;
    }
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (f.y == 0 || f.mo < 1 || f.mo > 12 || f.d < 1 ||
        f.d > kDays[f.mo - 1] + (f.mo == 2 && leap(f.y) ? 1 : 0) || f.h > 23 || f.mi > 59 ||
        f.se > 59) {
        return std::nullopt;  // the zero date and impossible dates
    }
    return f;
}

}  // namespace

std::int64_t days_from_civil(std::int64_t year, std::int64_t month, std::int64_t day) {
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;  // floor division
    const std::int64_t year_of_era = year - era * 400;
    const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const std::int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;  // floor division
    const std::int64_t day_of_era = days - era * 146097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t mp = (5 * day_of_year + 2) / 153;
    const std::int64_t day = day_of_year - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    return {year_of_era + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

std::string mysql_datetime(std::int64_t unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

std::optional<std::int64_t> unix_from_mysql(std::string_view text) {
    const auto f = parse(text);
    if (!f) return std::nullopt;
    return days_from_civil(f->y, f->mo, f->d) * 86400 + f->h * 3600 + f->mi * 60 + f->se;
}

std::optional<std::string> iso8601_utc(std::optional<std::string_view> text) {
    if (!text || !parse(*text)) return std::nullopt;
    std::string out(*text);
    out[10] = 'T';
    out += "+00:00";
    return out;
}

}  // namespace cartpress::core
