#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>

namespace cartpress::auth {

// Who the request runs as after authentication; id 0 is anonymous.
struct CurrentUser {
    std::int64_t id = 0;
    std::string login;
    std::string email;
    // Effective caps, roles included (§11.11); shared, as most users share their role's set.
    std::shared_ptr<const std::unordered_set<std::string>> capabilities;
    std::string app_password_uuid;  // which application password was used

    bool logged_in() const { return id > 0; }
    bool can(const std::string& capability) const {
        return logged_in() && capabilities && capabilities->count(capability) > 0;
    }
};

}  // namespace cartpress::auth
