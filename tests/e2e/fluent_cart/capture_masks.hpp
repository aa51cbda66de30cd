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
// the run, `uuid` of new rows), so that everything else compares byte for byte.
void mask_run_values(int capture, std::string& expected, std::string& actual,
                     const ReplayWindow& window);

// Customers created during the run, FluentCart id → Cartpress id. FluentCart leaves an orphan
// customer (7, ghost@) in capture 22; Cartpress does not (fluent-cart-v2.md §10 #1), so every
// customer created after it has an id one lower. Captures after 22 that name such an id (in the
// path or the body) are compared after this mapping.
int cartpress_customer_id(int fluentcart_id);

}  // namespace cartpress::test
