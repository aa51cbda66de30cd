#include "serialization/order_list_serializer.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

#include "domain/columns.hpp"
#include "serialization/order_relations.hpp"
#include "serialization/paginator.hpp"
#include "serialization/record_writer.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

using Alloc = json::Allocator;
using R = OrderRelation;

// The top-level key a relation fills: the customer's addresses live inside `customer`.
R top_level(R r) {
    return r == R::kCustomerPrimaryBillingAddress || r == R::kCustomerPrimaryShippingAddress
               ? R::kCustomer
               : r;
}

template <class T>
void push_unique(std::vector<T>& list, T value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

const CustomerRecord* find_customer(const OrderListPage& page, const Record& order) {
    const auto id = to_id(field(kOrderColumns, order, "customer_id"));
    if (!id) return nullptr;
    const auto it = page.customers.find(*id);
    return it == page.customers.end() ? nullptr : &it->second;
}

class ItemWriter {
public:
    ItemWriter(const OrderListPage& page, const OrderListQuery& query, const SerializeContext& ctx,
               Alloc& a)
        : page_(page), ctx_(ctx), a_(a) {
        for (const R r : query.relations) {
            push_unique(keys_, top_level(r));
            if (r != top_level(r)) push_unique(customer_keys_, r);
        }
    }

    json::Value item(const Record& order) const {
        json::Value o = order_columns_json(order, a_);
        const std::int64_t id = to_id(field(kOrderColumns, order, "id")).value_or(0);
        for (const R key : keys_) {
            o.AddMember(rapidjson::StringRef(relation_name(key).data(), relation_name(key).size()),
                        relation(key, id, order), a_);
        }
        return o;
    }

private:
    template <class T, class F>
    json::Value list(const std::map<std::int64_t, std::vector<T>>& by_order, std::int64_t id,
                     F&& to_json) const {
        json::Value out(rapidjson::kArrayType);
        if (const auto it = by_order.find(id); it != by_order.end()) {
            for (const auto& row : it->second) out.PushBack(to_json(row), a_);
        }
        return out;
    }

    json::Value customer(const Record& order) const {
        const CustomerRecord* c = find_customer(page_, order);
        if (!c) return json::Value();
        json::Value o = customer_json(*c, ctx_, a_);
        const auto cid = to_id(c->customer[0]).value_or(0);
        for (const R key : customer_keys_) {
            const auto& addresses = key == R::kCustomerPrimaryBillingAddress
                                        ? page_.primary_billing_addresses
                                        : page_.primary_shipping_addresses;
            const auto it = addresses.find(cid);
            const std::string_view name = relation_name(key).substr(sizeof("customer.") - 1);
            o.AddMember(
                rapidjson::StringRef(name.data(), name.size()),
                it == addresses.end() ? json::Value() : customer_address_json(it->second, ctx_, a_),
                a_);
        }
        return o;
    }

    // The order addresses of one order, and the first of each type.
    json::Value addresses(const Record& order, std::int64_t id, const char* only_type) const {
        const CustomerRecord* c = find_customer(page_, order);
        json::Value embedded = order_columns_json(order, a_);
        embedded.AddMember("customer", c ? customer_json(*c, ctx_, a_) : json::Value(), a_);
        json::Value out(rapidjson::kArrayType);
        if (const auto it = page_.addresses.find(id); it != page_.addresses.end()) {
            for (const auto& row : it->second) {
                const std::string type = field(kOrderAddressColumns, row, "type").value_or("");
                if (only_type && type != only_type) continue;
                json::Value address = order_address_json(row, embedded, c, ctx_, a_);
                if (only_type) return address;
                out.PushBack(address, a_);
            }
        }
        if (only_type) return json::Value();
        return out;
    }

    json::Value relation(R key, std::int64_t id, const Record& order) const {
        switch (key) {
            case R::kCustomer:
            case R::kCustomerPrimaryBillingAddress:
            case R::kCustomerPrimaryShippingAddress:
                return customer(order);
            case R::kOrderItems:
                return list(page_.items, id,
                            [&](const Record& r) { return order_item_json(r, ctx_, a_); });
            case R::kTransactions:
                return list(page_.transactions, id,
                            [&](const Record& r) { return transaction_json(r, a_); });
            case R::kOrderAddresses:
                return addresses(order, id, nullptr);
            case R::kBillingAddress:
                return addresses(order, id, "billing");
            case R::kShippingAddress:
                return addresses(order, id, "shipping");
            case R::kLabels:
                return list(page_.labels, id,
                            [&](const Record& r) { return label_relationship_json(r, a_); });
            case R::kSubscriptions: {
                const std::string currency = field(kOrderColumns, order, "currency").value_or("");
                return list(page_.subscriptions, id, [&](const SubscriptionRecord& s) {
                    return subscription_json(s, currency, a_);
                });
            }
        }
        return json::Value();
    }

    const OrderListPage& page_;
    const SerializeContext& ctx_;
    Alloc& a_;
    std::vector<R> keys_;           // top-level relation keys in first-named order
    std::vector<R> customer_keys_;  // the customer's address relations, likewise
};

}  // namespace

json::Document serialize_order_list(const OrderListPage& page, const OrderListQuery& query,
                                    std::string_view path, const SerializeContext& ctx) {
    json::Document d;
    auto& a = d.GetAllocator();
    d.SetObject();
    const ItemWriter writer(page, query, ctx, a);
    json::Value data(rapidjson::kArrayType);
    for (const auto& order : page.orders) data.PushBack(writer.item(order), a);
    d.AddMember("orders", paginator_json(std::move(data), page.total, query.page, path, a), a);
    return d;
}

}  // namespace cartpress::plugins::fluent_cart
