#include "serialization/order_relations.hpp"

#include <charconv>

#include "domain/columns.hpp"
#include "domain/order_list.hpp"
#include "serialization/names.hpp"
#include "serialization/record_writer.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

using Alloc = json::Allocator;

json::Value str(std::string_view s, Alloc& a) { return json::str(s, a); }

json::Value str_or_null(const std::optional<std::string>& v, Alloc& a) {
    return v ? json::str(*v, a) : json::Value();
}

// meta.other_data.<key> when it is a string, else "".
std::string other_data(const json::Value& meta, const char* key) {
    const auto* od = member(meta, "other_data");
    if (!od) return "";
    const auto* v = member(*od, key);
    if (!v || !v->IsString()) return "";
    return std::string(json::view(*v));
}

std::string join_non_empty(std::initializer_list<std::string> parts) {
    std::string out;
    for (const auto& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += ", ";
        out += part;
    }
    return out;
}

std::string transaction_url(const Record& t) {
    const std::string method = text(field(kTransactionColumns, t, "payment_method"));
    const std::string charge = text(field(kTransactionColumns, t, "vendor_charge_id"));
    if (charge.empty()) return "";
    if (method == "paypal") {
        const bool test = text(field(kTransactionColumns, t, "payment_mode")) == "test";
        return (test ? "https://www.sandbox.paypal.com/activity/payment/"
                     : "https://www.paypal.com/activity/payment/") +
               charge;
    }
    if (method == "stripe") {
        const bool refund = text(field(kTransactionColumns, t, "transaction_type")) == "refund";
        return (refund ? "https://dashboard.stripe.com/refunds/"
                       : "https://dashboard.stripe.com/payments/") +
               charge;
    }
    return "";
}

}  // namespace

json::Value order_item_json(const Record& item, const SerializeContext& ctx, Alloc& a) {
    json::Value o(rapidjson::kObjectType);
    write_record(o, kOrderItemColumns, item, a);
    o.AddMember("payment_info", "", a);
    o.AddMember("setup_info", "", a);
    json::Document other_doc;
    const json::Value other =
        json_column(field(kOrderItemColumns, item, "other_info"), other_doc.GetAllocator());
    o.AddMember("is_custom", truthy(member(other, "is_custom")), a);
    o.AddMember(
        "formatted_total",
        str(format_money(to_int(field(kOrderItemColumns, item, "subtotal")), ctx.currency), a), a);
    return o;
}

json::Value transaction_json(const Record& t, Alloc& a) {
    json::Value o(rapidjson::kObjectType);
    write_record(o, kTransactionColumns, t, a);
    o.AddMember("url", str(transaction_url(t), a), a);
    return o;
}

json::Value order_address_json(const Record& address, const json::Value& order_with_customer,
                               const CustomerRecord* customer, const SerializeContext& ctx,
                               Alloc& a) {
    const auto col = [&](const char* column) {
        return text(field(kOrderAddressColumns, address, column));
    };
    json::Value o(rapidjson::kObjectType);
    write_record(o, kOrderAddressColumns, address, a);
    json::Document meta_doc;
    const json::Value meta =
        json_column(field(kOrderAddressColumns, address, "meta"), meta_doc.GetAllocator());
    const std::string name = col("name");
    const auto parts = split_address_name(name);
    json::Value email;
    if (customer) email = str(text(field(kCustomerColumns, customer->customer, "email")), a);
    o.AddMember("email", json::copy(email, a), a);
    o.AddMember("first_name", str(parts.first, a), a);
    o.AddMember("last_name", str(parts.last, a), a);
    o.AddMember("full_name", str(name, a), a);

    const std::string country_name = ctx.countries.country_name(col("country"));
    const std::string state_name = ctx.countries.state_name(col("country"), col("state"));
    const std::string company = other_data(meta, "company_name");
    const std::string label = other_data(meta, "label");
    json::Value f(rapidjson::kObjectType);
    f.AddMember("country", str(country_name, a), a);
    f.AddMember("state", str(state_name, a), a);
    // FluentCart's accessors pass a NULL city/postcode/street through as null.
    const auto raw = [&](const char* column) {
        return str_or_null(field(kOrderAddressColumns, address, column), a);
    };
    f.AddMember("city", raw("city"), a);
    f.AddMember("postcode", raw("postcode"), a);
    f.AddMember("address_1", raw("address_1"), a);
    f.AddMember("address_2", raw("address_2"), a);
    f.AddMember("type", str(col("type"), a), a);
    f.AddMember("name", str(name, a), a);
    f.AddMember("first_name", str(parts.first, a), a);
    f.AddMember("last_name", str(parts.last, a), a);
    f.AddMember("full_name", str(name, a), a);
    f.AddMember("email", email, a);
    f.AddMember("company_name", str(company, a), a);
    f.AddMember("label", str(label, a), a);
    f.AddMember("full_address",
                str(join_non_empty({col("address_1"), col("address_2"), col("city"), state_name,
                                    country_name}),
                    a),
                a);
    o.AddMember("formatted_address", f, a);
    o.AddMember("company_name", str(company, a), a);
    o.AddMember("phone", str(other_data(meta, "phone"), a), a);
    o.AddMember("label", str(label, a), a);
    o.AddMember("order", json::copy(order_with_customer, a), a);
    return o;
}

json::Value label_relationship_json(const Record& label, Alloc& a) {
    json::Value o(rapidjson::kObjectType);
    write_record(o, kLabelRelationshipColumns, label, a);
    return o;
}

json::Value subscription_json(const SubscriptionRecord& s, const std::string& currency, Alloc& a) {
    json::Value o(rapidjson::kObjectType);
    write_record(o, kSubscriptionColumns, s.subscription, a);
    o.AddMember("url", "", a);
    o.AddMember("payment_info", "", a);
    o.AddMember("billingInfo", json::Value(rapidjson::kArrayType), a);
    o.AddMember("overridden_status",
                str(text(field(kSubscriptionColumns, s.subscription, "status")), a), a);
    o.AddMember("currency", str(currency, a), a);
    o.AddMember("reactivate_url", "", a);
    json::Value meta(rapidjson::kArrayType);
    for (const auto& [key, value] : s.meta) {
        json::Value m(rapidjson::kObjectType);
        m.AddMember("meta_key", str(key, a), a);
        m.AddMember("meta_value", json_or_text(value, a), a);
        meta.PushBack(m, a);
    }
    o.AddMember("meta", meta, a);
    return o;
}

json::Value customer_address_json(const Record& address, const SerializeContext& ctx, Alloc& a) {
    const ColumnList columns = kListCustomerAddressColumns;
    const auto& value = [&](const char* name) -> const std::optional<std::string>& {
        return field(columns, address, name);
    };
    json::Value o(rapidjson::kObjectType);
    write_record(o, columns, address, a);
    json::Document meta_doc;
    const json::Value meta = json_column(value("meta"), meta_doc.GetAllocator());
    const std::string company = other_data(meta, "company_name");
    const std::string country = text(value("country"));
    const std::string country_name = country.empty() ? "" : ctx.countries.country_name(country);
    const std::optional<std::string> state =
        value("state")
            ? std::optional<std::string>(ctx.countries.state_name(country, *value("state")))
            : std::nullopt;
    json::Value f(rapidjson::kObjectType);
    f.AddMember("country", str(country_name, a), a);
    f.AddMember("state", str_or_null(state, a), a);
    f.AddMember("city", str_or_null(value("city"), a), a);
    f.AddMember("postcode", str_or_null(value("postcode"), a), a);
    f.AddMember("address_1", str_or_null(value("address_1"), a), a);
    f.AddMember("address_2", str_or_null(value("address_2"), a), a);
    f.AddMember("type", str_or_null(value("type"), a), a);
    f.AddMember("name", str_or_null(value("name"), a), a);
    f.AddMember("first_name", json::Value(), a);
    f.AddMember("last_name", json::Value(), a);
    f.AddMember("full_name", json::Value(), a);
    f.AddMember("company_name", str(company, a), a);
    f.AddMember("label", str_or_null(value("label"), a), a);
    f.AddMember("phone", str_or_null(value("phone"), a), a);
    f.AddMember("full_address",
                str(join_non_empty({company, text(value("address_1")), text(value("address_2")),
                                    text(value("city")), state.value_or(""), country_name}),
                    a),
                a);
    o.AddMember("formatted_address", f, a);
    o.AddMember("company_name", str(company, a), a);
    return o;
}

}  // namespace cartpress::plugins::fluent_cart
