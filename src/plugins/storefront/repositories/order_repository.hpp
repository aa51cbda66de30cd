#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fluent_cart/repositories/customer_change_repository.hpp"

namespace cartpress::plugins::storefront {

// An order as PATCH orders/{order} decides on it (spec §7).
struct OrderState {
    fluent_cart::OrderSnapshot snapshot;  // id, customer, type, parent: what a change moves
    std::string status;
    // The order's customer is an account (linked user with a password): only that account
    // (or staff) may address it.
    bool owner_has_password = false;
};

// The order summary of spec §5.3 as stored.
struct OrderSummary {
    std::int64_t id = 0;
    std::string uuid;
    std::string status;
    std::string payment_status;
    std::string shipping_status;
    std::string type;
    std::string currency;
    std::int64_t subtotal = 0;
    std::int64_t discount_total = 0;  // manual + coupon
    std::int64_t shipping_total = 0;
    std::int64_t tax_total = 0;
    std::int64_t total_amount = 0;
    std::int64_t total_paid = 0;
    std::int64_t total_refund = 0;
    std::string invoice_no;
    std::optional<std::int64_t> customer_id;  // NULL and 0: none
    std::optional<std::string> customer_email;
    bool customer_has_password = false;
    std::optional<std::string> created_at;
    std::optional<std::string> completed_at;
};

struct OrderItemRow {
    std::int64_t id = 0;
    std::string title;
    std::string post_title;
    std::optional<std::int64_t> variation_id;  // object_id
    std::int64_t quantity = 0;
    std::int64_t unit_price = 0;
    std::int64_t subtotal = 0;
    std::int64_t discount_total = 0;
    std::int64_t tax_amount = 0;
    std::int64_t line_total = 0;
    std::int64_t refund_total = 0;
};

// An order address; email, phone and company come from its own meta.other_data.
struct OrderAddressRow {
    std::int64_t id = 0;
    std::string type;
    std::string name;
    std::string company_name;
    std::string email;
    std::string phone;
    std::string address_1;
    std::string address_2;
    std::string city;
    std::string state;
    std::string postcode;
    std::string country;
};

struct PaymentRow {
    std::int64_t id = 0;
    std::string transaction_type;
    std::string status;
    std::string payment_method;
    std::int64_t total = 0;
    std::optional<std::string> card_brand;
    std::optional<std::string> card_last_4;
    std::optional<std::string> created_at;
};

// The detail form of spec §5.3.
struct OrderDetail {
    OrderSummary summary;
    std::vector<OrderItemRow> items;
    std::vector<OrderAddressRow> addresses;  // billing and shipping, by id
    std::vector<PaymentRow> payments;
};

// One page of a customer's order history (spec §8): drafts excluded, newest first.
struct OrderPage {
    std::int64_t total = 0;
    std::vector<OrderSummary> orders;
};

// A customer row of spec §4 for find-or-create.
struct NewGuestCustomer {
    std::string email_key;
    std::string uuid;
};

struct StoreOrderQueries {
    explicit StoreOrderQueries(const std::string& table_prefix);
    std::string state_by_id;
    std::string state_by_uuid;
    std::string lock_state;
    std::string set_pending;
    std::string summary;
    std::string insert_guest;
    std::string display_name;
    std::string orphans;
    std::string history_count;
    std::string history_count_status;
    std::string history_page;
    std::string history_page_status;
    std::string items;
    std::string addresses;
    std::string payments;
};

class StoreOrderRepository {
public:
    StoreOrderRepository(db::Session& session, const StoreOrderQueries& queries)
        : session_(session), q_(queries) {}

    // By id, or by uuid (FluentCart's order hash; the column has no index, so this scans, as
    // FluentCart's own look-up does).
    core::Result<std::optional<OrderState>, db::DbError> state(std::int64_t id);
    core::Result<std::optional<OrderState>, db::DbError> state_by_uuid(std::string_view uuid);
    // The same row locked FOR UPDATE (inside the caller's transaction).
    core::Result<std::optional<OrderState>, db::DbError> lock(std::int64_t id);
    // draft → pending; nothing for any other status.
    core::Result<void, db::DbError> set_pending(std::int64_t id, std::string_view now);
    core::Result<std::optional<OrderSummary>, db::DbError> summary(std::int64_t id);
    // Inserts the customer row of spec §4 (user_id = a {p}users row with that email, if any)
    // and returns its id. The caller holds the email lock and has checked none exists.
    core::Result<std::int64_t, db::DbError> insert_guest(const NewGuestCustomer& c,
                                                         std::string_view now);

    // A customer's orders except drafts, newest first; `status` filters when not empty.
    core::Result<OrderPage, db::DbError> history(std::int64_t customer_id, std::string_view status,
                                                 std::int64_t limit, std::int64_t offset);
    core::Result<std::optional<OrderDetail>, db::DbError> detail(std::int64_t id);

    // Orders without a customer (customer_id NULL or 0) whose billing order address names this
    // email key in meta.other_data.email (spec §9), locked. Scans the order addresses (no index
    // on their meta, and none may be added): a staff action, not a checkout path.
    core::Result<std::vector<fluent_cart::OrderSnapshot>, db::DbError> lock_orphans(
        std::string_view email_key);

    // The acting WordPress user's display_name (the activity row's created_by).
    core::Result<std::string, db::DbError> display_name(std::int64_t user_id);

private:
    db::Session& session_;
    const StoreOrderQueries& q_;
};

}  // namespace cartpress::plugins::storefront
