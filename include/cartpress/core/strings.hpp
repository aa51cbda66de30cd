#pragma once

#include <string>
#include <string_view>

namespace cartpress::core {

// PHP's trim() with its default set: space, \t, \n, \r, \0 and \v (WordPress trims logins,
// emails and names this way).
std::string_view php_trim(std::string_view s);

// strtolower() of the C locale: ASCII letters only, other bytes (UTF-8) unchanged.
std::string ascii_lower(std::string_view s);

}  // namespace cartpress::core
