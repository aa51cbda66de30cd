#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cartpress::auth {

// One item of usermeta `_application_passwords` (§11.2).
struct ApplicationPassword {
    std::string uuid;
    std::string name;
    std::string password_hash;
    std::int64_t last_used = 0;  // null counts as 0
};

// The items in stored order; a corrupt value, an object, or a non-array means none.
std::vector<ApplicationPassword> parse_application_passwords(std::string_view serialized);

// The serialized value with `uuid`'s last_used/last_ip set (other items byte-identical), or
// nothing when the item is missing or was used within `interval` seconds of `now` (§11.6).
std::optional<std::string> mark_used(std::string_view serialized, std::string_view uuid,
                                     std::int64_t now, std::string_view ip, std::int64_t interval);

}  // namespace cartpress::auth
