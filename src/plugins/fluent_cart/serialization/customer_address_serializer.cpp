#include "serialization/customer_address_serializer.hpp"

#include <optional>

#include "domain/order_list.hpp"
#include "serialization/dates.hpp"
#include "serialization/order_relations.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

std::string_view type_word(std::string_view type) {
    return type == "billing" ? "Billing" : "Shipping";
}

// The echo as a stored row (kListCustomerAddressColumns), for customer_address_json's
// computed keys.
Record echo_record(const CreatedAddressEcho& e) {
    const AddressForm& f = e.form;
    return Record{std::to_string(e.id),
                  e.customer_id,
                  std::string(e.is_primary ? "1" : "0"),
                  f.type,
                  std::string("active"),
                  f.label,
                  f.name,
                  f.address_1,
                  f.address_2,
                  f.city,
                  f.state,
                  f.phone,
                  f.email,
                  f.postcode,
                  f.country,
                  address_meta_with_company(std::nullopt, f.company_name),
                  e.written_at,
                  e.written_at};
}

}  // namespace

json::Document serialize_address_list(const std::vector<Record>& addresses,
                                      const SerializeContext& ctx) {
    json::Document d;
    auto& a = d.GetAllocator();
    d.SetObject();
    json::Value list(rapidjson::kArrayType);
    for (const auto& address : addresses) list.PushBack(customer_address_json(address, ctx, a), a);
    d.AddMember("addresses", list, a);
    return d;
}

json::Document serialize_updated_address(std::string_view type_before, const Record& address,
                                         const SerializeContext& ctx) {
    json::Document d;
    auto& a = d.GetAllocator();
    d.SetObject();
    const std::string message =
        std::string(type_word(type_before)) + " address updated successfully!";
    d.AddMember("message", json::str(message, a), a);
    d.AddMember("data", customer_address_json(address, ctx, a), a);
    return d;
}

json::Document serialize_created_address(const CreatedAddressEcho& e, const SerializeContext& ctx) {
    json::Document d;
    auto& a = d.GetAllocator();
    d.SetObject();
    const AddressForm& f = e.form;
    json::Value o(rapidjson::kObjectType);
    o.AddMember("label", json::str(f.label, a), a);
    o.AddMember("type", json::str(f.type, a), a);
    o.AddMember("status", "active", a);
    o.AddMember("name", json::str(f.name, a), a);
    o.AddMember("address_1", json::str(f.address_1, a), a);
    o.AddMember("address_2", json::str(f.address_2, a), a);
    o.AddMember("city", json::str(f.city, a), a);
    o.AddMember("state", json::str(f.state, a), a);
    o.AddMember("phone", json::str(f.phone, a), a);
    o.AddMember("postcode", json::str(f.postcode, a), a);
    o.AddMember("country", json::str(f.country, a), a);
    o.AddMember("email", json::str(f.email, a), a);
    o.AddMember("is_primary", e.is_primary ? 1 : 0, a);
    o.AddMember("customer_id", json::str(e.customer_id, a), a);
    const auto at = iso_datetime(e.written_at);
    o.AddMember("updated_at", at ? json::str(*at, a) : json::Value(), a);
    o.AddMember("created_at", at ? json::str(*at, a) : json::Value(), a);
    o.AddMember("id", e.id, a);
    // The computed keys exactly as a stored address shows them.
    json::Value full = customer_address_json(echo_record(e), ctx, a);
    o.AddMember("formatted_address", full["formatted_address"], a);
    o.AddMember("company_name", full["company_name"], a);
    const std::string message = std::string(type_word(f.type)) + " address created successfully!";
    d.AddMember("message", json::str(message, a), a);
    d.AddMember("data", o, a);
    return d;
}

json::Document address_message(std::string_view message) {
    json::Document d;
    auto& a = d.GetAllocator();
    d.SetObject();
    d.AddMember("message", json::str(message, a), a);
    d.AddMember("data", "", a);
    return d;
}

}  // namespace cartpress::plugins::fluent_cart
