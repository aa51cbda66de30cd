#include "e2e/fluent_cart/capture_masks.hpp"

#include <ctime>
#include <map>
#include <regex>
#include <set>

namespace cartpress::test {
namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    if (from.empty()) return text;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
        text.replace(at, from.size(), to);
        at += to.size();
    }
    return text;
}

std::string iso(std::int64_t unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
    return buf;
}

// Every ISO time in the body that falls in the replay's window: rows Cartpress touched.
std::string mask_window_times(std::string body, const ReplayWindow& w) {
    const std::string from = iso(w.started_unix - 1);
    const std::string to = iso(w.finished_unix + 1);
    static const std::regex kIso(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00)");
    std::set<std::string> hits;
    for (std::sregex_iterator it(body.begin(), body.end(), kIso), end; it != end; ++it) {
        const std::string t = it->str();
        if (t >= from && t <= to) hits.insert(t);
    }
    for (const auto& t : hits) body = replace_all(std::move(body), t, "<run time>");
    return body;
}

// FluentCart's capture run: rows touched by captures 18–31 carry this time (capture 19 shows
// order 1, new customer 5 and the activity row with it).
constexpr const char* kCaptureRunTime = "2026-11-26T11:30:22+00:00";

}  // namespace

void mask_run_values(int capture, std::string& expected, std::string& actual,
                     const ReplayWindow& window) {
    if (capture != 19) return;
    // Capture 19: order 1 after capture 18 moved it to the new customer 5.
    // - created_at/updated_at of order 1, customer 5 and activity 1 are the run's time;
    // - customer 5's uuid is md5(<email>_<random uuid4>).
    expected = replace_all(std::move(expected), kCaptureRunTime, "<run time>");
    expected = replace_all(std::move(expected), "373f6b9a902a8e0b442b9035645cba66", "<uuid of 5>");
    actual = mask_window_times(std::move(actual), window);
    const std::string uuid = window.query_value("SELECT uuid FROM wp_fct_customers WHERE id = 5");
    actual = replace_all(std::move(actual), uuid, "<uuid of 5>");
}

int cartpress_customer_id(int fluentcart_id) {
    // 5 new@ (cap 18) and 6 frank@ (cap 21) keep their ids; 7 ghost@ (cap 22) does not exist;
    // 8 gina@ (cap 23), 9 hank@ (cap 24) and 10 erin@ (cap 35) are one lower.
    static const std::map<int, int> kMapping = {{8, 7}, {9, 8}, {10, 9}};
    const auto it = kMapping.find(fluentcart_id);
    return it == kMapping.end() ? fluentcart_id : it->second;
}

}  // namespace cartpress::test
