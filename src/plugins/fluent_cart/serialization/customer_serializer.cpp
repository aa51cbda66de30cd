#include "serialization/customer_serializer.hpp"

#include <map>
#include <vector>

#include "domain/columns.hpp"
#include "serialization/dates.hpp"
#include "serialization/order_relations.hpp"
#include "serialization/paginator.hpp"
#include "serialization/record_writer.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

json::Value optional_text(const std::optional<std::string>& v, json::Allocator& a) {
    return v ? json::str(*v, a) : json::Value();
}

}  // namespace

void add_customer_relations(json::Value& customer, std::int64_t id,
                            const std::vector<CustomerRelation>& relations,
                            const CustomerRelations& loaded, const SerializeContext& ctx,
                            json::Allocator& a) {
    const auto list = [&](const auto& by_customer, auto&& one) {
        json::Value out(rapidjson::kArrayType);
        if (const auto it = by_customer.find(id); it != by_customer.end()) {
            for (const auto& item : it->second) out.PushBack(one(item), a);
        }
        return out;
    };
    const auto address = [&](const Record& r) { return customer_address_json(r, ctx, a); };
    const auto primary = [&](const std::map<std::int64_t, Record>& by_customer) {
        const auto it = by_customer.find(id);
        return it == by_customer.end() ? json::Value() : address(it->second);
    };
    for (const CustomerRelation r : relations) {
        const auto name = json::str(customer_relation_name(r), a);
        switch (r) {
            case CustomerRelation::kShippingAddress:
                customer.AddMember(json::Value(name, a), list(loaded.shipping_addresses, address),
                                   a);
                break;
            case CustomerRelation::kBillingAddress:
                customer.AddMember(json::Value(name, a), list(loaded.billing_addresses, address),
                                   a);
                break;
            case CustomerRelation::kPrimaryShippingAddress:
                customer.AddMember(json::Value(name, a), primary(loaded.primary_shipping_addresses),
                                   a);
                break;
            case CustomerRelation::kPrimaryBillingAddress:
                customer.AddMember(json::Value(name, a), primary(loaded.primary_billing_addresses),
                                   a);
                break;
            case CustomerRelation::kLabels:
                customer.AddMember(
                    json::Value(name, a),
                    list(loaded.labels,
                         [&](const Record& l) { return label_relationship_json(l, a); }),
                    a);
                break;
            case CustomerRelation::kSubscriptions:
                customer.AddMember(
                    json::Value(name, a),
                    list(loaded.subscriptions,
                         [&](const auto& s) { return subscription_json(s.first, s.second, a); }),
                    a);
                break;
            case CustomerRelation::kOrders:
                customer.AddMember(
                    json::Value(name, a),
                    list(loaded.orders, [&](const Record& o) { return order_columns_json(o, a); }),
                    a);
                break;
        }
    }
}

json::Document serialize_customer_detail(const CustomerDetail& detail, bool customer_only,
                                         const std::vector<CustomerRelation>& relations,
                                         const CustomerRelations& loaded,
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
    const std::int64_t id = to_int(field(kCustomerColumns, detail.customer.customer, "id"));
    add_customer_relations(customer, id, relations, loaded, ctx, a);
    // FluentCart loads `labels` last; with[]=labels already put it in its place.
    if (!customer.HasMember("labels")) customer.AddMember("labels", labels, a);
    d.AddMember("customer", customer, a);
    return d;
}

json::Document serialize_customer_list(const CustomerListPage& page,
                                       const std::vector<CustomerRelation>& relations,
                                       const CustomerRelations& loaded, std::string_view path,
                                       const SerializeContext& ctx) {
    json::Document d;
    auto& a = d.GetAllocator();
    d.SetObject();
    json::Value data(rapidjson::kArrayType);
    for (const auto& c : page.customers) {
        json::Value customer = customer_json(c, ctx, a);
        add_customer_relations(customer, to_int(field(kCustomerColumns, c.customer, "id")),
                               relations, loaded, ctx, a);
        data.PushBack(customer, a);
    }
    d.AddMember("customers", paginator_json(std::move(data), page.total, page.page, path, a), a);
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
