#include <cartpress/core/clock.hpp>

namespace cartpress::core {

std::int64_t SystemClock::now_unix() const {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::chrono::steady_clock::time_point SystemClock::steady_now() const {
    return std::chrono::steady_clock::now();
}

}  // namespace cartpress::core
