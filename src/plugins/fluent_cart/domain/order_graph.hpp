#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cartpress::plugins::fluent_cart {

// One row's values in the order of its entity's column list (domain/columns.hpp); NULL kept.
using Record = std::vector<std::optional<std::string>>;

// A column holding an id, as an integer (nothing for NULL or non-numeric text).
inline std::optional<std::int64_t> to_id(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    std::int64_t id = 0;
    auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
    if (ec != std::errc() || p != text->data() + text->size()) return std::nullopt;
    return id;
}

struct OrderItemRecord {
    Record item;
    std::optional<Record> variant;        // the product variation at object_id
    std::optional<std::string> media_id;  // product_thumbnail meta of the variation
    std::optional<std::string> media_object_id;
    std::optional<std::string> media_value;
};

struct ActivityRecord {
    Record activity;
    std::optional<std::int64_t> user_id;  // the acting WordPress user, when it still exists
    std::string user_display_name;
    std::string user_email;
};

struct SubscriptionRecord {
    Record subscription;
    std::vector<std::pair<std::string, std::optional<std::string>>> meta;
};

struct ChildOrder {
    std::int64_t id = 0;
    std::optional<std::string> parent_id;
    std::optional<std::string> created_at;
};

struct CustomerRecord {
    Record customer;
    std::optional<std::string> photo_url;  // usermeta fc_customer_photo_url of its user
};

// Everything GET orders/{id} shows, read in a constant number of statements.
struct OrderGraph {
    Record order;
    std::optional<CustomerRecord> customer;
    std::optional<std::int64_t> parent_order_id;  // the order at parent_id, when it exists
    std::vector<SubscriptionRecord> parent_subscriptions;
    std::vector<SubscriptionRecord> subscriptions;
    std::vector<ActivityRecord> activities;
    std::vector<Record> labels;
    std::vector<ChildOrder> children;
    std::vector<OrderItemRecord> items;
    std::vector<Record> transactions;
    std::vector<Record> addresses;
    std::vector<Record> applied_coupons;
    std::optional<Record> order_operation;
    std::optional<std::string> discount_meta;
    std::optional<std::string> shipping_meta;
    std::optional<std::string> tax_id;
    std::optional<std::string> vat_tax_id;
};

}  // namespace cartpress::plugins::fluent_cart
