#include "storefront/repositories/subscription_repository.hpp"

namespace cartpress::plugins::storefront {
namespace {

SubscriptionRecord read_row(const db::Rows::Row& r) {
    SubscriptionRecord s;
    s.id = r.i64(0);
    s.email = r.str(1);
    s.email_key = r.str(2);
    s.reference = r.str(3);
    s.customer_id = r.opt_i64(4);
    if (!r.is_null(5)) s.created_at = r.str(5);
    return s;
}

}  // namespace

SubscriptionQueries::SubscriptionQueries(const std::string& p) {
    const std::string table = p + "cartpress_customer_subscriptions";
    const std::string columns =
        "SELECT id, email, email_key, reference, customer_id, created_at FROM " + table;
    insert = "INSERT IGNORE INTO " + table +
             " (email, email_key, reference, customer_id, created_at, updated_at) VALUES (?, ?, "
             "?, ?, ?, ?)";
    find_key = columns + " WHERE email_key = ? AND reference = ?";
    find_id = columns + " WHERE id = ?";
    remove = "DELETE FROM " + table + " WHERE id = ?";
    // `? = ''` keeps one statement text for every filter combination.
    const std::string where = " WHERE (? = '' OR email_key = ?) AND (? = '' OR reference = ?)";
    count = "SELECT COUNT(*) FROM " + table + where;
    page = columns + where + " ORDER BY id LIMIT ? OFFSET ?";
    attach_customer =
        "UPDATE " + table + " SET customer_id = ? WHERE email_key = ? AND customer_id IS NULL";
}

core::Result<SubscriptionRepository::Upsert, db::DbError> SubscriptionRepository::subscribe(
    std::string_view email, std::string_view email_key, std::string_view reference,
    std::optional<std::int64_t> customer_id, std::string_view now) {
    const db::Param customer = customer_id ? db::Param(*customer_id) : db::Param(nullptr);
    auto inserted = session_.execute(q_.insert, {email, email_key, reference, customer, now, now});
    if (!inserted) return core::fail(inserted.error());
    auto rows = session_.query(q_.find_key, {email_key, reference});
    if (!rows) return core::fail(rows.error());
    if (rows->empty()) {
        return core::fail(db::DbError{db::DbError::Kind::kInternal, 0, "subscription vanished"});
    }
    return Upsert{read_row((*rows)[0]), inserted->affected_rows > 0};
}

core::Result<std::optional<SubscriptionRecord>, db::DbError> SubscriptionRepository::find(
    std::int64_t id) {
    auto rows = session_.query(q_.find_id, {id});
    if (!rows) return core::fail(rows.error());
    if (rows->empty()) return std::optional<SubscriptionRecord>();
    return std::optional<SubscriptionRecord>(read_row((*rows)[0]));
}

core::Result<void, db::DbError> SubscriptionRepository::remove(std::int64_t id) {
    auto done = session_.execute(q_.remove, {id});
    if (!done) return core::fail(done.error());
    return {};
}

core::Result<SubscriptionPage, db::DbError> SubscriptionRepository::page(std::string_view email_key,
                                                                         std::string_view reference,
                                                                         std::int64_t limit,
                                                                         std::int64_t offset) {
    auto count = session_.query(q_.count, {email_key, email_key, reference, reference});
    if (!count) return core::fail(count.error());
    SubscriptionPage out;
    out.total = count->empty() ? 0 : (*count)[0].i64(0);
    auto rows =
        session_.query(q_.page, {email_key, email_key, reference, reference, limit, offset});
    if (!rows) return core::fail(rows.error());
    for (std::size_t i = 0; i < rows->size(); ++i)
        out.subscriptions.push_back(read_row((*rows)[i]));
    return out;
}

core::Result<void, db::DbError> attach_subscriptions(db::Session& session,
                                                     const SubscriptionQueries& queries,
                                                     std::string_view email_key,
                                                     std::int64_t customer_id) {
    auto done = session.execute(queries.attach_customer, {customer_id, email_key});
    if (!done) return core::fail(done.error());
    return {};
}

}  // namespace cartpress::plugins::storefront
