#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace cartpress::auth {

// Counts failed Basic logins per (IP, login) in a sliding window (§11.8, a Cartpress addition).
// In-process: with several host processes each keeps its own count, so the effective limit is
// per process; documented in the README.
class AuthThrottle {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    AuthThrottle(int max_failures, std::chrono::seconds window, std::size_t max_keys = 100000);

    // Seconds until the key may try again, or nothing when it is not blocked.
    std::optional<long> blocked_for(const std::string& key, TimePoint now);
    void record_failure(const std::string& key, TimePoint now);

    static std::string key(std::string_view ip, std::string_view login);

private:
    void prune(std::deque<TimePoint>& times, TimePoint now) const;

    int max_failures_;
    std::chrono::seconds window_;
    std::size_t max_keys_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<TimePoint>> failures_;
};

}  // namespace cartpress::auth
