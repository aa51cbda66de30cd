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
    const std::string summary_from =
        "SELECT o.id, o.uuid, o.status, o.payment_status, o.shipping_status, o.type, o.currency, "
        "o.subtotal, o.manual_discount_total + o.coupon_discount_total, o.shipping_total, "
        "o.tax_total, o.total_amount, o.total_paid, o.total_refund, o.invoice_no, o.customer_id, "
        "c.email, COALESCE(u.ID IS NOT NULL AND u.user_pass <> '', 0), o.created_at, "
        "o.completed_at FROM " +
        orders + " o LEFT JOIN " + p + "fct_customers c ON c.id = o.customer_id LEFT JOIN " + p +
        "users u ON u.ID = c.user_id AND c.user_id > 0 WHERE ";
    summary = summary_from + "o.id = ?";
    const std::string history_where = "o.customer_id = ? AND o.status <> 'draft'";
    history_count = "SELECT COUNT(*) FROM " + orders + " o WHERE " + history_where;
    history_count_status = history_count + " AND o.status = ?";
    const std::string newest_first = " ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?";
    history_page = summary_from + history_where + newest_first;
    history_page_status = summary_from + history_where + " AND o.status = ?" + newest_first;
    items =
        "SELECT id, title, post_title, object_id, quantity, unit_price, subtotal, "
        "discount_total, tax_amount, line_total, refund_total FROM " +
        p + "fct_order_items WHERE order_id = ? ORDER BY id";
    const auto other = [](const char* key) {
        return std::string("COALESCE(JSON_UNQUOTE(JSON_EXTRACT(meta, '$.other_data.") + key +
               "')), '')";
    };
    addresses = "SELECT id, type, name, " + other("company_name") + ", " + other("email") + ", " +
                other("phone") + ", address_1, address_2, city, state, postcode, country FROM " +
                p + "fct_order_addresses WHERE order_id = ? ORDER BY id";
    payments =
        "SELECT id, transaction_type, status, payment_method, total, card_brand, "
        "card_last_4, created_at FROM " +
        p + "fct_order_transactions WHERE order_id = ? ORDER BY id";
    insert_guest = "INSERT INTO " + p +
                   "fct_customers (user_id, contact_id, email, first_name, last_name, status, "
                   "purchase_value, purchase_count, ltv, first_purchase_date, "
                   "last_purchase_date, aov, notes, uuid, country, city, state, postcode, "
                   "created_at, updated_at) SELECT (SELECT u.ID FROM " +
                   p +
                   "users u WHERE u.user_email = ? ORDER BY u.ID LIMIT 1), 0, ?, '', '', "
                   "'active', NULL, 0, 0, NULL, NULL, 0, '', ?, '', '', '', '', ?, ? FROM DUAL";
    display_name = "SELECT display_name FROM " + p + "users WHERE ID = ?";
    orphans = "SELECT o.id, o.customer_id, o.type, o.parent_id FROM " + orders +
              " o WHERE (o.customer_id IS NULL OR o.customer_id = 0) AND EXISTS (SELECT 1 FROM " +
              p +
              "fct_order_addresses a WHERE a.order_id = o.id AND a.type = 'billing' AND "
              "LOWER(TRIM(JSON_UNQUOTE(JSON_EXTRACT(a.meta, '$.other_data.email')))) = ?) "
              "ORDER BY o.id FOR UPDATE";
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

namespace {

OrderSummary read_summary(const db::Rows::Row& r) {
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
    return o;
}

}  // namespace

core::Result<std::optional<OrderSummary>, db::DbError> StoreOrderRepository::summary(
    std::int64_t id) {
    auto rows = session_.query(q_.summary, {id});
    if (!rows) return core::fail(rows.error());
    if (rows->empty()) return std::optional<OrderSummary>();
    return std::optional<OrderSummary>(read_summary((*rows)[0]));
}

core::Result<OrderPage, db::DbError> StoreOrderRepository::history(std::int64_t customer_id,
                                                                   std::string_view status,
                                                                   std::int64_t limit,
                                                                   std::int64_t offset) {
    const bool filtered = !status.empty();
    auto count = filtered ? session_.query(q_.history_count_status, {customer_id, status})
                          : session_.query(q_.history_count, {customer_id});
    if (!count) return core::fail(count.error());
    OrderPage page;
    page.total = count->empty() ? 0 : (*count)[0].i64(0);
    auto rows = filtered
                    ? session_.query(q_.history_page_status, {customer_id, status, limit, offset})
                    : session_.query(q_.history_page, {customer_id, limit, offset});
    if (!rows) return core::fail(rows.error());
    for (std::size_t i = 0; i < rows->size(); ++i) page.orders.push_back(read_summary((*rows)[i]));
    return page;
}

core::Result<std::optional<OrderDetail>, db::DbError> StoreOrderRepository::detail(
    std::int64_t id) {
    auto head = summary(id);
    if (!head) return core::fail(head.error());
    if (!*head) return std::optional<OrderDetail>();
    OrderDetail d;
    d.summary = std::move(**head);
    auto items = session_.query(q_.items, {id});
    if (!items) return core::fail(items.error());
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto r = (*items)[i];
        d.items.push_back({r.i64(0), r.str(1), r.str(2), r.opt_i64(3), r.i64(4), r.i64(5), r.i64(6),
                           r.i64(7), r.i64(8), r.i64(9), r.i64(10)});
    }
    auto addresses = session_.query(q_.addresses, {id});
    if (!addresses) return core::fail(addresses.error());
    for (std::size_t i = 0; i < addresses->size(); ++i) {
        const auto r = (*addresses)[i];
        d.addresses.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6),
                               r.str(7), r.str(8), r.str(9), r.str(10), r.str(11)});
    }
    auto payments = session_.query(q_.payments, {id});
    if (!payments) return core::fail(payments.error());
    for (std::size_t i = 0; i < payments->size(); ++i) {
        const auto r = (*payments)[i];
        d.payments.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.i64(4), opt_text(r, 5),
                              opt_text(r, 6), opt_text(r, 7)});
    }
    return std::optional<OrderDetail>(std::move(d));
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

core::Result<std::vector<fluent_cart::OrderSnapshot>, db::DbError>
StoreOrderRepository::lock_orphans(std::string_view email_key) {
    auto rows = session_.query(q_.orphans, {email_key});
    if (!rows) return core::fail(rows.error());
    std::vector<fluent_cart::OrderSnapshot> out;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const auto r = (*rows)[i];
        fluent_cart::OrderSnapshot o;
        o.id = r.i64(0);
        o.customer_id = r.opt_i64(1);
        o.type = r.str(2);
        o.parent_id = r.opt_i64(3);
        out.push_back(std::move(o));
    }
    return out;
}

core::Result<std::string, db::DbError> StoreOrderRepository::display_name(std::int64_t user_id) {
    auto rows = session_.query(q_.display_name, {user_id});
    if (!rows) return core::fail(rows.error());
    return rows->empty() ? std::string() : (*rows)[0].str(0);
}

}  // namespace cartpress::plugins::storefront
