#include "storefront/serialization/customer_json.hpp"

#include "fluent_cart/serialization/names.hpp"
#include "storefront/serialization/json_values.hpp"

namespace cartpress::plugins::storefront {
namespace {

json::Value link(const std::string& href, json::Allocator& a) {
    json::Value item(rapidjson::kObjectType);
    item.AddMember("href", json::str(href, a), a);
    json::Value list(rapidjson::kArrayType);
    list.PushBack(item, a);
    return list;
}

}  // namespace

json::Value customer_json(const CustomerRecord& c, Audience audience, const CustomerLinks& links,
                          json::Allocator& a) {
    json::Value o(rapidjson::kObjectType);
    o.AddMember("id", c.id, a);
    o.AddMember("email", json::str(c.email, a), a);
    o.AddMember("first_name", json::str(c.first_name, a), a);
    o.AddMember("last_name", json::str(c.last_name, a), a);
    o.AddMember("full_name", json::str(fluent_cart::full_name(c.first_name, c.last_name), a), a);
    o.AddMember("status", json::str(c.status.empty() ? "active" : c.status, a), a);
    o.AddMember("password", c.has_password(), a);
    o.AddMember("country", json::str(c.country, a), a);
    o.AddMember("state", json::str(c.state, a), a);
    o.AddMember("city", json::str(c.city, a), a);
    o.AddMember("postcode", json::str(c.postcode, a), a);
    o.AddMember("purchase_count", c.purchase_count, a);
    o.AddMember("ltv", c.ltv, a);
    o.AddMember("first_purchase_at", date_or_null(c.first_purchase_date, a), a);
    o.AddMember("last_purchase_at", date_or_null(c.last_purchase_date, a), a);
    json::Value fields(rapidjson::kObjectType);
    for (const auto& [name, text] : c.custom_fields) {
        if (audience == Audience::kCustomer && !name.empty() && name[0] == '_') continue;
        json::Document value;
        // Stored by Cartpress as JSON; a row another tool wrote as plain text shows as a string.
        if (value.Parse(text.data(), text.size()).HasParseError()) {
            fields.AddMember(json::str(name, a), json::str(text, a), a);
        } else {
            fields.AddMember(json::str(name, a), json::copy(value, a), a);
        }
    }
    o.AddMember("custom_fields", fields, a);
    if (audience == Audience::kStaff) {
        o.AddMember("user_id",
                    c.user_id ? json::Value(*c.user_id) : json::Value(rapidjson::kNullType), a);
        o.AddMember("notes", json::str(c.notes, a), a);
    }
    o.AddMember("created_at", date_or_null(c.created_at, a), a);
    o.AddMember("updated_at", date_or_null(c.updated_at, a), a);
    json::Value links_json(rapidjson::kObjectType);
    links_json.AddMember("self", link(links.self, a), a);
    links_json.AddMember("collection", link(links.collection, a), a);
    o.AddMember("_links", links_json, a);
    return o;
}

}  // namespace cartpress::plugins::storefront
