#include "e2e/fluent_cart/capture_masks.hpp"

#include <ctime>
#include <map>
#include <regex>
#include <set>
#include <vector>

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

// FluentCart's capture run: rows touched from capture 18 on carry these times (capture 19 shows
// order 1, new customer 5 and the activity row with the first).
const std::vector<std::string> kCaptureRunTimes = {"2026-11-26T11:30:22+00:00",
                                                   "2026-11-26T11:30:23+00:00"};

// uuid = md5(<email>_<random uuid4>) of the customers the captures create, by id.
const std::map<int, std::string> kCaptureUuids = {
    {5, "373f6b9a902a8e0b442b9035645cba66"}, {6, "1fb19b5cfb2f91001935d5dbbb0a4bd9"},
    {7, "54862f9f080626222af72cbe129bc5d8"}, {8, "d188d661655a2a92f4afa8d0bc5ff913"},
    {9, "76651d748e6b02c1d0e3bb60cb72b9a8"}, {10, "0d345157b36d8b2ed5b0609cf365aff1"}};

}  // namespace

void mask_run_values(int capture, std::string& expected, std::string& actual,
                     const ReplayWindow& window) {
    if (capture < 19) return;  // nothing before capture 18 writes
    for (const auto& t : kCaptureRunTimes) {
        expected = replace_all(std::move(expected), t, "<run time>");
    }
    actual = mask_window_times(std::move(actual), window);
    for (const auto& [id, uuid] : kCaptureUuids) {
        const std::string mask = "<uuid of " + std::to_string(id) + ">";
        expected = replace_all(std::move(expected), uuid, mask);
        const std::string ours =
            window.query_value("SELECT COALESCE(MAX(uuid), '') FROM wp_fct_customers WHERE id = " +
                               std::to_string(id));
        if (!ours.empty()) actual = replace_all(std::move(actual), ours, mask);
    }
}

}  // namespace cartpress::test
