#pragma once

#include <chrono>
#include <cstdint>

namespace cartpress::core {

// Time is injected so that tests can move it (e.g. last_used's 86400 s window);
// only src/core/clock.cpp reads the system clock.
class Clock {
public:
    virtual ~Clock() = default;
    // Seconds since the Unix epoch (wall clock: stored in the database, compared with it).
    virtual std::int64_t now_unix() const = 0;
    // Monotonic time for timeouts, idle checks and uptime.
    virtual std::chrono::steady_clock::time_point steady_now() const = 0;
};

class SystemClock final : public Clock {
public:
    std::int64_t now_unix() const override;
    std::chrono::steady_clock::time_point steady_now() const override;
};

}  // namespace cartpress::core
