#pragma once

#include <cartpress/json/rapidjson.hpp>

#include "storefront/repositories/order_repository.hpp"

namespace cartpress::plugins::storefront {

// The order summary of spec §5.3, keys in this order: id, uuid, status, payment_status,
// shipping_status, type, currency, subtotal, discount_total, shipping_total, tax_total,
// total_amount, total_paid, total_refund, invoice_no, customer_id, customer_email, guest,
// created_at, completed_at. Money in cents as stored; dates ISO 8601 UTC or null.
// `reveal_customer` false (anonymous callers, §7) leaves out customer_id and guest, so the
// answer never tells whether an email already had a customer.
json::Value order_summary_json(const OrderSummary& o, bool reveal_customer, json::Allocator& a);

// The detail form: the summary (customer revealed), then items, billing_address,
// shipping_address (the first of each type, or null) and payments (spec §5.3). Never: note,
// ip_address, config, activities, labels, vendor ids.
json::Value order_detail_json(const OrderDetail& d, json::Allocator& a);

}  // namespace cartpress::plugins::storefront
