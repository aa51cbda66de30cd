#include <cartpress/auth/auth_throttle.hpp>

namespace cartpress::auth {

AuthThrottle::AuthThrottle(int max_failures, std::chrono::seconds window, std::size_t max_keys)
    : max_failures_(max_failures), window_(window), max_keys_(max_keys) {}

std::string AuthThrottle::key(std::string_view ip, std::string_view login) {
    std::string k(ip);
    k.push_back('\n');
    for (char c : login)
        k.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return k;
}

void AuthThrottle::prune(std::deque<TimePoint>& times, TimePoint now) const {
    while (!times.empty() && now - times.front() >= window_) times.pop_front();
}

std::optional<long> AuthThrottle::blocked_for(const std::string& key, TimePoint now) {
    if (max_failures_ <= 0) return std::nullopt;
    std::lock_guard lock(mutex_);
    auto it = failures_.find(key);
    if (it == failures_.end()) return std::nullopt;
    prune(it->second, now);
    if (static_cast<int>(it->second.size()) < max_failures_) {
        if (it->second.empty()) failures_.erase(it);
        return std::nullopt;
    }
    // Blocked until the oldest failure in the window ages out.
    const auto wait = window_ - (now - it->second.front());
    const long seconds = static_cast<long>(std::chrono::ceil<std::chrono::seconds>(wait).count());
    return seconds < 1 ? 1 : seconds;
}

void AuthThrottle::record_failure(const std::string& key, TimePoint now) {
    if (max_failures_ <= 0) return;
    std::lock_guard lock(mutex_);
    if (failures_.size() >= max_keys_ && failures_.find(key) == failures_.end()) {
        // Under a flood of distinct keys, drop the stale ones first; if none are stale,
        // forget everything rather than grow without bound.
        for (auto it = failures_.begin(); it != failures_.end();) {
            prune(it->second, now);
            it = it->second.empty() ? failures_.erase(it) : std::next(it);
        }
        if (failures_.size() >= max_keys_) failures_.clear();
    }
    auto& times = failures_[key];
    prune(times, now);
    times.push_back(now);
    while (static_cast<int>(times.size()) > max_failures_) times.pop_front();
}

}  // namespace cartpress::auth
