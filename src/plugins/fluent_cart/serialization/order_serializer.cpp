#include "serialization/order_serializer.hpp"

#include "domain/columns.hpp"
#include "serialization/dates.hpp"
#include "serialization/gravatar.hpp"
#include "serialization/names.hpp"
#include "serialization/order_relations.hpp"
#include "serialization/record_writer.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

using Alloc = json::Allocator;

json::Value str(std::string_view s, Alloc& a) { return json::str(s, a); }

// A column copied as it is: FluentCart's accessors pass NULL through as null.
json::Value raw(const std::optional<std::string>& v, Alloc& a) {
    return v ? json::str(*v, a) : json::Value();
}

json::Value subscriptions_json(const std::vector<SubscriptionRecord>& subs,
                               const std::string& currency, Alloc& a) {
    json::Value list(rapidjson::kArrayType);
    for (const auto& sub : subs) list.PushBack(subscription_json(sub, currency, a), a);
    return list;
}

}  // namespace

json::Value order_columns_json(const Record& order, Alloc& a) {
    json::Value o(rapidjson::kObjectType);
    write_record(o, kOrderColumns, order, a);
    return o;
}

void add_customer_computed_keys(json::Value& o, const CustomerFacts& c, const SerializeContext& ctx,
                                Alloc& a) {
    const std::string full = full_name(c.first_name, c.last_name);
    o.AddMember("full_name", str(full, a), a);
    const std::string photo =
        c.photo_url && !c.photo_url->empty()
            ? *c.photo_url
            : gravatar_url(c.email, ctx.options.avatar_default, ctx.options.avatar_rating);
    o.AddMember("photo", str(photo, a), a);
    const std::string country_name = ctx.countries.country_name(c.country);
    o.AddMember("country_name", str(country_name, a), a);
    json::Value f(rapidjson::kObjectType);
    f.AddMember("country", str(country_name, a), a);
    // FluentCart prints null for a NULL state, the state's name (or its code) otherwise.
    f.AddMember("state",
                c.state ? str(ctx.countries.state_name(c.country, *c.state), a) : json::Value(), a);
    f.AddMember("city", raw(c.city, a), a);
    f.AddMember("postcode", raw(c.postcode, a), a);
    f.AddMember("first_name", str(c.first_name, a), a);
    f.AddMember("last_name", str(c.last_name, a), a);
    f.AddMember("full_name", str(full, a), a);
    o.AddMember("formatted_address", f, a);
    const bool linked = !c.user_id.empty() && c.user_id != "0";
    o.AddMember(
        "user_link",
        str(linked ? ctx.options.siteurl + "/wp-admin/user-edit.php?user_id=" + c.user_id : "", a),
        a);
}

json::Value customer_json(const CustomerRecord& customer, const SerializeContext& ctx, Alloc& a,
                          const std::vector<std::int64_t>* selected_labels) {
    const Record& c = customer.customer;
    json::Value o(rapidjson::kObjectType);
    write_record(o, kCustomerColumns, c, a);
    if (selected_labels) {
        json::Value ids(rapidjson::kArrayType);
        for (const std::int64_t id : *selected_labels) ids.PushBack(id, a);
        o.AddMember("selected_labels", ids, a);
    }
    add_customer_computed_keys(
        o,
        CustomerFacts{text(field(kCustomerColumns, c, "first_name")),
                      text(field(kCustomerColumns, c, "last_name")),
                      text(field(kCustomerColumns, c, "email")), customer.photo_url,
                      text(field(kCustomerColumns, c, "country")),
                      field(kCustomerColumns, c, "state"), field(kCustomerColumns, c, "city"),
                      field(kCustomerColumns, c, "postcode"),
                      text(field(kCustomerColumns, c, "user_id"))},
        ctx, a);
    return o;
}

json::Document serialize_order_detail(const OrderGraph& g, const SerializeContext& ctx) {
    json::Document d;
    auto& a = d.GetAllocator();
    d.SetObject();
    json::Value order = order_columns_json(g.order, a);
    const std::string uuid = text(field(kOrderColumns, g.order, "uuid"));
    const std::string currency = text(field(kOrderColumns, g.order, "currency"));
    json::Document config_doc;
    const json::Value config =
        json_column(field(kOrderColumns, g.order, "config"), config_doc.GetAllocator());

    // parent_order
    if (g.parent_order_id) {
        json::Value parent(rapidjson::kObjectType);
        parent.AddMember("id", *g.parent_order_id, a);
        parent.AddMember("subscriptions", subscriptions_json(g.parent_subscriptions, currency, a),
                         a);
        order.AddMember("parent_order", parent, a);
    } else {
        order.AddMember("parent_order", json::Value(), a);
    }
    // subscriptions: the order's own, else its parent's unless it was an upgrade.
    if (!g.subscriptions.empty()) {
        order.AddMember("subscriptions", subscriptions_json(g.subscriptions, currency, a), a);
    } else if (!truthy(member(config, "upgraded_from"))) {
        order.AddMember("subscriptions", subscriptions_json(g.parent_subscriptions, currency, a),
                        a);
    } else {
        order.AddMember("subscriptions", json::Value(rapidjson::kArrayType), a);
    }
    json::Value activities(rapidjson::kArrayType);
    for (const auto& act : g.activities) {
        json::Value o(rapidjson::kObjectType);
        write_record(o, kActivityColumns, act.activity, a);
        if (act.user_id) {
            json::Value user(rapidjson::kObjectType);
            user.AddMember("ID", *act.user_id, a);
            user.AddMember("display_name", str(act.user_display_name, a), a);
            user.AddMember("user_email", str(act.user_email, a), a);
            o.AddMember("user", user, a);
        } else {
            o.AddMember("user", json::Value(), a);
        }
        activities.PushBack(o, a);
    }
    order.AddMember("activities", activities, a);
    json::Value labels(rapidjson::kArrayType);
    json::Value selected_labels(rapidjson::kArrayType);
    for (const auto& l : g.labels) {
        labels.PushBack(label_relationship_json(l, a), a);
        selected_labels.PushBack(to_int(field(kLabelRelationshipColumns, l, "label_id")), a);
    }
    order.AddMember("labels", labels, a);

    json::Value customer;
    if (g.customer) customer = customer_json(*g.customer, ctx, a);
    order.AddMember("customer", json::copy(customer, a), a);

    json::Value children(rapidjson::kArrayType);
    for (const auto& c : g.children) {
        json::Value o(rapidjson::kObjectType);
        o.AddMember("id", c.id, a);
        o.AddMember("parent_id", c.parent_id ? str(*c.parent_id, a) : json::Value(), a);
        auto iso = iso_datetime(c.created_at ? std::optional<std::string_view>(*c.created_at)
                                             : std::nullopt);
        o.AddMember("created_at", iso ? str(*iso, a) : json::Value(), a);
        children.PushBack(o, a);
    }
    order.AddMember("children", children, a);

    json::Value items(rapidjson::kArrayType);
    for (const auto& item : g.items) {
        json::Value o = order_item_json(item.item, ctx, a);
        if (item.variant) {
            json::Value v(rapidjson::kObjectType);
            write_record(v, kVariantColumns, *item.variant, a);
            json::Value media;
            json::Value thumbnail;
            if (item.media_id) {
                media.SetObject();
                media.AddMember("id", to_int(item.media_id), a);
                media.AddMember(
                    "object_id",
                    item.media_object_id ? str(*item.media_object_id, a) : json::Value(), a);
                json::Document mv;
                json::Value meta_value = json_or_text(item.media_value, a);
                // The thumbnail is the first image's URL when the meta holds a list of images.
                if (meta_value.IsArray() && !meta_value.Empty() && meta_value[0].IsObject()) {
                    if (const auto* url = member(meta_value[0], "url"); url && url->IsString()) {
                        thumbnail = json::Value(*url, a);
                    }
                }
                media.AddMember("meta_value", meta_value, a);
            }
            v.AddMember("thumbnail", thumbnail, a);
            const auto price = field(kVariantColumns, *item.variant, "item_price");
            double cents = 0;
            try {
                cents = price ? std::stod(*price) : 0;
            } catch (const std::exception&) {
            }
            v.AddMember("formatted_total", str(format_money(cents, ctx.currency), a), a);
            v.AddMember("media", media, a);
            o.AddMember("variants", v, a);
        } else {
            o.AddMember("variants", json::Value(), a);
        }
        items.PushBack(o, a);
    }
    order.AddMember("order_items", items, a);

    json::Value transactions(rapidjson::kArrayType);
    for (const auto& t : g.transactions) {
        transactions.PushBack(transaction_json(t, a), a);
    }
    order.AddMember("transactions", transactions, a);

    // Each address embeds the order (its 35 columns) with the customer.
    json::Value order_with_customer = order_columns_json(g.order, a);
    order_with_customer.AddMember("customer", json::copy(customer, a), a);
    json::Value addresses(rapidjson::kArrayType);
    json::Value billing;
    json::Value shipping;
    for (const auto& r : g.addresses) {
        json::Value o =
            order_address_json(r, order_with_customer, g.customer ? &*g.customer : nullptr, ctx, a);
        const std::string type = text(field(kOrderAddressColumns, r, "type"));
        if (type == "billing" && billing.IsNull()) billing = json::copy(o, a);
        if (type == "shipping" && shipping.IsNull()) shipping = json::copy(o, a);
        addresses.PushBack(o, a);
    }
    order.AddMember("order_addresses", addresses, a);
    order.AddMember("billing_address", billing, a);
    order.AddMember("shipping_address", shipping, a);

    json::Value coupons(rapidjson::kArrayType);
    for (const auto& c : g.applied_coupons) {
        json::Value o(rapidjson::kObjectType);
        write_record(o, kAppliedCouponColumns, c, a);
        coupons.PushBack(o, a);
    }
    order.AddMember("applied_coupons", coupons, a);
    order.AddMember("custom_checkout_url",
                    str(ctx.options.home + "/?fluent-cart=custom_checkout&order_hash=" + uuid, a),
                    a);
    order.AddMember("has_missing_licenses", false, a);
    if (g.order_operation) {
        json::Value op(rapidjson::kObjectType);
        write_record(op, kOrderOperationColumns, *g.order_operation, a);
        order.AddMember("order_operation", op, a);
    } else {
        order.AddMember("order_operation", json::Value(), a);
    }
    // The receipt page's permalink plus the order hash; FluentCart's relative fallback without
    // a published receipt page (spec §5.2).
    const std::string& receipt = ctx.options.fluent_cart_receipt_page_url;
    const std::string receipt_url =
        receipt.empty()
            ? "/?order_hash=" + uuid
            : receipt + (receipt.find('?') == std::string::npos ? "?" : "&") + "order_hash=" + uuid;
    order.AddMember("receipt_url", str(receipt_url, a), a);
    d.AddMember("order", order, a);

    const auto meta_value = [&](const std::optional<std::string>& v) {
        return v ? json_or_text(v, a) : str("", a);
    };
    d.AddMember("discount_meta", meta_value(g.discount_meta), a);
    d.AddMember("shipping_meta", meta_value(g.shipping_meta), a);
    d.AddMember("order_settings", json::Value(rapidjson::kArrayType), a);
    d.AddMember("selected_labels", selected_labels, a);
    const auto& tax = g.vat_tax_id ? g.vat_tax_id : g.tax_id;
    d.AddMember("tax_id", tax ? json_or_text(tax, a) : str("", a), a);
    const std::string payment_status = text(field(kOrderColumns, g.order, "payment_status"));
    const bool unpaid = payment_status == "pending" || payment_status == "partially_paid" ||
                        payment_status == "failed";
    const std::int64_t due = to_int(field(kOrderColumns, g.order, "total_amount")) -
                             to_int(field(kOrderColumns, g.order, "total_paid"));
    d.AddMember("can_send_payment_reminder", unpaid && due > 0, a);
    return d;
}

}  // namespace cartpress::plugins::fluent_cart
