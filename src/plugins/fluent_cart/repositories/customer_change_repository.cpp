#include "repositories/customer_change_repository.hpp"

#include <cartpress/core/log.hpp>
#include <cartpress/db/transaction.hpp>
#include <cstdio>
#include <ctime>
#include <vector>

#include "serialization/names.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

// Stored with single backslashes; bound as a parameter so no sql_mode changes its escaping.
constexpr std::string_view kOrderModel = "FluentCart\\App\\Models\\Order";

db::Param optional_param(const std::optional<std::int64_t>& v) {
    if (v) return *v;
    return nullptr;
}

db::DbError internal(std::string message) {
    return db::DbError{db::DbError::Kind::kInternal, 0, std::move(message)};
}

// A customer's statistics as §9.4 computes them, in the text form the row stores them.
struct CustomerStatistics {
    std::int64_t id = 0;
    std::int64_t count = 0;
    std::int64_t ltv = 0;
    std::string aov;  // DECIMAL(18,2) text, e.g. "5748.00"
    std::optional<std::string> first;
    std::optional<std::string> last;

    // From the qualifying orders' count, Σ max(0, paid − refund) and first/last created_at.
    // Without a qualifying order a date stays NULL if it is NULL, else becomes the zero date.
    static CustomerStatistics recount(std::int64_t id, std::int64_t count, std::int64_t ltv,
                                      std::optional<std::string_view> first_created,
                                      std::optional<std::string_view> last_created,
                                      bool first_was_set, bool last_was_set) {
        CustomerStatistics s;
        s.id = id;
        s.count = count;
        s.ltv = ltv;
        // ltv / count rounded half up to the cent in integers (no binary fraction, no double
        // rounding): whole part, then the remainder's cents.
        const std::int64_t cents =
            count <= 0 ? 0 : (ltv / count) * 100 + ((ltv % count) * 200 + count) / (2 * count);
        char aov[32];
        std::snprintf(aov, sizeof aov, "%lld.%02lld", static_cast<long long>(cents / 100),
                      static_cast<long long>(cents % 100));
        s.aov = aov;
        const auto date = [count](std::optional<std::string_view> created, bool was_set) {
            if (count == 0) {
                return was_set ? std::optional<std::string>("0000-00-00 00:00:00") : std::nullopt;
            }
            return created ? std::optional<std::string>(*created) : std::nullopt;
        };
        s.first = date(first_created, first_was_set);
        s.last = date(last_created, last_was_set);
        return s;
    }

    // Whether a recount_read row already stores these values (its columns 1–5).
    bool same_as(const db::Rows::Row& row) const {
        const auto text = [&row](std::size_t column) {
            const auto v = row.get(column);
            return v ? std::optional<std::string>(*v) : std::nullopt;
        };
        return row.i64(1) == count && row.i64(2) == ltv && text(3) == aov && text(4) == first &&
               text(5) == last;
    }
};

std::optional<OrderSnapshot> read_snapshot(const db::Rows::Row& row) {
    if (row.is_null(0)) return std::nullopt;
    OrderSnapshot s;
    s.id = row.i64(0);
    s.customer_id = row.opt_i64(1);
    s.type = row.str(2);
    s.parent_id = row.opt_i64(3);
    return s;
}

// §9.4 for both customers: one read of their qualifying orders (a single pass, however many
// orders a customer has), then one write of the customers whose statistics changed, or no
// write at all. The read is a consistent read under READ COMMITTED: it locks no order (a
// locking read would wait for orders other changes hold, and could deadlock), and it sees
// every change of these customers' orders, since making one needs the customer locks this
// transaction holds.
core::Result<void, db::DbError> recount(db::Session& session, const CustomerChangeQueries& q,
                                        std::int64_t first_id, std::int64_t second_id,
                                        const db::Param& at) {
    auto rows = session.query(q.recount_read, {first_id, second_id});
    if (!rows) return core::fail(rows.error());
    std::vector<CustomerStatistics> changed;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const auto row = (*rows)[i];
        auto recounted = CustomerStatistics::recount(row.i64(0), row.i64(6), row.i64(7), row.get(8),
                                                     row.get(9), !row.is_null(4), !row.is_null(5));
        if (!recounted.same_as(row)) changed.push_back(std::move(recounted));
    }
    if (changed.empty()) return {};
    const CustomerStatistics& a = changed.front();
    const CustomerStatistics& b = changed.back();  // a again when only one changed
    const auto date = [](const std::optional<std::string>& d) {
        return d ? db::Param(std::string_view(*d)) : db::Param(nullptr);
    };
    auto written = session.execute(
        q.recount_write, {a.id, a.count, b.count, a.id, a.ltv, b.ltv, a.id, std::string_view(a.aov),
                          std::string_view(b.aov), a.id, date(a.first), date(b.first), a.id,
                          date(a.last), date(b.last), at, a.id, b.id});
    if (!written) return core::fail(written.error());
    return {};
}

class MariaDbCustomerChangeRepository final : public CustomerChangeRepository {
public:
    MariaDbCustomerChangeRepository(db::Session& session, const CustomerChangeQueries& queries,
                                    const WordPressUserCreation* wp_user)
        : session_(session), q_(queries), wp_user_(wp_user) {}

    core::Result<ChangeLookup, db::DbError> lookup_change(std::int64_t order_id,
                                                          std::int64_t customer_id,
                                                          std::int64_t actor_id) override {
        auto rows = session_.query(q_.lookup_change, {customer_id, order_id, actor_id});
        if (!rows) return core::fail(rows.error());
        if (rows->empty()) return core::fail(internal("the acting user has no users row"));
        const auto row = (*rows)[0];
        ChangeLookup out;
        out.order = read_snapshot(row);
        out.customer_exists = row.i64(4) != 0;
        if (auto name = row.get(5)) out.actor_display_name = std::string(*name);
        return out;
    }

    core::Result<CreateLookup, db::DbError> lookup_create(std::int64_t order_id,
                                                          std::optional<std::string_view> email,
                                                          std::int64_t exclude_id,
                                                          std::int64_t actor_id) override {
        const db::Param email_param = email ? db::Param(*email) : db::Param(nullptr);
        auto rows = session_.query(q_.lookup_create, {email_param, exclude_id, order_id, actor_id});
        if (!rows) return core::fail(rows.error());
        if (rows->empty()) return core::fail(internal("the acting user has no users row"));
        const auto row = (*rows)[0];
        CreateLookup out;
        out.order = read_snapshot(row);
        if (auto fields = row.get(4)) out.checkout_fields = std::string(*fields);
        out.email_exists = row.i64(5) != 0;
        if (auto name = row.get(6)) out.actor_display_name = std::string(*name);
        return out;
    }

    core::Result<ChangeResult, db::DbError> change_customer(const OrderSnapshot& order,
                                                            std::int64_t new_customer_id,
                                                            const Actor& actor,
                                                            std::int64_t now_unix) override {
        const std::string now = mysql_datetime(now_unix);
        db::Transaction tx(session_, db::Isolation::kReadCommitted);
        if (!tx.started()) return core::fail(tx.started().error());

        // Both customers, in id order, before the order (PERFORMANCE.md: no deadlocks).
        const std::int64_t old_id = order.has_customer() ? *order.customer_id : new_customer_id;
        auto locked = session_.query(q_.lock_customers, {std::min(old_id, new_customer_id),
                                                         std::max(old_id, new_customer_id)});
        if (!locked) return core::fail(locked.error());
        std::optional<std::string> new_name;
        std::optional<std::string> old_name;
        for (std::size_t i = 0; i < locked->size(); ++i) {
            const auto row = (*locked)[i];
            const auto name = full_name(row.str(1), row.str(2));
            if (row.i64(0) == new_customer_id) new_name = name;
            if (order.has_customer() && row.i64(0) == old_id) old_name = name;
        }
        if (!new_name) return ChangeResult{ChangeOutcome::kCustomerNotFound, 0};

        auto outcome =
            apply_customer_change(session_, q_, order, new_customer_id, old_name ? old_id : 0,
                                  old_name.value_or(""), *new_name, actor, now, {});
        if (!outcome) return core::fail(outcome.error());
        if (*outcome != ChangeOutcome::kChanged) return ChangeResult{*outcome, 0};
        if (auto c = tx.commit(); !c) return core::fail(c.error());
        return ChangeResult{ChangeOutcome::kChanged, new_customer_id};
    }

    core::Result<ChangeResult, db::DbError> create_and_change(const OrderSnapshot& order,
                                                              const NewCustomer& customer,
                                                              const Actor& actor,
                                                              std::int64_t now_unix) override {
        // The named lock comes before BEGIN and before any row lock (one lock order).
        EmailLock lock(session_, q_.new_customer, customer.email);
        auto granted = lock.acquire();
        if (!granted) return core::fail(granted.error());
        if (*granted == EmailLock::Status::kBusy) return ChangeResult{ChangeOutcome::kBusy, 0};
        return create_in_transaction(order, customer, actor, mysql_datetime(now_unix));
    }

private:
    core::Result<ChangeResult, db::DbError> create_in_transaction(const OrderSnapshot& order,
                                                                  const NewCustomer& c,
                                                                  const Actor& actor,
                                                                  const std::string& now) {
        db::Transaction tx(session_, db::Isolation::kReadCommitted);
        if (!tx.started()) return core::fail(tx.started().error());

        // A new row is locked by its insert and nobody else can know its id, so inserting it
        // before locking the (lower) old customer cannot deadlock, and the loser of a race holds
        // no row lock at all.
        auto inserted = insert_new_customer(session_, q_.new_customer, c, wp_user_, now);
        if (!inserted) return core::fail(inserted.error());
        switch (inserted->outcome) {
            case InsertOutcome::kInserted:
                break;
            case InsertOutcome::kEmailExists:
                return ChangeResult{ChangeOutcome::kEmailExists, 0};
            case InsertOutcome::kUserFailed:
                return ChangeResult{ChangeOutcome::kUserFailed, 0};
        }
        const std::int64_t new_id = inserted->id;

        std::optional<std::string> old_name;
        if (order.has_customer()) {
            const std::int64_t old_id = *order.customer_id;
            auto locked = session_.query(q_.lock_customers, {old_id, old_id});
            if (!locked) return core::fail(locked.error());
            if (!locked->empty()) old_name = full_name((*locked)[0].str(1), (*locked)[0].str(2));
        }
        auto outcome = apply_customer_change(
            session_, q_, order, new_id, old_name ? *order.customer_id : 0, old_name.value_or(""),
            full_name(c.first_name, c.last_name), actor, now, {});
        if (!outcome) return core::fail(outcome.error());
        if (*outcome != ChangeOutcome::kChanged) return ChangeResult{*outcome, 0};
        if (auto committed = tx.commit(); !committed) return core::fail(committed.error());
        return ChangeResult{ChangeOutcome::kChanged, new_id};
    }

    db::Session& session_;
    const CustomerChangeQueries& q_;
    const WordPressUserCreation* wp_user_;
};

}  // namespace

core::Result<ChangeOutcome, db::DbError> apply_customer_change(
    db::Session& session, const CustomerChangeQueries& q, const OrderSnapshot& order,
    std::int64_t new_id, std::int64_t old_id, const std::string& old_name,
    const std::string& new_name, const Actor& actor, const std::string& now,
    const MoveOptions& options) {
    const db::Param move_from = old_id != 0 ? db::Param(old_id) : db::Param(nullptr);
    const db::Param at = std::string_view(now);
    const bool carts = options.cart_owner.has_value();
    std::vector<db::Param> move;
    if (carts) {
        const CartOwner& owner = *options.cart_owner;
        move = {order.id,
                new_id,
                at,
                new_id,
                at,
                new_id,
                optional_param(owner.user_id),
                std::string_view(owner.email),
                at};
    } else {
        move = {move_from, move_from, new_id, at, new_id, at, new_id, at, new_id, at};
    }
    const MoveQueries& m = carts ? q.move_with_carts : q.move_with_customer_rows;
    const std::string* move_sql = &m.single;
    if (order.moves_renewal_family() || order.moves_children()) {
        // Lock the connected orders, then check the order is still as the snapshot says.
        const std::int64_t parent = order.parent_id.value_or(0);
        auto locked = order.moves_renewal_family()
                          ? session.query(q.lock_renewal_family, {order.id, parent, parent})
                          : session.query(q.lock_with_children, {order.id, order.id});
        if (!locked) return core::fail(locked.error());
        bool unchanged = false;
        for (std::size_t i = 0; i < locked->size(); ++i) {
            const auto row = (*locked)[i];
            if (row.i64(0) != order.id) continue;
            unchanged = row.opt_i64(1) == order.customer_id && row.str(2) == order.type &&
                        row.opt_i64(3) == order.parent_id;
        }
        if (!unchanged) return ChangeOutcome::kOrderChanged;
        if (order.moves_renewal_family()) {
            move_sql = &m.renewal_family;
            move.insert(move.end(), {order.id, parent, parent});
        } else {
            move_sql = &m.with_children;
            move.insert(move.end(), {order.id, order.id});
        }
    } else {
        // The update itself locks the order and checks it against the snapshot.
        move.insert(move.end(), {order.id, optional_param(order.customer_id),
                                 std::string_view(order.type), optional_param(order.parent_id)});
    }
    auto moved = session.execute(*move_sql, move);
    if (!moved) return core::fail(moved.error());
    if (moved->affected_rows == 0) return ChangeOutcome::kOrderChanged;

    if (auto r = recount(session, q, new_id, old_id != 0 ? old_id : new_id, at); !r) {
        return core::fail(r.error());
    }

    const std::string content = "Customer changed from " + old_name + " to " + new_name;
    // No acting user (a storefront customer or anonymous caller): user_id NULL, FCT-BOT.
    const db::Param actor_id = actor.user_id > 0 ? db::Param(actor.user_id) : db::Param(nullptr);
    const std::string_view created_by =
        actor.user_id > 0 ? std::string_view(actor.display_name) : std::string_view("FCT-BOT");
    auto logged = session.execute(
        q.insert_activity,
        {kOrderModel, order.id, actor_id, std::string_view(content), created_by, at, at});
    if (!logged) return core::fail(logged.error());
    return ChangeOutcome::kChanged;
}

// A plain order is not locked beforehand: the update matches it only while it is as the
// snapshot says (0 rows → read it again).
MoveQueries::MoveQueries(const std::string& move)
    : single(move + "o.id = ? AND o.customer_id <=> ? AND o.type <=> ? AND o.parent_id <=> ?"),
      renewal_family(move + "(o.id = ? OR o.id = ? OR o.parent_id = ?)"),
      with_children(move + "(o.id = ? OR o.parent_id = ?)") {}

CustomerChangeQueries::CustomerChangeQueries(const std::string& p) : new_customer(p) {
    const std::string customers = p + "fct_customers";
    const std::string orders = p + "fct_orders";
    const std::string order_columns = "o.id, o.customer_id, o.type, o.parent_id";
    // Driven by the acting user's row (the request authenticated with it), so a missing order
    // still gives one row with the other answers, and no derived table has to be materialised.
    const std::string from_order =
        " FROM " + p + "users u LEFT JOIN " + orders + " o ON o.id = ? WHERE u.ID = ?";
    const std::string display_name = "u.display_name";

    lookup_change = "SELECT " + order_columns + ", EXISTS(SELECT 1 FROM " + customers +
                    " c WHERE c.id = ?), " + display_name + from_order;
    lookup_create = "SELECT " + order_columns + ", (SELECT m.meta_value FROM " + p +
                    "fct_meta m WHERE m.object_type = 'option' AND m.meta_key = "
                    "'_fc_checkout_fields' ORDER BY m.id LIMIT 1), EXISTS(SELECT 1 FROM " +
                    customers + " c WHERE c.email = ? AND c.id <> ?), " + display_name + from_order;

    // READ COMMITTED: no gap locks (concurrent inserts of other emails, addresses and orders
    // never deadlock with a change), and each statement reads the latest committed rows, which
    // the locks taken before make stable.

    lock_customers = "SELECT id, first_name, last_name FROM " + customers +
                     " WHERE id IN (?, ?) ORDER BY id FOR UPDATE";
    // parent_id has no index: these scan, which READ COMMITTED keeps to the matching rows'
    // locks. Only renewal and subscription orders take this path.
    lock_renewal_family = "SELECT id, customer_id, type, parent_id FROM " + orders +
                          " WHERE id = ? OR id = ? OR parent_id = ? ORDER BY id FOR UPDATE";
    lock_with_children = "SELECT id, customer_id, type, parent_id FROM " + orders +
                         " WHERE id = ? OR parent_id = ? ORDER BY id FOR UPDATE";

    // §9.1 steps 1, 2, 4 and 5 in one statement: the connected orders, their subscriptions and
    // every address and meta row of the old customer (`a`/`m` match nothing when it is NULL).
    // Each row is updated once however often the join repeats it.
    move_with_customer_rows = MoveQueries(
        "UPDATE " + orders + " o LEFT JOIN " + p +
        "fct_subscriptions s ON s.parent_order_id = o.id LEFT JOIN " + p +
        "fct_customer_addresses a ON a.customer_id = ? LEFT JOIN " + p +
        "fct_customer_meta m ON m.customer_id = ? SET o.customer_id = ?, o.updated_at = ?, "
        "s.customer_id = ?, s.updated_at = ?, a.customer_id = ?, a.updated_at = ?, "
        "m.customer_id = ?, m.updated_at = ? WHERE ");
    // storefront-v1.md §7: the connected orders, their subscriptions and the carts of the route's
    // order (its owner's customer_id, user_id and email); the customer's own rows stay.
    move_with_carts = MoveQueries(
        "UPDATE " + orders + " o LEFT JOIN " + p +
        "fct_subscriptions s ON s.parent_order_id = o.id LEFT JOIN " + p +
        "fct_carts k ON k.order_id = o.id AND o.id = ? SET o.customer_id = ?, o.updated_at = ?, "
        "s.customer_id = ?, s.updated_at = ?, k.customer_id = ?, k.user_id = ?, k.email = ?, "
        "k.updated_at = ? WHERE ");

    // §9.4, see recount(): each customer's stored statistics beside its qualifying orders'
    // figures…
    recount_read =
        "SELECT c.id, c.purchase_count, c.ltv, c.aov, c.first_purchase_date, "
        "c.last_purchase_date, COUNT(o.id), COALESCE(SUM(GREATEST(CAST(o.total_paid AS SIGNED) - "
        "CAST(o.total_refund AS SIGNED), 0)), 0), MIN(o.created_at), MAX(o.created_at) FROM " +
        customers + " c LEFT JOIN " + orders +
        " o ON o.customer_id = c.id AND o.payment_status IN ('paid', 'partially_refunded', "
        "'partially_paid') WHERE c.id IN (?, ?) GROUP BY c.id";
    // …and the write of one or two changed customers. A statistic that did not change gets its
    // own value back, which writes nothing.
    recount_write =
        "UPDATE " + customers +
        " SET purchase_count = IF(id = ?, ?, ?), ltv = IF(id = ?, ?, ?), aov = IF(id = ?, ?, ?), "
        "first_purchase_date = IF(id = ?, ?, ?), last_purchase_date = IF(id = ?, ?, ?), "
        "updated_at = ? WHERE id IN (?, ?)";

    insert_activity = "INSERT INTO " + p +
                      "fct_activity (status, log_type, module_type, module_id, module_name, "
                      "user_id, title, content, created_by, created_at, updated_at) VALUES "
                      "('success', 'activity', ?, ?, 'order', ?, 'Customer changed', ?, ?, ?, ?)";
}

std::unique_ptr<CustomerChangeRepository> make_mariadb_customer_change_repository(
    db::Session& session, const CustomerChangeQueries& queries,
    const WordPressUserCreation* wp_user) {
    return std::make_unique<MariaDbCustomerChangeRepository>(session, queries, wp_user);
}

}  // namespace cartpress::plugins::fluent_cart
