#include "serialization/customer_serializer.hpp"

#include <vector>

#include "domain/columns.hpp"
#include "serialization/dates.hpp"
#include "serialization/order_relations.hpp"
#include "serialization/record_writer.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

json::Value optional_text(const std::optional<std::string>& v, json::Allocator& a) {
    return v ? json::str(*v, a) : json::Value();
}

}  // namespace

json::Document serialize_customer_detail(const CustomerDetail& detail, bool customer_only,
                                         const SerializeContext& ctx) {
    json::Document d;
    auto& a = d.GetAllocator();
    d.SetObject();
    std::vector<std::int64_t> label_ids;
    json::Value labels(rapidjson::kArrayType);
    for (const auto& l : detail.labels) {
        label_ids.push_back(to_int(field(kLabelRelationshipColumns, l, "label_id")));
        labels.PushBack(label_relationship_json(l, a), a);
    }
    json::Value customer =
        customer_json(detail.customer, ctx, a, customer_only ? nullptr : &label_ids);
    customer.AddMember("labels", labels, a);
    d.AddMember("customer", customer, a);
    return d;
}

json::Document serialize_created_customer(const CreatedCustomerEcho& e,
                                          const SerializeContext& ctx) {
    json::Document d;
    auto& a = d.GetAllocator();
    d.SetObject();
    json::Value c(rapidjson::kObjectType);
    c.AddMember("email", json::str(e.email, a), a);
    c.AddMember("user_id", e.user_id ? json::Value(*e.user_id) : json::Value(), a);
    c.AddMember("first_name", json::str(e.first_name, a), a);
    c.AddMember("last_name", json::str(e.last_name, a), a);
    c.AddMember("status", optional_text(e.status, a), a);
    c.AddMember("aov", optional_text(e.aov, a), a);
    c.AddMember("notes", json::str(e.notes, a), a);
    c.AddMember("country", optional_text(e.country, a), a);
    c.AddMember("city", optional_text(e.city, a), a);
    c.AddMember("state", optional_text(e.state, a), a);
    c.AddMember("postcode", optional_text(e.postcode, a), a);
    c.AddMember("purchase_value", json::Value(rapidjson::kArrayType), a);  // stored "[]"
    c.AddMember("uuid", json::str(e.uuid, a), a);
    const auto at = iso_datetime(e.written_at);
    c.AddMember("updated_at", optional_text(at, a), a);
    c.AddMember("created_at", optional_text(at, a), a);
    c.AddMember("id", e.id, a);
    add_customer_computed_keys(
        c,
        CustomerFacts{e.first_name, e.last_name, e.email, std::nullopt, e.country.value_or(""),
                      e.state, e.city, e.postcode,
                      e.user_id ? std::to_string(*e.user_id) : std::string()},
        ctx, a);
    d.AddMember("message", "Customer created successfully!", a);
    d.AddMember("data", c, a);
    return d;
}

}  // namespace cartpress::plugins::fluent_cart
