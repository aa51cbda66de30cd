#include "support/server_counters.hpp"

#include <stdexcept>

namespace cartpress::test {

ServerCounters::ServerCounters(db::Session& session, std::string name)
    : session_(session), name_(std::move(name)) {
    const auto a = read();
    const auto b = read();
    overhead_ = b - a;
    start_ = read();
}

std::int64_t ServerCounters::read() {
    // SHOW takes no placeholders; the names are the tests' own constants.
    auto rows = session_.query("SHOW SESSION STATUS LIKE '" + name_ + "'", {});
    if (!rows || rows->empty()) throw std::runtime_error("no status counter " + name_);
    return (*rows)[0].i64(1);
}

void ServerCounters::reset() { start_ = read(); }

std::int64_t ServerCounters::since() { return read() - start_ - overhead_; }

}  // namespace cartpress::test
