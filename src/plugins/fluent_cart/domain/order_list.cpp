#include "domain/order_list.hpp"

#include <array>
#include <utility>

namespace cartpress::plugins::fluent_cart {
namespace {

constexpr std::array<std::pair<OrderRelation, std::string_view>, 10> kRelations = {{
    {OrderRelation::kCustomer, "customer"},
    {OrderRelation::kCustomerPrimaryBillingAddress, "customer.primary_billing_address"},
    {OrderRelation::kCustomerPrimaryShippingAddress, "customer.primary_shipping_address"},
    {OrderRelation::kOrderItems, "order_items"},
    {OrderRelation::kTransactions, "transactions"},
    {OrderRelation::kOrderAddresses, "order_addresses"},
    {OrderRelation::kBillingAddress, "billing_address"},
    {OrderRelation::kShippingAddress, "shipping_address"},
    {OrderRelation::kLabels, "labels"},
    {OrderRelation::kSubscriptions, "subscriptions"},
}};

constexpr Column kCustomerAddress[] = {{"id", ColumnType::kInt},
                                       {"customer_id", ColumnType::kString},
                                       {"is_primary", ColumnType::kString},
                                       {"type", ColumnType::kString},
                                       {"status", ColumnType::kString},
                                       {"label", ColumnType::kString},
                                       {"name", ColumnType::kString},
                                       {"address_1", ColumnType::kString},
                                       {"address_2", ColumnType::kString},
                                       {"city", ColumnType::kString},
                                       {"state", ColumnType::kString},
                                       {"phone", ColumnType::kString},
                                       {"email", ColumnType::kString},
                                       {"postcode", ColumnType::kString},
                                       {"country", ColumnType::kString},
                                       {"meta", ColumnType::kJson},
                                       {"created_at", ColumnType::kIso},
                                       {"updated_at", ColumnType::kIso}};

}  // namespace

const ColumnList kListCustomerAddressColumns{kCustomerAddress};

std::string_view relation_name(OrderRelation relation) {
    for (const auto& [r, name] : kRelations) {
        if (r == relation) return name;
    }
    return {};
}

std::optional<OrderRelation> relation_named(std::string_view name) {
    for (const auto& [r, n] : kRelations) {
        if (n == name) return r;
    }
    return std::nullopt;
}

}  // namespace cartpress::plugins::fluent_cart
