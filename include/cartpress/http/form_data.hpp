#pragma once

#include <cartpress/json/rapidjson.hpp>
#include <string>
#include <string_view>

namespace cartpress::http {

// PHP's limit on input variables per source (max_input_vars); more are dropped, as PHP does.
inline constexpr std::size_t kMaxInputVars = 1000;
inline constexpr int kMaxInputNesting = 64;

// urldecode(): "%41" → "A", "+" → " " when plus_as_space; a malformed escape stays literal.
std::string percent_decode(std::string_view s, bool plus_as_space);

// urlencode(): space → "+", every byte outside A-Za-z0-9-_. → "%XX" (uppercase).
std::string php_urlencode(std::string_view s);

// Parses "a=1&b[]=2&c[k]=3" as PHP's parse_str() does into `target` (an object): names with
// brackets build nested arrays, "." and " " in a name become "_", a later scalar overwrites an
// earlier one. A PHP list (keys 0..n-1 in order) becomes a JSON array, any other map an object.
void parse_php_query(std::string_view query, json::Value& target, json::Allocator& alloc);

// Parses a multipart/form-data body's non-file fields into `target`, with the same name rules.
// Returns false when the body is not well-formed multipart for that boundary.
bool parse_multipart_form(std::string_view body, std::string_view boundary, json::Value& target,
                          json::Allocator& alloc);

// True when every key and string below `v` is valid UTF-8.
bool all_strings_valid_utf8(const json::Value& v);

}  // namespace cartpress::http
