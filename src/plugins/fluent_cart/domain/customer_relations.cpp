#include "domain/customer_relations.hpp"

#include <array>
#include <utility>

namespace cartpress::plugins::fluent_cart {
namespace {

constexpr std::array<std::pair<CustomerRelation, std::string_view>, 7> kNames = {{
    {CustomerRelation::kShippingAddress, "shipping_address"},
    {CustomerRelation::kBillingAddress, "billing_address"},
    {CustomerRelation::kPrimaryShippingAddress, "primary_shipping_address"},
    {CustomerRelation::kPrimaryBillingAddress, "primary_billing_address"},
    {CustomerRelation::kLabels, "labels"},
    {CustomerRelation::kSubscriptions, "subscriptions"},
    {CustomerRelation::kOrders, "orders"},
}};

}  // namespace

std::string_view customer_relation_name(CustomerRelation relation) {
    for (const auto& [r, name] : kNames) {
        if (r == relation) return name;
    }
    return "";
}

std::optional<CustomerRelation> customer_relation_named(std::string_view name) {
    for (const auto& [r, n] : kNames) {
        if (n == name) return r;
    }
    return std::nullopt;
}

std::string customer_relation_list() {
    std::string out;
    for (const auto& [r, name] : kNames) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

}  // namespace cartpress::plugins::fluent_cart
