#pragma once

#include <cartpress/db/session.hpp>
#include <cstdint>
#include <string>

namespace cartpress::test {

// MariaDB's per-connection work counters (SHOW SESSION STATUS), to test how a statement runs —
// temporary tables, rows read by scans — rather than how long it takes. `since()` subtracts
// what reading the counters itself costs.
class ServerCounters {
public:
    ServerCounters(db::Session& session, std::string name);
    // The counter's growth since construction (or the last reset), less the reading overhead.
    std::int64_t since();
    void reset();

private:
    std::int64_t read();
    db::Session& session_;
    std::string name_;
    std::int64_t overhead_ = 0;
    std::int64_t start_ = 0;
};

}  // namespace cartpress::test
