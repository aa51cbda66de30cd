#include "repositories/order_list_repository.hpp"

#include <algorithm>
#include <charconv>
#include <deque>
#include <set>
#include <vector>

#include "domain/columns.hpp"
#include "repositories/sql_columns.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

std::string placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
    return out;
}

// A statement being put together from the constant fragments, with its bound values.
class Statement {
public:
    Statement() = default;
    Statement(const Statement&) = delete;  // the bound views point into this one's storage
    Statement& operator=(const Statement&) = delete;

    // Keeps `text` alive for as long as the statement and binds it.
    void bind_text(std::string text) {
        storage_.push_back(std::move(text));
        params_.emplace_back(std::string_view(storage_.back()));
    }
    void bind_int(std::int64_t v) { params_.emplace_back(v); }
    // "?, ?, …" for `values`, padded with the last one to the list's slot count.
    std::string bind_list(const std::vector<std::string>& values) {
        const std::size_t slots = in_list_slots(values.size());
        for (std::size_t i = 0; i < slots; ++i) bind_text(values[std::min(i, values.size() - 1)]);
        return placeholders(slots);
    }
    // Binds another statement's values after this one's.
    void append(const Statement& other) {
        for (const auto& p : other.params_) {
            if (const auto* text = std::get_if<std::string_view>(&p)) {
                bind_text(std::string(*text));
            } else {
                params_.push_back(p);
            }
        }
    }
    const std::vector<db::Param>& params() const { return params_; }

private:
    std::deque<std::string> storage_;
    std::vector<db::Param> params_;
};

std::string_view column_sql(SearchColumn c) {
    switch (c) {
        case SearchColumn::kId:
            return "o.`id`";
        case SearchColumn::kStatus:
            return "o.`status`";
        case SearchColumn::kPaymentStatus:
            return "o.`payment_status`";
        case SearchColumn::kPaymentMethod:
            return "o.`payment_method`";
    }
    return "o.`id`";
}

std::string_view op_sql(SearchOp op) {
    switch (op) {
        case SearchOp::kEqual:
            return " = ?";
        case SearchOp::kNotEqual:
            return " != ?";
        case SearchOp::kGreater:
            return " > ?";
        case SearchOp::kLess:
            return " < ?";
        case SearchOp::kLike:
            return " LIKE ?";
        case SearchOp::kNotLike:
            return " NOT LIKE ?";
        case SearchOp::kBetween:
            return " BETWEEN ? AND ?";
    }
    return " = ?";
}

bool wants(const OrderListQuery& q, std::initializer_list<OrderRelation> any) {
    return std::any_of(q.relations.begin(), q.relations.end(), [&](OrderRelation r) {
        return std::find(any.begin(), any.end(), r) != any.end();
    });
}

class MariaDbOrderListRepository final : public OrderListRepository {
public:
    MariaDbOrderListRepository(db::Session& session, const OrderListQueries& queries)
        : session_(session), queries_(queries) {}

    core::Result<OrderListPage, db::DbError> list(const OrderListQuery& q) override {
        OrderListPage page;
        Statement filter;
        const std::string where = where_clause(q, filter);

        auto count = session_.query(queries_.count_head + where, filter.params());
        if (!count) return core::fail(count.error());
        page.total = count->empty() ? 0 : (*count)[0].i64(0);

        const auto offset = q.page.offset();
        if (page.total == 0 || !offset || *offset >= page.total) return page;

        filter.bind_int(q.page.per_page);  // LIMIT ? OFFSET ? after the filter's values
        filter.bind_int(*offset);
        const std::string direction = q.ascending ? " ASC" : " DESC";
        std::string order_by = " ORDER BY o.`" + std::string(q.sort_column) + "`" + direction;
        // A unique tie-break: equal sort values would otherwise page unpredictably.
        if (q.sort_column != "id") order_by += ", o.`id`" + direction;
        auto result = session_.query(queries_.page_head + where + order_by + " LIMIT ? OFFSET ?",
                                     filter.params());
        if (!result) return core::fail(result.error());
        for (std::size_t i = 0; i < result->size(); ++i) {
            page.orders.push_back(read_record((*result)[i], 0, kOrderColumns.size()));
        }
        if (page.orders.empty()) return page;

        if (auto loaded = load_relations(q, page); !loaded) return core::fail(loaded.error());
        return page;
    }

private:
    // WHERE …, in FluentCart's logic (BaseFilter + OrderFilter); "" when nothing filters.
    std::string where_clause(const OrderListQuery& q, Statement& s) const {
        Statement conditions;
        std::vector<std::string> parts;
        if (q.simple_filters) {
            switch (q.view) {
                case OrderView::kNone:
                    break;
                case OrderView::kStatus:
                    parts.push_back("o.`status` = ?");
                    conditions.bind_text(q.view_value);
                    break;
                case OrderView::kPaymentStatus:
                    parts.push_back("o.`payment_status` = ?");
                    conditions.bind_text(q.view_value);
                    break;
                case OrderView::kType:
                    parts.push_back("o.`type` = ?");
                    conditions.bind_text(q.view_value);
                    break;
                case OrderView::kUpgradedTo:
                    parts.push_back(
                        "JSON_EXTRACT(o.`config`, '$.upgraded_to') IS NOT NULL AND "
                        "JSON_EXTRACT(o.`config`, '$.upgraded_to') != 0");
                    break;
                case OrderView::kUpgradedFrom:
                    parts.push_back(
                        "JSON_EXTRACT(o.`config`, '$.upgraded_from') IS NOT NULL AND "
                        "JSON_EXTRACT(o.`config`, '$.upgraded_from') != 0");
                    break;
            }
            if (const auto* c = std::get_if<ColumnSearch>(&q.search)) {
                parts.push_back(std::string(column_sql(c->column)) + std::string(op_sql(c->op)));
                conditions.bind_text(c->value);
                if (c->op == SearchOp::kBetween) conditions.bind_text(c->upper);
            } else if (const auto* cs = std::get_if<CustomerSearch>(&q.search)) {
                parts.push_back(queries_.customer_match);
                conditions.bind_text("%" + cs->term + "%");
                conditions.bind_text("%" + cs->term + "%");
            } else {
                // The status lists apply only when no operator form did (OrderFilter returns
                // early then).
                const auto in = [&](const char* column, const std::vector<std::string>& values) {
                    if (values.empty()) return;
                    parts.push_back(std::string(column) + " IN (" + conditions.bind_list(values) +
                                    ")");
                };
                in("o.`payment_status`", q.payment_statuses);
                in("o.`status`", q.order_statuses);
                in("o.`shipping_status`", q.shipping_statuses);
                if (const auto* p = std::get_if<PlainSearch>(&q.search)) {
                    parts.push_back(queries_.plain_search);
                    const std::string raw = "%" + p->trimmed + "%";
                    const std::string escaped = "%" + p->escaped + "%";
                    conditions.bind_text(raw);      // invoice_no
                    conditions.bind_text(raw);      // customer email
                    conditions.bind_text(escaped);  // customer name
                    conditions.bind_text(escaped);  // item title
                    conditions.bind_text(escaped);  // item post_title
                }
            }
        }
        std::string joined;
        for (const auto& part : parts) joined += (joined.empty() ? "" : " AND ") + part;

        std::string where;
        if (!q.include_ids.empty() && (q.search_given || !joined.empty())) {
            // Laravel's `whereIn(id)->orWhereNotNull(id)` before the filters: the ids are
            // added to the filtered rows. With a search FluentCart uses `orWhereIn(id)` as
            // the first condition, whose "or" Laravel drops: the ids narrow the rows instead.
            where = " WHERE o.`id` IN (" + s.bind_list(q.include_ids) + ")";
            if (!joined.empty()) {
                where += q.search_given ? " AND " + joined : " OR (" + joined + ")";
            }
        } else if (!joined.empty()) {
            where = " WHERE " + joined;
        }
        s.append(conditions);
        if (q.customer_id) {
            where = where.empty() ? " WHERE o.`customer_id` = ?"
                                  : " WHERE (" + where.substr(7) + ") AND o.`customer_id` = ?";
            s.bind_int(*q.customer_id);
        }
        return where;
    }

    core::Result<void, db::DbError> load_relations(const OrderListQuery& q, OrderListPage& page) {
        std::vector<std::int64_t> order_ids;
        std::set<std::int64_t> customer_id_set;
        for (const auto& o : page.orders) {
            if (auto id = to_id(o[column_index(kOrderColumns, "id")])) order_ids.push_back(*id);
            if (auto cid = to_id(o[column_index(kOrderColumns, "customer_id")])) {
                customer_id_set.insert(*cid);
            }
        }
        const std::vector<std::int64_t> customer_ids(customer_id_set.begin(),
                                                     customer_id_set.end());
        using R = OrderRelation;
        if (wants(q, {R::kCustomer, R::kCustomerPrimaryBillingAddress,
                      R::kCustomerPrimaryShippingAddress}) &&
            !customer_ids.empty()) {
            const bool billing = wants(q, {R::kCustomerPrimaryBillingAddress});
            const bool shipping = wants(q, {R::kCustomerPrimaryShippingAddress});
            auto rows =
                run(queries_.customers[(billing ? 1 : 0) + (shipping ? 2 : 0)], customer_ids);
            if (!rows) return core::fail(rows.error());
            for (std::size_t i = 0; i < rows->size(); ++i) {
                const auto row = (*rows)[i];
                std::size_t at = 0;
                const auto id = read_customer(row, at, page);
                if (billing) {
                    if (row.i64(at) != 0) {
                        page.primary_billing_addresses[id] =
                            read_record(row, at + 1, kListCustomerAddressColumns.size());
                    }
                    at += 1 + kListCustomerAddressColumns.size();
                }
                if (shipping && row.i64(at) != 0) {
                    page.primary_shipping_addresses[id] =
                        read_record(row, at + 1, kListCustomerAddressColumns.size());
                }
            }
        }
        const auto by_order = [&](const OrderListQueries::InQuery& sql, std::size_t width,
                                  std::map<std::int64_t, std::vector<Record>>& into)
            -> core::Result<void, db::DbError> {
            auto rows = run(sql, order_ids);
            if (!rows) return core::fail(rows.error());
            for (std::size_t i = 0; i < rows->size(); ++i) {
                const auto row = (*rows)[i];
                into[row.i64(0)].push_back(read_record(row, 1, width));
            }
            return {};
        };
        if (wants(q, {R::kOrderItems})) {
            if (auto r = by_order(queries_.items, kOrderItemColumns.size(), page.items); !r) {
                return r;
            }
        }
        if (wants(q, {R::kTransactions})) {
            auto r = by_order(queries_.transactions, kTransactionColumns.size(), page.transactions);
            if (!r) return r;
        }
        if (wants(q, {R::kOrderAddresses, R::kBillingAddress, R::kShippingAddress})) {
            auto rows = run(queries_.addresses, order_ids);
            if (!rows) return core::fail(rows.error());
            for (std::size_t i = 0; i < rows->size(); ++i) {
                const auto row = (*rows)[i];
                page.addresses[row.i64(0)].push_back(
                    read_record(row, 1, kOrderAddressColumns.size()));
                std::size_t at = 1 + kOrderAddressColumns.size();
                if (row.i64(at++) != 0) read_customer(row, at, page);
            }
        }
        if (wants(q, {R::kLabels})) {
            auto r = by_order(queries_.labels, kLabelRelationshipColumns.size(), page.labels);
            if (!r) return r;
        }
        if (wants(q, {R::kSubscriptions})) {
            auto rows = run(queries_.subscriptions, order_ids);
            if (!rows) return core::fail(rows.error());
            for (std::size_t i = 0; i < rows->size(); ++i) {
                const auto row = (*rows)[i];
                auto& list = page.subscriptions[row.i64(0)];
                const std::string sub_id = row.str(1);
                if (list.empty() || list.back().subscription[0] != sub_id) {
                    list.push_back({read_record(row, 4, kSubscriptionColumns.size()), {}});
                }
                if (auto key = row.get(2)) {
                    auto value = row.get(3);
                    list.back().meta.emplace_back(
                        std::string(*key),
                        value ? std::optional<std::string>(std::string(*value)) : std::nullopt);
                }
            }
        }
        return {};
    }

    // A customer's columns and photo from `at`; returns its id and moves `at` past them.
    static std::int64_t read_customer(const db::Rows::Row& row, std::size_t& at,
                                      OrderListPage& page) {
        CustomerRecord c = read_customer_record(row, at);
        at += kCustomerColumns.size() + 1;
        const std::int64_t id = to_id(c.customer[0]).value_or(0);
        page.customers[id] = std::move(c);
        return id;
    }

    core::Result<db::Rows, db::DbError> run(const InQuery& sql,
                                            const std::vector<std::int64_t>& ids) {
        return query_in(session_, sql, ids);
    }

    db::Session& session_;
    const OrderListQueries& queries_;
};

}  // namespace

core::Result<db::Rows, db::DbError> query_in(db::Session& session, const InQuery& sql,
                                             const std::vector<std::int64_t>& ids) {
    if (ids.empty()) return db::Rows();
    const std::size_t slots = in_list_slots(ids.size());
    std::vector<db::Param> params;
    params.reserve(slots);
    for (std::size_t i = 0; i < slots; ++i) params.emplace_back(ids[std::min(i, ids.size() - 1)]);
    return session.query(sql.head + placeholders(slots) + sql.tail, params);
}

std::size_t in_list_slots(std::size_t n) {
    std::size_t slots = 1;
    while (slots < n) slots *= 2;
    return slots;
}

OrderListQueries::OrderListQueries(const std::string& p) {
    const std::string orders = p + "fct_orders";
    const std::string customers_table = p + "fct_customers";
    count_head = "SELECT COUNT(*) FROM " + orders + " o";
    page_head = "SELECT " + select_columns(kOrderColumns, "o") + " FROM " + orders + " o";
    customer_match = "EXISTS (SELECT 1 FROM " + customers_table +
                     " c WHERE c.id = o.customer_id AND (CONCAT(c.first_name, ' ', c.last_name)"
                     " LIKE ? OR c.email LIKE ?))";
    plain_search = "(o.invoice_no LIKE ? OR EXISTS (SELECT 1 FROM " + customers_table +
                   " c WHERE c.id = o.customer_id AND (c.email LIKE ? OR CONCAT(c.first_name, ' ',"
                   " c.last_name) LIKE ?)) OR EXISTS (SELECT 1 FROM " +
                   p +
                   "fct_order_items i WHERE i.order_id = o.id AND (i.title LIKE ? OR"
                   " i.post_title LIKE ?)))";

    const std::string customer_columns =
        select_columns(kCustomerColumns, "c") + ", " + customer_photo_sql(p, "c");
    const auto primary = [&](const char* alias, const char* type) {
        return std::string(" LEFT JOIN ") + p + "fct_customer_addresses " + alias + " ON " + alias +
               ".id = (SELECT MIN(x.id) FROM " + p +
               "fct_customer_addresses x WHERE x.customer_id = c.id AND x.type = '" + type +
               "' AND x.is_primary = 1)";
    };
    for (int variant = 0; variant < 4; ++variant) {
        const bool billing = (variant & 1) != 0;
        const bool shipping = (variant & 2) != 0;
        std::string head = "SELECT " + customer_columns;
        if (billing)
            head += ", pb.id IS NOT NULL, " + select_columns(kListCustomerAddressColumns, "pb");
        if (shipping)
            head += ", ps.id IS NOT NULL, " + select_columns(kListCustomerAddressColumns, "ps");
        head += " FROM " + customers_table + " c";
        if (billing) head += primary("pb", "billing");
        if (shipping) head += primary("ps", "shipping");
        customers[static_cast<std::size_t>(variant)] = {head + " WHERE c.id IN (", ")"};
    }
    items = {"SELECT i.order_id, " + select_columns(kOrderItemColumns, "i") + " FROM " + p +
                 "fct_order_items i WHERE i.order_id IN (",
             ") ORDER BY i.id"};
    transactions = {"SELECT t.order_id, " + select_columns(kTransactionColumns, "t") + " FROM " +
                        p + "fct_order_transactions t WHERE t.order_id IN (",
                    ") ORDER BY t.id"};
    addresses = {"SELECT a.order_id, " + select_columns(kOrderAddressColumns, "a") +
                     ", c.id IS NOT NULL, " + customer_columns + " FROM " + p +
                     "fct_order_addresses a JOIN " + orders + " o ON o.id = a.order_id LEFT JOIN " +
                     customers_table + " c ON c.id = o.customer_id WHERE a.order_id IN (",
                 ") ORDER BY a.id"};
    labels = {"SELECT l.labelable_id, " + select_columns(kLabelRelationshipColumns, "l") +
                  " FROM " + p + "fct_label_relationships l WHERE l.labelable_type = '" +
                  std::string(kOrderModelSql) + "' AND l.labelable_id IN (",
              ") ORDER BY l.id"};
    subscriptions = {"SELECT s.parent_order_id, s.id, sm.meta_key, sm.meta_value, " +
                         select_columns(kSubscriptionColumns, "s") + " FROM " + p +
                         "fct_subscriptions s LEFT JOIN " + p +
                         "fct_subscription_meta sm ON sm.subscription_id = s.id"
                         " WHERE s.parent_order_id IN (",
                     ") ORDER BY s.id, sm.id"};
}

std::unique_ptr<OrderListRepository> make_mariadb_order_list_repository(
    db::Session& session, const OrderListQueries& queries) {
    return std::make_unique<MariaDbOrderListRepository>(session, queries);
}

}  // namespace cartpress::plugins::fluent_cart
