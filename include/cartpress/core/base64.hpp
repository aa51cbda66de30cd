#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cartpress::core {

// RFC 4648 base64 without padding: the standard alphabet ("+/") or the URL-safe one ("-_").
enum class Base64Alphabet { kStandard, kUrl };

std::string base64_unpadded(std::string_view bytes, Base64Alphabet alphabet);

// Strict decoding of base64url without padding: nothing for any other character, for "=", and
// for a length or trailing bits no encoder produces (so every input has one decoded form and
// one encoded form: a token cannot be re-spelled).
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace cartpress::core
