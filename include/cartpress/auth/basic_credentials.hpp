#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cartpress::auth {

struct BasicCredentials {
    std::string user;
    std::string password;
};

// "Basic <base64(user:password)>", scheme case-insensitive, split at the first colon (§11.3).
// Anything else (no colon, another scheme, bad base64) is no credentials, not an error.
std::optional<BasicCredentials> parse_basic_authorization(std::string_view header);

}  // namespace cartpress::auth
