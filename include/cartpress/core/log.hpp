#pragma once

#include <string_view>

namespace cartpress::core {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

// Process-wide line logger (stderr by default). Each line is written with one write(2), so
// lines from worker threads never interleave. Never pass secrets: callers log ids, not values.
void log_set_level(LogLevel level);
// Appends to `path`; returns false (and keeps stderr) when it cannot be opened.
bool log_set_file(const char* path);
void log(LogLevel level, std::string_view message);

inline void log_debug(std::string_view m) { log(LogLevel::kDebug, m); }
inline void log_info(std::string_view m) { log(LogLevel::kInfo, m); }
inline void log_warn(std::string_view m) { log(LogLevel::kWarn, m); }
inline void log_error(std::string_view m) { log(LogLevel::kError, m); }

}  // namespace cartpress::core
