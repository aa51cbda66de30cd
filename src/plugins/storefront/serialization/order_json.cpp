#include "storefront/serialization/order_json.hpp"

#include <cartpress/core/utc_time.hpp>

namespace cartpress::plugins::storefront {
namespace {

json::Value date_or_null(const std::optional<std::string>& stored, json::Allocator& a) {
    const auto iso = core::iso8601_utc(stored ? std::optional<std::string_view>(*stored)
                                              : std::optional<std::string_view>());
    return iso ? json::str(*iso, a) : json::Value(rapidjson::kNullType);
}

}  // namespace

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

}  // namespace cartpress::plugins::storefront
