#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cartpress/core/log.hpp>
#include <ctime>
#include <string>

namespace cartpress::core {
namespace {

std::atomic<int> g_level{static_cast<int>(LogLevel::kInfo)};
std::atomic<int> g_fd{STDERR_FILENO};

std::string_view level_name(LogLevel level) {
    switch (level) {
        case LogLevel::kDebug:
            return "debug";
        case LogLevel::kInfo:
            return "info";
        case LogLevel::kWarn:
            return "warn";
        case LogLevel::kError:
            return "error";
    }
    return "?";
}

}  // namespace

void log_set_level(LogLevel level) { g_level = static_cast<int>(level); }

bool log_set_file(const char* path) {
    const int fd = ::open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    if (fd < 0) return false;
    g_fd = fd;
    return true;
}

void log(LogLevel level, std::string_view message) {
    if (static_cast<int>(level) < g_level.load(std::memory_order_relaxed)) return;
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    std::string line;
    line.reserve(message.size() + 48);
    line += stamp;
    line += " cartpress ";
    line += level_name(level);
    line += ": ";
    for (char c : message) line.push_back(c == '\n' || c == '\r' ? ' ' : c);
    line.push_back('\n');
    ssize_t ignored = ::write(g_fd.load(std::memory_order_relaxed), line.data(), line.size());
    (void)ignored;
}

}  // namespace cartpress::core
