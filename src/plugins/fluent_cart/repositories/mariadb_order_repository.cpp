#include <algorithm>
#include <cartpress/db/json_array_rows.hpp>
#include <cartpress/db/statement_prefixes.hpp>
#include <vector>

#include "repositories/order_repository.hpp"
#include "repositories/sql_columns.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

// Kinds of the rows of the graph's one UNION ALL; each row is (kind, id, columns as text…).
enum GraphKind : int {
    kOrder = 1,  // the order with its customer, parent and first operation: one row or none
    kItem,
    kThumbnail,  // product_thumbnail meta of the items' variations
    kTransaction,
    kAddress,
    kActivity,
    kLabel,
    kAppliedCoupon,
    kChild,
    kOrderMeta,
    kSubscription,
    kSubscriptionMeta,
    kParentSubscription,
    kParentSubscriptionMeta,
    kSubscriptionId,  // only the id of one of the order's own subscriptions
};

// The first cell after (kind, id).
constexpr std::size_t kFirst = 2;

struct Branch {
    std::string kind;  // an expression: the kind number, or one that picks it per row
    std::string id_expr;
    std::vector<std::string> columns;  // text expressions
    std::string from_where;
};

// A column as a JSON_ARRAY element. A JSON-typed column (FluentCart declares its JSON columns
// `json`) would be embedded as JSON, so those go in as CAST(... AS CHAR), a plain string.
std::string array_element(const Column& c, std::string_view alias) {
    const std::string ref = std::string(alias) + ".`" + std::string(c.name) + "`";
    switch (c.type) {
        case ColumnType::kJson:
        case ColumnType::kJsonOrRaw:
        case ColumnType::kJsonOrNull:
            return "CAST(" + ref + " AS CHAR)";
        default:
            return ref;
    }
}

std::vector<std::string> array_elements(ColumnList columns, std::string_view alias) {
    std::vector<std::string> out;
    for (const auto& c : columns) out.push_back(array_element(c, alias));
    return out;
}

void append(std::vector<std::string>& to, std::vector<std::string> more) {
    for (auto& c : more) to.push_back(std::move(c));
}

// The branches as one UNION ALL of (kind, id, JSON_ARRAY(the branch's columns)). Three columns,
// not the widest branch's ~80 padded with NULLs: MariaDB and Connector/C++ pay per column on
// every execution (metadata, type merging across branches, a bound buffer each), and one array
// per row costs less (measured: about 20 % of the statement's server time, and the driver's
// per-column setup). A JSON_ARRAY takes the collation of its arguments (utf8mb4_bin when they
// differ), so each is cast to the connection's utf8mb4: branches over tables of different
// collations must not clash in the UNION. db::expand_json_array_rows turns the arrays back
// into cells. No ORDER BY: sorting a UNION needs a temporary table, on disk as soon as a TEXT
// column is in it; the rows are ordered in C++.
GraphStatement union_all(const std::vector<Branch>& branches) {
    GraphStatement out;
    for (const auto& b : branches) {
        out.width = std::max(out.width, kFirst + b.columns.size());
        std::string one = "SELECT " + b.kind + ", " + b.id_expr + ", CAST(JSON_ARRAY(";
        for (std::size_t i = 0; i < b.columns.size(); ++i) {
            if (i > 0) one += ", ";
            one += b.columns[i];
        }
        one += ") AS CHAR) " + b.from_where;
        // Every placeholder is the order id, so their order does not matter.
        for (char c : one) out.parameters += c == '?';
        if (!out.sql.empty()) out.sql += " UNION ALL ";
        out.sql += one;
    }
    return out;
}

std::string kind(GraphKind k) { return std::to_string(k); }

std::optional<std::string> cell(const db::Rows::Row& row, std::size_t at) {
    auto v = row.get(at);
    return v ? std::optional<std::string>(std::string(*v)) : std::nullopt;
}

class MariaDbOrderRepository final : public OrderRepository {
public:
    MariaDbOrderRepository(db::Session& session, const OrderQueries& queries)
        : session_(session), queries_(queries) {}

    // Every column a statement names costs MariaDB on every execution (it resolves and fixes
    // each one again). The subscription relations are 39 of the graph's 234 columns and three of
    // its subqueries, about a fifth of the statement, for rows most orders do not have: the
    // first statement reads every other relation and only the ids of the order's own
    // subscriptions, and the subscription relations are read by a second statement when there
    // are some, or a parent whose subscriptions the order shows. An ordinary order is thus one
    // snapshot with no transaction (and its two round trips); for the others the subscription
    // relations are as of a moment later, as every relation is in FluentCart's own reads.
    core::Result<std::optional<OrderGraph>, db::DbError> find_graph(std::int64_t id) override {
        Read read;
        if (auto r = read_rows(queries_.graph, id, read); !r) return core::fail(r.error());
        if (!read.has_order) return std::optional<OrderGraph>();
        static const std::size_t parent_id_at = column_index(kOrderColumns, "parent_id");
        const bool has_parent = to_id(read.graph.order[parent_id_at]).value_or(0) != 0;
        if (read.has_subscriptions || has_parent) {
            if (auto r = read_rows(queries_.subscriptions, id, read); !r) {
                return core::fail(r.error());
            }
        }
        sort_activities(read.graph);
        return std::optional<OrderGraph>(std::move(read.graph));
    }

private:
    struct Read {
        OrderGraph graph;
        bool has_order = false;
        bool has_subscriptions = false;  // the order has subscriptions of its own
    };

    // Adds the rows of one of the graph statements to `into`.
    core::Result<void, db::DbError> read_rows(const GraphStatement& statement, std::int64_t id,
                                              Read& into) {
        std::vector<db::Param> params(static_cast<std::size_t>(statement.parameters), id);
        auto packed = session_.query(statement.sql, params);
        if (!packed) return core::fail(packed.error());
        auto rows = db::expand_json_array_rows(*packed, statement.width);
        if (!rows)
            return core::fail(
                db::DbError{db::DbError::Kind::kInternal, 0, "order graph: " + rows.error()});

        std::vector<std::size_t> order(rows->size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const auto ra = (*rows)[a];
            const auto rb = (*rows)[b];
            if (ra.i64(0) != rb.i64(0)) return ra.i64(0) < rb.i64(0);
            return ra.i64(1) < rb.i64(1);
        });

        OrderGraph& g = into.graph;
        std::vector<std::pair<std::string, std::size_t>> thumbnails;  // object_id → row
        for (std::size_t index : order) {
            const auto row = (*rows)[index];
            switch (row.i64(0)) {
                case kOrder:
                    read_order(row, g);
                    into.has_order = true;
                    break;
                case kItem:
                    g.items.push_back(read_item(row));
                    break;
                case kThumbnail:
                    thumbnails.emplace_back(row.str(kFirst + 1), index);
                    break;
                case kSubscriptionId:
                    into.has_subscriptions = true;
                    break;
                default:
                    read_list_row(row, g);
                    break;
            }
        }
        attach_thumbnails(*rows, thumbnails, g);
        return {};
    }

    static void read_order(const db::Rows::Row& row, OrderGraph& g) {
        std::size_t at = kFirst;
        g.order = read_record(row, at, kOrderColumns.size());
        at += kOrderColumns.size();
        const bool has_customer = row.i64(at++) != 0;
        if (has_customer) {
            CustomerRecord c;
            c.customer = read_record(row, at, kCustomerColumns.size());
            c.photo_url = cell(row, at + kCustomerColumns.size());
            g.customer = std::move(c);
        }
        at += kCustomerColumns.size() + 1;
        g.parent_order_id = row.opt_i64(at++);
        const bool has_operation = row.i64(at++) != 0;
        if (has_operation) g.order_operation = read_record(row, at, kOrderOperationColumns.size());
    }

    static OrderItemRecord read_item(const db::Rows::Row& row) {
        OrderItemRecord item;
        std::size_t at = kFirst;
        item.item = read_record(row, at, kOrderItemColumns.size());
        at += kOrderItemColumns.size();
        const bool has_variant = row.i64(at++) != 0;
        if (has_variant) item.variant = read_record(row, at, kVariantColumns.size());
        return item;
    }

    // Each variation shows its first product_thumbnail row (lowest id), as FluentCart's
    // relation does; the rows arrive sorted by id.
    static void attach_thumbnails(const db::Rows& rows,
                                  const std::vector<std::pair<std::string, std::size_t>>& thumbs,
                                  OrderGraph& g) {
        for (auto& item : g.items) {
            if (!item.variant || !(*item.variant)[0]) continue;
            const std::string& variant_id = *(*item.variant)[0];
            for (const auto& [object_id, index] : thumbs) {
                if (object_id != variant_id) continue;
                const auto row = rows[index];
                item.media_id = cell(row, kFirst);
                item.media_object_id = cell(row, kFirst + 1);
                item.media_value = cell(row, kFirst + 2);
                break;
            }
        }
    }

    static void read_list_row(const db::Rows::Row& row, OrderGraph& g) {
        const auto add_meta = [](std::vector<SubscriptionRecord>& subs, const db::Rows::Row& r) {
            const std::string sub_id = r.str(kFirst);
            for (auto& s : subs) {
                if (s.subscription[0] && *s.subscription[0] == sub_id) {
                    s.meta.emplace_back(r.str(kFirst + 1), cell(r, kFirst + 2));
                }
            }
        };
        switch (row.i64(0)) {
            case kTransaction:
                g.transactions.push_back(read_record(row, kFirst, kTransactionColumns.size()));
                break;
            case kAddress:
                g.addresses.push_back(read_record(row, kFirst, kOrderAddressColumns.size()));
                break;
            case kActivity: {
                ActivityRecord a;
                a.activity = read_record(row, kFirst, kActivityColumns.size());
                const std::size_t user = kFirst + kActivityColumns.size();
                a.user_id = row.opt_i64(user);
                a.user_display_name = row.str(user + 1);
                a.user_email = row.str(user + 2);
                g.activities.push_back(std::move(a));
                break;
            }
            case kLabel:
                g.labels.push_back(read_record(row, kFirst, kLabelRelationshipColumns.size()));
                break;
            case kAppliedCoupon:
                g.applied_coupons.push_back(read_record(row, kFirst, kAppliedCouponColumns.size()));
                break;
            case kChild: {
                ChildOrder c;
                c.id = row.i64(kFirst);
                c.parent_id = cell(row, kFirst + 1);
                c.created_at = cell(row, kFirst + 2);
                g.children.push_back(std::move(c));
                break;
            }
            case kOrderMeta: {
                const std::string key = row.str(kFirst);
                const std::optional<std::string> v = cell(row, kFirst + 1).value_or("");
                // The first row of each key wins, as FluentCart's meta lookup does.
                if (key == "order_discount" && !g.discount_meta) g.discount_meta = v;
                if (key == "order_shipping" && !g.shipping_meta) g.shipping_meta = v;
                if (key == "tax_id" && !g.tax_id) g.tax_id = v;
                if (key == "vat_tax_id" && !g.vat_tax_id) g.vat_tax_id = v;
                break;
            }
            case kSubscription:
                g.subscriptions.push_back(
                    {read_record(row, kFirst, kSubscriptionColumns.size()), {}});
                break;
            case kSubscriptionMeta:
                add_meta(g.subscriptions, row);
                break;
            case kParentSubscription:
                g.parent_subscriptions.push_back(
                    {read_record(row, kFirst, kSubscriptionColumns.size()), {}});
                break;
            case kParentSubscriptionMeta:
                add_meta(g.parent_subscriptions, row);
                break;
            default:
                break;
        }
    }

    // Newest first (spec §5.2): created_at DESC, id DESC; NULL dates last, as MariaDB sorts.
    static void sort_activities(OrderGraph& g) {
        std::stable_sort(g.activities.begin(), g.activities.end(),
                         [](const ActivityRecord& a, const ActivityRecord& b) {
                             const auto& da = a.activity[11];
                             const auto& dbb = b.activity[11];
                             if (da != dbb) {
                                 if (!da) return false;
                                 if (!dbb) return true;
                                 return *da > *dbb;
                             }
                             return to_id(a.activity[0]).value_or(0) >
                                    to_id(b.activity[0]).value_or(0);
                         });
    }

    db::Session& session_;
    const OrderQueries& queries_;
};

}  // namespace

OrderQueries::OrderQueries(const std::string& p) {
    const std::string orders = p + "fct_orders";
    const std::string subscription_table = p + "fct_subscriptions";
    std::vector<Branch> b;

    {
        auto cols = array_elements(kOrderColumns, "o");
        cols.push_back("c.id IS NOT NULL");
        append(cols, array_elements(kCustomerColumns, "c"));
        cols.push_back(customer_photo_sql(p, "c"));
        cols.push_back("(SELECT po.id FROM " + orders +
                       " po WHERE po.id = o.parent_id AND o.parent_id <> 0)");
        cols.push_back("op.id IS NOT NULL");
        append(cols, array_elements(kOrderOperationColumns, "op"));
        b.push_back({kind(kOrder), "o.id", std::move(cols),
                     "FROM " + orders + " o LEFT JOIN " + p +
                         "fct_customers c ON c.id = o.customer_id LEFT JOIN " + p +
                         "fct_order_operations op ON op.id = (SELECT MIN(id) FROM " + p +
                         "fct_order_operations WHERE order_id = o.id) WHERE o.id = ?"});
    }
    {
        auto cols = array_elements(kOrderItemColumns, "i");
        cols.push_back("v.id IS NOT NULL");
        append(cols, array_elements(kVariantColumns, "v"));
        b.push_back({kind(kItem), "i.id", std::move(cols),
                     "FROM " + p + "fct_order_items i LEFT JOIN " + p +
                         "fct_product_variations v ON v.id = i.object_id WHERE i.order_id = ?"});
    }
    // product_meta has no index on object_id: one pass over the thumbnail rows for the whole
    // order (a semi-join on the items), not one per item.
    b.push_back({kind(kThumbnail),
                 "pm.id",
                 {"pm.id", "pm.object_id", "pm.meta_value"},
                 "FROM " + p +
                     "fct_product_meta pm WHERE pm.meta_key = 'product_thumbnail' AND "
                     "pm.object_id IN (SELECT i.object_id FROM " +
                     p + "fct_order_items i WHERE i.order_id = ?)"});
    b.push_back({kind(kTransaction), "t.id", array_elements(kTransactionColumns, "t"),
                 "FROM " + p + "fct_order_transactions t WHERE t.order_id = ?"});
    b.push_back({kind(kAddress), "a.id", array_elements(kOrderAddressColumns, "a"),
                 "FROM " + p + "fct_order_addresses a WHERE a.order_id = ?"});
    {
        auto cols = array_elements(kActivityColumns, "act");
        append(cols, {"u.ID", "u.display_name", "u.user_email"});
        b.push_back({kind(kActivity), "act.id", std::move(cols),
                     "FROM " + p + "fct_activity act LEFT JOIN " + p +
                         "users u ON u.ID = act.user_id WHERE act.module_type = '" +
                         std::string(kOrderModelSql) + "' AND act.module_id = ?"});
    }
    b.push_back({kind(kLabel), "l.id", array_elements(kLabelRelationshipColumns, "l"),
                 "FROM " + p + "fct_label_relationships l WHERE l.labelable_type = '" +
                     std::string(kOrderModelSql) + "' AND l.labelable_id = ?"});
    b.push_back({kind(kAppliedCoupon), "ac.id", array_elements(kAppliedCouponColumns, "ac"),
                 "FROM " + p + "fct_applied_coupons ac WHERE ac.order_id = ?"});
    b.push_back({kind(kOrderMeta),
                 "om.id",
                 {"om.meta_key", "om.meta_value"},
                 "FROM " + p +
                     "fct_order_meta om WHERE om.order_id = ? AND om.meta_key IN "
                     "('order_discount', 'order_shipping', 'tax_id', 'vat_tax_id')"});
    // The ids of the order's own subscriptions (none, usually) tell whether the subscription
    // relations must be read.
    b.push_back({kind(kSubscriptionId),
                 "s.id",
                 {},
                 "FROM " + subscription_table + " s WHERE s.parent_order_id = ?"});
    graph = union_all(b);
    // The branches look their rows up by the order's id (db/statement_prefixes.hpp); the
    // thumbnails' meta_key look-up reads every thumbnail row either way, fct_product_meta having
    // no index on object_id. Not the subscription statement: it finds children on the
    // low-cardinality `type` index, where only a dive tells that the 'renewal' rows are few.
    graph.sql.insert(0, db::kEstimateEqualitiesFromStatistics);

    b.clear();
    // fct_orders has no index on parent_id, and FluentCart creates child orders only as
    // renewals of an order's subscription: children are looked for among renewal orders (the
    // type index), and only when the order has a subscription, so that reading an ordinary
    // order never scans the orders table.
    b.push_back({kind(kChild),
                 "ch.id",
                 {"ch.id", "ch.parent_id", "ch.created_at"},
                 "FROM " + orders +
                     " ch WHERE ch.type = 'renewal' AND ch.parent_id = ? AND "
                     "EXISTS (SELECT 1 FROM " +
                     subscription_table + " cs WHERE cs.parent_order_id = ?)"});
    // The order's own subscriptions and, for a renewal, its parent's: one branch each for the
    // subscriptions and their meta, the kind told apart per row.
    const std::string own_or_parent = " s.parent_order_id IN (?, (SELECT po.parent_id FROM " +
                                      orders + " po WHERE po.id = ? AND po.parent_id <> 0))";
    b.push_back({"IF(s.parent_order_id = ?, " + kind(kSubscription) + ", " +
                     kind(kParentSubscription) + ")",
                 "s.id", array_elements(kSubscriptionColumns, "s"),
                 "FROM " + subscription_table + " s WHERE" + own_or_parent});
    b.push_back({"IF(s.parent_order_id = ?, " + kind(kSubscriptionMeta) + ", " +
                     kind(kParentSubscriptionMeta) + ")",
                 "sm.id",
                 {"sm.subscription_id", "sm.meta_key", "sm.meta_value"},
                 "FROM " + p + "fct_subscription_meta sm JOIN " + subscription_table +
                     " s ON s.id = sm.subscription_id WHERE" + own_or_parent});
    subscriptions = union_all(b);
}

std::unique_ptr<OrderRepository> make_mariadb_order_repository(db::Session& session,
                                                               const OrderQueries& queries) {
    return std::make_unique<MariaDbOrderRepository>(session, queries);
}

}  // namespace cartpress::plugins::fluent_cart
