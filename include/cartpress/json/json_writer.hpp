#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/json/rapidjson.hpp>
#include <string>

namespace cartpress::json {

struct EncodeError {
    std::string message;  // PHP's json_last_error_msg() text
};

// Serialises like PHP's json_encode() with no flags (or JSON_PRETTY_PRINT): `/` as `\/`,
// non-ASCII as lowercase `\uxxxx` with surrogate pairs, whole doubles without `.0`.
// Every REST response goes through this one writer.
core::Result<std::string, EncodeError> encode(const Value& value, bool pretty = false);

// Appends to `out` instead; on failure `out` holds a partial write.
core::Result<void, EncodeError> encode_to(std::string& out, const Value& value,
                                          bool pretty = false);

// PHP's rendering of a double with serialize_precision = -1 (shortest round trip).
std::string php_double(double d);

}  // namespace cartpress::json
