#pragma once

#include <cartpress/json/rapidjson.hpp>

#include "storefront/repositories/address_repository.hpp"

namespace cartpress::plugins::storefront {

// The address resource of spec §5.2, keys in this order: id, customer_id, type, is_primary,
// label, name, company_name, email, phone, address_1, address_2, city, state, postcode,
// country, created_at, updated_at.
json::Value address_json(const AddressRecord& a, json::Allocator& alloc);

}  // namespace cartpress::plugins::storefront
