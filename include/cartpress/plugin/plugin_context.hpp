#pragma once

#include <atomic>
#include <cartpress/config/settings.hpp>
#include <cartpress/core/clock.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace cartpress::plugin {

// Counters the host keeps about itself (for cartpress/v1/status).
struct HostStats {
    std::chrono::steady_clock::time_point started{};
    int worker_threads = 0;
    std::atomic<std::uint64_t> requests_served{0};
};

// What a plugin gets from the host at construction; all of it outlives the plugin.
struct PluginContext {
    const config::Settings& settings;
    const core::Clock& clock;
    const HostStats& stats;
    std::function<void()> flush_options;  // drops the process's cached WordPress options

    const std::string& table_prefix() const { return settings.table_prefix; }
};

}  // namespace cartpress::plugin
