#include "storefront/serialization/order_json.hpp"

#include "storefront/serialization/json_values.hpp"

namespace cartpress::plugins::storefront {
json::Value order_summary_json(const OrderSummary& o, bool reveal_customer, json::Allocator& a) {
    json::Value v(rapidjson::kObjectType);
    v.AddMember("id", o.id, a);
    v.AddMember("uuid", json::str(o.uuid, a), a);
    v.AddMember("status", json::str(o.status, a), a);
    v.AddMember("payment_status", json::str(o.payment_status, a), a);
    v.AddMember("shipping_status", json::str(o.shipping_status, a), a);
    v.AddMember("type", json::str(o.type, a), a);
    v.AddMember("currency", json::str(o.currency, a), a);
    v.AddMember("subtotal", o.subtotal, a);
    v.AddMember("discount_total", o.discount_total, a);
    v.AddMember("shipping_total", o.shipping_total, a);
    v.AddMember("tax_total", o.tax_total, a);
    v.AddMember("total_amount", o.total_amount, a);
    v.AddMember("total_paid", o.total_paid, a);
    v.AddMember("total_refund", o.total_refund, a);
    v.AddMember("invoice_no", json::str(o.invoice_no, a), a);
    if (reveal_customer) {
        v.AddMember("customer_id",
                    o.customer_id ? json::Value(*o.customer_id) : json::Value(rapidjson::kNullType),
                    a);
    }
    v.AddMember(
        "customer_email",
        o.customer_email ? json::str(*o.customer_email, a) : json::Value(rapidjson::kNullType), a);
    if (reveal_customer) v.AddMember("guest", !o.customer_id || !o.customer_has_password, a);
    v.AddMember("created_at", date_or_null(o.created_at, a), a);
    v.AddMember("completed_at", date_or_null(o.completed_at, a), a);
    return v;
}

namespace {

json::Value address_json(const OrderAddressRow* r, json::Allocator& a) {
    if (!r) return json::Value(rapidjson::kNullType);
    json::Value v(rapidjson::kObjectType);
    v.AddMember("id", r->id, a);
    v.AddMember("type", json::str(r->type, a), a);
    v.AddMember("name", json::str(r->name, a), a);
    v.AddMember("company_name", json::str(r->company_name, a), a);
    v.AddMember("email", json::str(r->email, a), a);
    v.AddMember("phone", json::str(r->phone, a), a);
    v.AddMember("address_1", json::str(r->address_1, a), a);
    v.AddMember("address_2", json::str(r->address_2, a), a);
    v.AddMember("city", json::str(r->city, a), a);
    v.AddMember("state", json::str(r->state, a), a);
    v.AddMember("postcode", json::str(r->postcode, a), a);
    v.AddMember("country", json::str(r->country, a), a);
    return v;
}

const OrderAddressRow* first_of_type(const OrderDetail& d, std::string_view type) {
    for (const auto& address : d.addresses) {
        if (address.type == type) return &address;
    }
    return nullptr;
}

}  // namespace

json::Value order_detail_json(const OrderDetail& d, json::Allocator& a) {
    json::Value v = order_summary_json(d.summary, true, a);
    json::Value items(rapidjson::kArrayType);
    for (const auto& i : d.items) {
        json::Value item(rapidjson::kObjectType);
        item.AddMember("id", i.id, a);
        item.AddMember("title", json::str(i.title, a), a);
        item.AddMember("post_title", json::str(i.post_title, a), a);
        item.AddMember(
            "variation_id",
            i.variation_id ? json::Value(*i.variation_id) : json::Value(rapidjson::kNullType), a);
        item.AddMember("quantity", i.quantity, a);
        item.AddMember("unit_price", i.unit_price, a);
        item.AddMember("subtotal", i.subtotal, a);
        item.AddMember("discount_total", i.discount_total, a);
        item.AddMember("tax_amount", i.tax_amount, a);
        item.AddMember("line_total", i.line_total, a);
        item.AddMember("refund_total", i.refund_total, a);
        items.PushBack(item, a);
    }
    v.AddMember("items", items, a);
    v.AddMember("billing_address", address_json(first_of_type(d, "billing"), a), a);
    v.AddMember("shipping_address", address_json(first_of_type(d, "shipping"), a), a);
    json::Value payments(rapidjson::kArrayType);
    for (const auto& p : d.payments) {
        json::Value pay(rapidjson::kObjectType);
        pay.AddMember("id", p.id, a);
        pay.AddMember("transaction_type", json::str(p.transaction_type, a), a);
        pay.AddMember("status", json::str(p.status, a), a);
        pay.AddMember("payment_method", json::str(p.payment_method, a), a);
        pay.AddMember("total", p.total, a);
        pay.AddMember("card_brand", text_or_null(p.card_brand, a), a);
        pay.AddMember("card_last_4", text_or_null(p.card_last_4, a), a);
        pay.AddMember("created_at", date_or_null(p.created_at, a), a);
        payments.PushBack(pay, a);
    }
    v.AddMember("payments", payments, a);
    return v;
}

}  // namespace cartpress::plugins::storefront
