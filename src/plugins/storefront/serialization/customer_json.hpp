#pragma once

#include <cartpress/json/rapidjson.hpp>
#include <string>

#include "storefront/repositories/customer_repository.hpp"

namespace cartpress::plugins::storefront {

// Who reads a resource: staff see more keys than the customer itself (spec §5.1).
enum class Audience { kStaff, kCustomer };

// Links of a customer, as full URLs.
struct CustomerLinks {
    std::string self;
    std::string collection;
};

// The customer resource of spec §5.1, keys in this order: id, email, first_name, last_name,
// full_name, status (FluentCart's '' shown as active), password (an account or not), country,
// state, city, postcode, purchase_count, ltv, first_purchase_at, last_purchase_at,
// custom_fields (customers: names without a leading "_"), staff only: user_id, notes; then
// created_at, updated_at (ISO 8601 UTC or null) and _links. Never a hash or a password length.
json::Value customer_json(const CustomerRecord& c, Audience audience, const CustomerLinks& links,
                          json::Allocator& a);

}  // namespace cartpress::plugins::storefront
