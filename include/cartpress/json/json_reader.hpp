#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/json/rapidjson.hpp>
#include <string>

namespace cartpress::json {

// What PHP's json_decode reports, so rest_invalid_json can carry the same code and text.
struct DecodeError {
    int php_code = 4;
    std::string php_message = "Syntax error";
};

inline constexpr int kMaxDepth = 512;  // PHP's default json_decode depth

// Parses a request body as PHP's json_decode would accept it: RFC 8259 JSON, valid UTF-8,
// nesting up to 512, duplicate keys resolved last-wins.
core::Result<void, DecodeError> decode(std::string_view text, Document& out);

}  // namespace cartpress::json
