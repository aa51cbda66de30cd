#include "permissions.hpp"

namespace cartpress::plugins::fluent_cart {

bool has_permission(const auth::CurrentUser& user, std::string_view permission) {
    (void)permission;  // every permission maps to the same capability without Pro roles
    return user.can("manage_options");
}

}  // namespace cartpress::plugins::fluent_cart
