#include "storefront/repositories/order_repository.hpp"

namespace cartpress::plugins::storefront {
namespace {

std::optional<std::string> opt_text(const db::Rows::Row& r, std::size_t i) {
    return r.is_null(i) ? std::nullopt : std::optional<std::string>(r.str(i));
}

core::Result<std::optional<OrderState>, db::DbError> read_state(
    core::Result<db::Rows, db::DbError> rows) {
    if (!rows) return core::fail(rows.error());
    if (rows->empty()) return std::optional<OrderState>();
    const auto r = (*rows)[0];
    OrderState s;
    s.snapshot.id = r.i64(0);
    s.snapshot.customer_id = r.opt_i64(1);
    s.snapshot.type = r.str(2);
    s.snapshot.parent_id = r.opt_i64(3);
    s.status = r.str(4);
    s.owner_has_password = r.i64(5) != 0;
    return std::optional<OrderState>(std::move(s));
}

}  // namespace

StoreOrderQueries::StoreOrderQueries(const std::string& p) {
    const std::string orders = p + "fct_orders";
    const std::string state =
        "SELECT o.id, o.customer_id, o.type, o.parent_id, o.status, "
        "COALESCE(u.ID IS NOT NULL AND u.user_pass <> '', 0) FROM " +
        orders + " o LEFT JOIN " + p + "fct_customers c ON c.id = o.customer_id LEFT JOIN " + p +
        "users u ON u.ID = c.user_id AND c.user_id > 0 WHERE ";
    state_by_id = state + "o.id = ?";
    state_by_uuid = state + "o.uuid = ? ORDER BY o.id LIMIT 1";
    // Only the order row is locked; its customer is locked by the change (customers first).
    lock_state =
        "SELECT o.id, o.customer_id, o.type, o.parent_id, o.status, "
        "COALESCE((SELECT u.ID IS NOT NULL AND u.user_pass <> '' FROM " +
        p + "fct_customers c JOIN " + p +
        "users u ON u.ID = c.user_id AND c.user_id > 0 WHERE c.id = o.customer_id), 0) "
        "FROM " +
        orders + " o WHERE o.id = ? FOR UPDATE";
    set_pending = "UPDATE " + orders +
                  " SET status = 'pending', updated_at = ? WHERE id = ? AND status = 'draft'";
    summary =
        "SELECT o.id, o.uuid, o.status, o.payment_status, o.shipping_status, o.type, "
        "o.currency, o.subtotal, o.manual_discount_total + o.coupon_discount_total, "
        "o.shipping_total, o.tax_total, o.total_amount, o.total_paid, o.total_refund, "
        "o.invoice_no, o.customer_id, c.email, COALESCE(u.ID IS NOT NULL AND "
        "u.user_pass <> '', 0), o.created_at, o.completed_at FROM " +
        orders + " o LEFT JOIN " + p + "fct_customers c ON c.id = o.customer_id LEFT JOIN " + p +
        "users u ON u.ID = c.user_id AND c.user_id > 0 WHERE o.id = ?";
    insert_guest = "INSERT INTO " + p +
                   "fct_customers (user_id, contact_id, email, first_name, last_name, status, "
                   "purchase_value, purchase_count, ltv, first_purchase_date, "
                   "last_purchase_date, aov, notes, uuid, country, city, state, postcode, "
                   "created_at, updated_at) SELECT (SELECT u.ID FROM " +
                   p +
                   "users u WHERE u.user_email = ? ORDER BY u.ID LIMIT 1), 0, ?, '', '', "
                   "'active', NULL, 0, 0, NULL, NULL, 0, '', ?, '', '', '', '', ?, ? FROM DUAL";
    customer_owner = "SELECT user_id, email FROM " + p + "fct_customers WHERE id = ?";
    display_name = "SELECT display_name FROM " + p + "users WHERE ID = ?";
}

core::Result<std::optional<OrderState>, db::DbError> StoreOrderRepository::state(std::int64_t id) {
    return read_state(session_.query(q_.state_by_id, {id}));
}

core::Result<std::optional<OrderState>, db::DbError> StoreOrderRepository::state_by_uuid(
    std::string_view uuid) {
    return read_state(session_.query(q_.state_by_uuid, {uuid}));
}

core::Result<std::optional<OrderState>, db::DbError> StoreOrderRepository::lock(std::int64_t id) {
    return read_state(session_.query(q_.lock_state, {id}));
}

core::Result<void, db::DbError> StoreOrderRepository::set_pending(std::int64_t id,
                                                                  std::string_view now) {
    auto done = session_.execute(q_.set_pending, {now, id});
    if (!done) return core::fail(done.error());
    return {};
}

core::Result<std::optional<OrderSummary>, db::DbError> StoreOrderRepository::summary(
    std::int64_t id) {
    auto rows = session_.query(q_.summary, {id});
    if (!rows) return core::fail(rows.error());
    if (rows->empty()) return std::optional<OrderSummary>();
    const auto r = (*rows)[0];
    OrderSummary o;
    o.id = r.i64(0);
    o.uuid = r.str(1);
    o.status = r.str(2);
    o.payment_status = r.str(3);
    o.shipping_status = r.str(4);
    o.type = r.str(5);
    o.currency = r.str(6);
    o.subtotal = r.i64(7);
    o.discount_total = r.i64(8);
    o.shipping_total = r.i64(9);
    o.tax_total = r.i64(10);
    o.total_amount = r.i64(11);
    o.total_paid = r.i64(12);
    o.total_refund = r.i64(13);
    o.invoice_no = r.str(14);
    if (const auto c = r.opt_i64(15); c && *c > 0) o.customer_id = c;
    if (o.customer_id) o.customer_email = opt_text(r, 16);
    o.customer_has_password = r.i64(17) != 0;
    o.created_at = opt_text(r, 18);
    o.completed_at = opt_text(r, 19);
    return std::optional<OrderSummary>(std::move(o));
}

core::Result<std::int64_t, db::DbError> StoreOrderRepository::insert_guest(
    const NewGuestCustomer& c, std::string_view now) {
    auto done = session_.execute(q_.insert_guest,
                                 {std::string_view(c.email_key), std::string_view(c.email_key),
                                  std::string_view(c.uuid), now, now});
    if (!done) return core::fail(done.error());
    auto id = session_.last_insert_id();
    if (!id) return core::fail(id.error());
    return static_cast<std::int64_t>(*id);
}

core::Result<std::optional<fluent_cart::CartOwner>, db::DbError> StoreOrderRepository::cart_owner(
    std::int64_t customer_id) {
    auto rows = session_.query(q_.customer_owner, {customer_id});
    if (!rows) return core::fail(rows.error());
    if (rows->empty()) return std::optional<fluent_cart::CartOwner>();
    const auto r = (*rows)[0];
    fluent_cart::CartOwner owner;
    if (const auto u = r.opt_i64(0); u && *u > 0) owner.user_id = u;
    owner.email = r.str(1);
    return std::optional<fluent_cart::CartOwner>(std::move(owner));
}

core::Result<std::string, db::DbError> StoreOrderRepository::display_name(std::int64_t user_id) {
    auto rows = session_.query(q_.display_name, {user_id});
    if (!rows) return core::fail(rows.error());
    return rows->empty() ? std::string() : (*rows)[0].str(0);
}

}  // namespace cartpress::plugins::storefront
