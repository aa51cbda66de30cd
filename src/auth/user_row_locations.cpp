#include <cartpress/auth/user_row_locations.hpp>

namespace cartpress::auth {

UserRowLocations::UserRowLocations(std::size_t capacity) : capacity_(capacity) {}

std::string UserRowLocations::key(By by, std::string_view value) {
    std::string k(1, by == By::kLogin ? 'l' : 'e');
    k.append(value);
    return k;
}

std::optional<UserRowIds> UserRowLocations::find(By by, std::string_view value) const {
    const std::string k = key(by, value);
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(k);
    if (it == entries_.end()) return std::nullopt;
    return it->second;
}

void UserRowLocations::remember(By by, std::string_view value, const UserRowIds& ids) {
    std::string k = key(by, value);
    std::lock_guard lock(mutex_);
    if (entries_.size() >= capacity_ && entries_.count(k) == 0) {
        entries_.clear();  // simple bound: the logins in use come back in one pass
    }
    entries_.insert_or_assign(std::move(k), ids);
}

void UserRowLocations::forget(By by, std::string_view value) {
    const std::string k = key(by, value);
    std::lock_guard lock(mutex_);
    entries_.erase(k);
}

}  // namespace cartpress::auth
