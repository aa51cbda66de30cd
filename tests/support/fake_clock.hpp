#pragma once

#include <cartpress/core/clock.hpp>

namespace cartpress::test {

// Time that moves only when a test says so.
class FakeClock final : public core::Clock {
public:
    explicit FakeClock(std::int64_t unix_now = 1800000000) : unix_(unix_now) {}
    std::int64_t now_unix() const override { return unix_; }
    std::chrono::steady_clock::time_point steady_now() const override {
        return std::chrono::steady_clock::time_point(std::chrono::seconds(unix_));
    }
    void advance(std::int64_t seconds) { unix_ += seconds; }

private:
    std::int64_t unix_;
};

}  // namespace cartpress::test
