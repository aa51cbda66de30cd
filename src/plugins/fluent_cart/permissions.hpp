#pragma once

#include <cartpress/auth/current_user.hpp>
#include <string_view>

namespace cartpress::plugins::fluent_cart {

// FluentCart's permission vocabulary ("orders/view", "customers/manage", …) over WordPress
// capabilities: manage_options holds every permission (spec §1.1). FluentCart Pro's shop roles
// are not honoured (config fluent_cart.pro_roles is off by default and not built yet).
bool has_permission(const auth::CurrentUser& user, std::string_view permission);

}  // namespace cartpress::plugins::fluent_cart
