#include "columns.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

using T = ColumnType;

constexpr Column kOrder[] = {{"id", T::kInt},
                             {"status", T::kString},
                             {"parent_id", T::kString},
                             {"receipt_number", T::kString},
                             {"invoice_no", T::kString},
                             {"fulfillment_type", T::kString},
                             {"type", T::kString},
                             {"mode", T::kString},
                             {"shipping_status", T::kString},
                             {"customer_id", T::kInt},
                             {"payment_method", T::kString},
                             {"payment_status", T::kString},
                             {"payment_method_title", T::kString},
                             {"currency", T::kString},
                             {"subtotal", T::kInt},
                             {"discount_tax", T::kInt},
                             {"manual_discount_total", T::kInt},
                             {"coupon_discount_total", T::kInt},
                             {"shipping_tax", T::kInt},
                             {"shipping_total", T::kInt},
                             {"fee_total", T::kInt},
                             {"tax_total", T::kInt},
                             {"total_amount", T::kInt},
                             {"total_paid", T::kString},
                             {"total_refund", T::kString},
                             {"rate", T::kString},
                             {"tax_behavior", T::kString},
                             {"note", T::kString},
                             {"ip_address", T::kString},
                             {"completed_at", T::kRaw},
                             {"refunded_at", T::kRaw},
                             {"uuid", T::kString},
                             {"config", T::kJson},
                             {"created_at", T::kIso},
                             {"updated_at", T::kIso}};

constexpr Column kCustomer[] = {{"id", T::kInt},
                                {"user_id", T::kString},
                                {"contact_id", T::kString},
                                {"email", T::kString},
                                {"first_name", T::kString},
                                {"last_name", T::kString},
                                {"status", T::kString},
                                {"purchase_value", T::kJsonOrNull},
                                {"purchase_count", T::kString},
                                {"ltv", T::kString},
                                {"first_purchase_date", T::kRaw},
                                {"last_purchase_date", T::kRaw},
                                {"aov", T::kString},
                                {"notes", T::kString},
                                {"uuid", T::kString},
                                {"country", T::kString},
                                {"city", T::kString},
                                {"state", T::kString},
                                {"postcode", T::kString},
                                {"created_at", T::kIso},
                                {"updated_at", T::kIso}};

constexpr Column kOrderItem[] = {{"id", T::kInt},
                                 {"order_id", T::kString},
                                 {"post_id", T::kString},
                                 {"fulfillment_type", T::kString},
                                 {"payment_type", T::kString},
                                 {"post_title", T::kString},
                                 {"title", T::kString},
                                 {"object_id", T::kString},
                                 {"cart_index", T::kString},
                                 {"quantity", T::kString},
                                 {"unit_price", T::kInt},
                                 {"cost", T::kInt},
                                 {"subtotal", T::kInt},
                                 {"tax_amount", T::kInt},
                                 {"shipping_charge", T::kInt},
                                 {"discount_total", T::kInt},
                                 {"line_total", T::kInt},
                                 {"refund_total", T::kInt},
                                 {"rate", T::kString},
                                 {"other_info", T::kJson},
                                 {"line_meta", T::kJson},
                                 {"fulfilled_quantity", T::kString},
                                 {"referrer", T::kString},
                                 {"created_at", T::kIso},
                                 {"updated_at", T::kIso}};

constexpr Column kVariant[] = {{"id", T::kInt},
                               {"post_id", T::kInt},
                               {"media_id", T::kInt},
                               {"serial_index", T::kInt},
                               {"sold_individually", T::kInt},
                               {"variation_title", T::kString},
                               {"variation_identifier", T::kString},
                               {"sku", T::kString},
                               {"manage_stock", T::kString},
                               {"payment_type", T::kString},
                               {"stock_status", T::kString},
                               {"backorders", T::kInt},
                               {"total_stock", T::kInt},
                               {"on_hold", T::kInt},
                               {"committed", T::kInt},
                               {"available", T::kInt},
                               {"fulfillment_type", T::kString},
                               {"item_status", T::kString},
                               {"manage_cost", T::kString},
                               {"item_price", T::kNumber},
                               {"item_cost", T::kNumber},
                               {"compare_price", T::kNumber},
                               {"shipping_class", T::kString},
                               {"other_info", T::kJson},
                               {"downloadable", T::kString},
                               {"created_at", T::kIso},
                               {"updated_at", T::kIso}};

constexpr Column kTransaction[] = {{"id", T::kInt},
                                   {"order_id", T::kString},
                                   {"order_type", T::kString},
                                   {"transaction_type", T::kString},
                                   {"subscription_id", T::kString},
                                   {"card_last_4", T::kString},
                                   {"card_brand", T::kString},
                                   {"vendor_charge_id", T::kString},
                                   {"payment_method", T::kString},
                                   {"payment_mode", T::kString},
                                   {"payment_method_type", T::kString},
                                   {"status", T::kString},
                                   {"currency", T::kString},
                                   {"total", T::kString},
                                   {"rate", T::kString},
                                   {"uuid", T::kString},
                                   {"meta", T::kJson},
                                   {"created_at", T::kIso},
                                   {"updated_at", T::kIso}};

constexpr Column kOrderAddress[] = {
    {"id", T::kInt},         {"order_id", T::kString},  {"type", T::kString},
    {"name", T::kString},    {"address_1", T::kString}, {"address_2", T::kString},
    {"city", T::kString},    {"state", T::kString},     {"postcode", T::kString},
    {"country", T::kString}, {"meta", T::kJson},        {"created_at", T::kIso},
    {"updated_at", T::kIso}};

constexpr Column kActivity[] = {{"id", T::kInt},
                                {"status", T::kString},
                                {"log_type", T::kString},
                                {"module_type", T::kString},
                                {"module_id", T::kInt},
                                {"module_name", T::kString},
                                {"user_id", T::kString},
                                {"title", T::kString},
                                {"content", T::kString},
                                {"read_status", T::kString},
                                {"created_by", T::kString},
                                {"created_at", T::kIso},
                                {"updated_at", T::kIso}};

constexpr Column kLabelRelationship[] = {{"id", T::kInt},
                                         {"label_id", T::kInt},
                                         {"labelable_id", T::kString},
                                         {"labelable_type", T::kString},
                                         {"created_at", T::kIso},
                                         {"updated_at", T::kIso}};

constexpr Column kAppliedCoupon[] = {{"id", T::kInt},           {"order_id", T::kString},
                                     {"coupon_id", T::kString}, {"code", T::kString},
                                     {"amount", T::kString},    {"created_at", T::kIso},
                                     {"updated_at", T::kIso}};

constexpr Column kOrderOperation[] = {{"id", T::kInt},
                                      {"order_id", T::kString},
                                      {"created_via", T::kString},
                                      {"emails_sent", T::kString},
                                      {"sales_recorded", T::kString},
                                      {"utm_campaign", T::kString},
                                      {"utm_term", T::kString},
                                      {"utm_source", T::kString},
                                      {"utm_medium", T::kString},
                                      {"utm_content", T::kString},
                                      {"utm_id", T::kString},
                                      {"cart_hash", T::kString},
                                      {"refer_url", T::kString},
                                      {"meta", T::kJson},
                                      {"created_at", T::kIso},
                                      {"updated_at", T::kIso}};

constexpr Column kSubscription[] = {{"id", T::kInt},
                                    {"uuid", T::kString},
                                    {"customer_id", T::kString},
                                    {"parent_order_id", T::kString},
                                    {"product_id", T::kString},
                                    {"item_name", T::kString},
                                    {"quantity", T::kString},
                                    {"variation_id", T::kString},
                                    {"billing_interval", T::kString},
                                    {"signup_fee", T::kString},
                                    {"initial_tax_total", T::kString},
                                    {"recurring_amount", T::kString},
                                    {"recurring_tax_total", T::kString},
                                    {"recurring_total", T::kString},
                                    {"bill_times", T::kString},
                                    {"bill_count", T::kString},
                                    {"expire_at", T::kString},
                                    {"trial_ends_at", T::kString},
                                    {"canceled_at", T::kString},
                                    {"restored_at", T::kString},
                                    {"collection_method", T::kString},
                                    {"next_billing_date", T::kString},
                                    {"trial_days", T::kString},
                                    {"vendor_customer_id", T::kString},
                                    {"vendor_plan_id", T::kString},
                                    {"vendor_subscription_id", T::kString},
                                    {"status", T::kString},
                                    {"original_plan", T::kString},
                                    {"vendor_response", T::kString},
                                    {"current_payment_method", T::kString},
                                    {"config", T::kJsonOrRaw},
                                    {"created_at", T::kString},
                                    {"updated_at", T::kString}};

}  // namespace

const ColumnList kOrderColumns{kOrder};
const ColumnList kCustomerColumns{kCustomer};
const ColumnList kOrderItemColumns{kOrderItem};
const ColumnList kVariantColumns{kVariant};
const ColumnList kTransactionColumns{kTransaction};
const ColumnList kOrderAddressColumns{kOrderAddress};
const ColumnList kActivityColumns{kActivity};
const ColumnList kLabelRelationshipColumns{kLabelRelationship};
const ColumnList kAppliedCouponColumns{kAppliedCoupon};
const ColumnList kOrderOperationColumns{kOrderOperation};
const ColumnList kSubscriptionColumns{kSubscription};

std::size_t column_index(ColumnList columns, std::string_view name) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name == name) return i;
    }
    return 0;
}

}  // namespace cartpress::plugins::fluent_cart
