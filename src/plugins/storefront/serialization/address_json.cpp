#include "storefront/serialization/address_json.hpp"

#include "storefront/serialization/json_values.hpp"

namespace cartpress::plugins::storefront {

json::Value address_json(const AddressRecord& r, json::Allocator& a) {
    json::Value v(rapidjson::kObjectType);
    v.AddMember("id", r.id, a);
    v.AddMember("customer_id", r.customer_id, a);
    v.AddMember("type", json::str(r.type, a), a);
    v.AddMember("is_primary", r.is_primary, a);
    v.AddMember("label", json::str(r.label, a), a);
    v.AddMember("name", json::str(r.name, a), a);
    v.AddMember("company_name", json::str(r.company_name, a), a);
    v.AddMember("email", json::str(r.email, a), a);
    v.AddMember("phone", json::str(r.phone, a), a);
    v.AddMember("address_1", json::str(r.address_1, a), a);
    v.AddMember("address_2", json::str(r.address_2, a), a);
    v.AddMember("city", json::str(r.city, a), a);
    v.AddMember("state", json::str(r.state, a), a);
    v.AddMember("postcode", json::str(r.postcode, a), a);
    v.AddMember("country", json::str(r.country, a), a);
    v.AddMember("created_at", date_or_null(r.created_at, a), a);
    v.AddMember("updated_at", date_or_null(r.updated_at, a), a);
    return v;
}

}  // namespace cartpress::plugins::storefront
