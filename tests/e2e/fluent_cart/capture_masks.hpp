#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace cartpress::test {

// What a replay knows when it compares one capture: when the replay ran (rows it touched carry
// times from that window) and how to read a value of the replayed store.
struct ReplayWindow {
    std::int64_t started_unix = 0;
    std::int64_t finished_unix = 0;
    std::function<std::string(const std::string& sql)> query_value;
};

// Masks, in the capture's expected body and in Cartpress's actual body alike, the values that
// depend on time or randomness (reference README: `updated_at`/`created_at` of rows touched during
// the run, `uuid` of the customers the run creates), so that everything else compares byte for
// byte. Customer ids match FluentCart's: the replay re-creates FluentCart's orphan of capture 22.
void mask_run_values(int capture, std::string& expected, std::string& actual,
                     const ReplayWindow& window);

}  // namespace cartpress::test
