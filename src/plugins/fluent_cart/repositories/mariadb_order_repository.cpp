#include <algorithm>
#include <vector>

#include "repositories/order_repository.hpp"
#include "repositories/sql_columns.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

// Kinds of the rows of the `lists` UNION ALL.
enum ListKind : int {
    kTransaction = 1,
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
};

constexpr std::size_t kListWidth = 33;  // the widest branch: subscriptions

// One branch of the UNION ALL: kind, id (for ordering) and `kListWidth` text columns.
std::string branch(int kind, const std::string& id_expr, std::vector<std::string> columns,
                   const std::string& from_where) {
    // Every branch casts its columns to CHAR: one collation for the whole UNION, and no branch
    // coerces another's types (a DECIMAL next to a BIGINT would reformat both).
    std::string sql = "SELECT " + std::to_string(kind) + " AS kind, " + id_expr + " AS sort_id";
    for (auto& c : columns) sql += ", " + c;
    for (std::size_t i = columns.size(); i < kListWidth; ++i) sql += ", NULL";
    return sql + " " + from_where;
}

std::vector<std::string> text_columns(ColumnList columns, std::string_view alias) {
    std::vector<std::string> out;
    for (const auto& c : columns) {
        out.push_back("CAST(" + std::string(alias) + ".`" + std::string(c.name) + "` AS CHAR)");
    }
    return out;
}

class MariaDbOrderRepository final : public OrderRepository {
public:
    MariaDbOrderRepository(db::Session& session, const OrderQueries& queries)
        : session_(session), queries_(queries) {}

    core::Result<std::optional<OrderGraph>, db::DbError> find_graph(std::int64_t id) override {
        auto head = session_.query(queries_.order_with_customer, {id});
        if (!head) return core::fail(head.error());
        if (head->empty()) return std::optional<OrderGraph>();
        OrderGraph g;
        read_head((*head)[0], g);

        auto items = session_.query(queries_.items, {id});
        if (!items) return core::fail(items.error());
        read_items(*items, g);

        std::vector<db::Param> params(static_cast<std::size_t>(queries_.lists_parameters), id);
        auto lists = session_.query(queries_.lists, params);
        if (!lists) return core::fail(lists.error());
        read_lists(*lists, g);
        return std::optional<OrderGraph>(std::move(g));
    }

private:
    static void read_head(const db::Rows::Row& row, OrderGraph& g) {
        std::size_t at = 0;
        g.order = read_record(row, at, kOrderColumns.size());
        at += kOrderColumns.size();
        const bool has_customer = row.i64(at++) != 0;
        if (has_customer) {
            CustomerRecord c;
            c.customer = read_record(row, at, kCustomerColumns.size());
            auto photo = row.get(at + kCustomerColumns.size());
            if (photo) c.photo_url = std::string(*photo);
            g.customer = std::move(c);
        }
        at += kCustomerColumns.size() + 1;
        g.parent_order_id = row.opt_i64(at++);
        const bool has_operation = row.i64(at++) != 0;
        if (has_operation) g.order_operation = read_record(row, at, kOrderOperationColumns.size());
    }

    static void read_items(const db::Rows& rows, OrderGraph& g) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto row = rows[i];
            OrderItemRecord item;
            std::size_t at = 0;
            item.item = read_record(row, at, kOrderItemColumns.size());
            at += kOrderItemColumns.size();
            const bool has_variant = row.i64(at++) != 0;
            if (has_variant) item.variant = read_record(row, at, kVariantColumns.size());
            at += kVariantColumns.size();
            if (auto media = row.get(at)) {
                item.media_id = std::string(*media);
                if (auto v = row.get(at + 1)) item.media_object_id = std::string(*v);
                if (auto v = row.get(at + 2)) item.media_value = std::string(*v);
            }
            g.items.push_back(std::move(item));
        }
    }

    static void read_lists(const db::Rows& rows, OrderGraph& g) {
        const auto add_meta = [](std::vector<SubscriptionRecord>& subs, const db::Rows::Row& row) {
            const std::string sub_id = row.str(2);
            for (auto& s : subs) {
                if (s.subscription[0] && *s.subscription[0] == sub_id) {
                    auto value = row.get(4);
                    s.meta.emplace_back(
                        row.str(3),
                        value ? std::optional<std::string>(std::string(*value)) : std::nullopt);
                }
            }
        };
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto row = rows[i];
            switch (row.i64(0)) {
                case kTransaction:
                    g.transactions.push_back(read_record(row, 2, kTransactionColumns.size()));
                    break;
                case kAddress:
                    g.addresses.push_back(read_record(row, 2, kOrderAddressColumns.size()));
                    break;
                case kActivity: {
                    ActivityRecord a;
                    a.activity = read_record(row, 2, kActivityColumns.size());
                    const std::size_t user = 2 + kActivityColumns.size();
                    a.user_id = row.opt_i64(user);
                    a.user_display_name = row.str(user + 1);
                    a.user_email = row.str(user + 2);
                    g.activities.push_back(std::move(a));
                    break;
                }
                case kLabel:
                    g.labels.push_back(read_record(row, 2, kLabelRelationshipColumns.size()));
                    break;
                case kAppliedCoupon:
                    g.applied_coupons.push_back(read_record(row, 2, kAppliedCouponColumns.size()));
                    break;
                case kChild: {
                    ChildOrder c;
                    c.id = row.i64(2);
                    if (auto v = row.get(3)) c.parent_id = std::string(*v);
                    if (auto v = row.get(4)) c.created_at = std::string(*v);
                    g.children.push_back(std::move(c));
                    break;
                }
                case kOrderMeta: {
                    const std::string key = row.str(2);
                    auto value = row.get(3);
                    std::optional<std::string> v =
                        value ? std::optional<std::string>(std::string(*value)) : std::string();
                    // The first row of each key wins, as FluentCart's meta lookup does.
                    if (key == "order_discount" && !g.discount_meta) g.discount_meta = v;
                    if (key == "order_shipping" && !g.shipping_meta) g.shipping_meta = v;
                    if (key == "tax_id" && !g.tax_id) g.tax_id = v;
                    if (key == "vat_tax_id" && !g.vat_tax_id) g.vat_tax_id = v;
                    break;
                }
                case kSubscription:
                    g.subscriptions.push_back(
                        {read_record(row, 2, kSubscriptionColumns.size()), {}});
                    break;
                case kSubscriptionMeta:
                    add_meta(g.subscriptions, row);
                    break;
                case kParentSubscription:
                    g.parent_subscriptions.push_back(
                        {read_record(row, 2, kSubscriptionColumns.size()), {}});
                    break;
                case kParentSubscriptionMeta:
                    add_meta(g.parent_subscriptions, row);
                    break;
                default:
                    break;
            }
        }
        // Newest first (spec §5.2): created_at DESC, id DESC; NULL dates last, as MariaDB sorts.
        std::stable_sort(g.activities.begin(), g.activities.end(),
                         [](const ActivityRecord& a, const ActivityRecord& b) {
                             const auto& da = a.activity[11];
                             const auto& dbb = b.activity[11];
                             if (da != dbb) {
                                 if (!da) return false;
                                 if (!dbb) return true;
                                 return *da > *dbb;
                             }
                             return std::stoll(a.activity[0].value_or("0")) >
                                    std::stoll(b.activity[0].value_or("0"));
                         });
    }

    db::Session& session_;
    const OrderQueries& queries_;
};

}  // namespace

OrderQueries::OrderQueries(const std::string& p) {
    const std::string orders = p + "fct_orders";
    order_with_customer =
        "SELECT " + select_columns(kOrderColumns, "o") + ", c.id IS NOT NULL, " +
        select_columns(kCustomerColumns, "c") + ", (SELECT um.meta_value FROM " + p +
        "usermeta um WHERE um.user_id = c.user_id AND um.meta_key = 'fc_customer_photo_url' "
        "ORDER BY um.umeta_id LIMIT 1)"
        ", (SELECT po.id FROM " +
        orders +
        " po WHERE po.id = o.parent_id AND o.parent_id <> 0)"
        ", op.id IS NOT NULL, " +
        select_columns(kOrderOperationColumns, "op") + " FROM " + orders + " o LEFT JOIN " + p +
        "fct_customers c ON c.id = o.customer_id" + " LEFT JOIN " + p +
        "fct_order_operations op ON op.id = (SELECT MIN(id) FROM " + p +
        "fct_order_operations WHERE order_id = o.id) WHERE o.id = ?";

    items = "SELECT " + select_columns(kOrderItemColumns, "i") + ", v.id IS NOT NULL, " +
            select_columns(kVariantColumns, "v") + ", pm.id, pm.object_id, pm.meta_value FROM " +
            p + "fct_order_items i LEFT JOIN " + p +
            "fct_product_variations v ON v.id = i.object_id LEFT JOIN " + p +
            "fct_product_meta pm ON pm.id = (SELECT MIN(id) FROM " + p +
            "fct_product_meta WHERE object_id = v.id AND meta_key = 'product_thumbnail')"
            " WHERE i.order_id = ? ORDER BY i.id";

    std::vector<std::string> branches;
    auto add = [&](int kind, const std::string& id_expr, std::vector<std::string> cols,
                   const std::string& rest) {
        branches.push_back(branch(kind, id_expr, std::move(cols), rest));
        for (char c : rest) lists_parameters += c == '?';
    };
    add(kTransaction, "t.id", text_columns(kTransactionColumns, "t"),
        "FROM " + p + "fct_order_transactions t WHERE t.order_id = ?");
    add(kAddress, "a.id", text_columns(kOrderAddressColumns, "a"),
        "FROM " + p + "fct_order_addresses a WHERE a.order_id = ?");
    {
        auto cols = text_columns(kActivityColumns, "act");
        cols.push_back("CAST(u.ID AS CHAR)");
        cols.push_back("CAST(u.display_name AS CHAR)");
        cols.push_back("CAST(u.user_email AS CHAR)");
        add(kActivity, "act.id", std::move(cols),
            "FROM " + p + "fct_activity act LEFT JOIN " + p +
                "users u ON u.ID = act.user_id WHERE act.module_type = '" +
                std::string(kOrderModelSql) + "' AND act.module_id = ?");
    }
    add(kLabel, "l.id", text_columns(kLabelRelationshipColumns, "l"),
        "FROM " + p + "fct_label_relationships l WHERE l.labelable_type = '" +
            std::string(kOrderModelSql) + "' AND l.labelable_id = ?");
    add(kAppliedCoupon, "ac.id", text_columns(kAppliedCouponColumns, "ac"),
        "FROM " + p + "fct_applied_coupons ac WHERE ac.order_id = ?");
    add(kChild, "ch.id",
        {"CAST(ch.id AS CHAR)", "CAST(ch.parent_id AS CHAR)", "CAST(ch.created_at AS CHAR)"},
        "FROM " + orders + " ch WHERE ch.parent_id = ?");
    add(kOrderMeta, "om.id", {"CAST(om.meta_key AS CHAR)", "CAST(om.meta_value AS CHAR)"},
        "FROM " + p +
            "fct_order_meta om WHERE om.order_id = ? AND om.meta_key IN ('order_discount', "
            "'order_shipping', 'tax_id', 'vat_tax_id')");
    add(kSubscription, "s.id", text_columns(kSubscriptionColumns, "s"),
        "FROM " + p + "fct_subscriptions s WHERE s.parent_order_id = ?");
    add(kSubscriptionMeta, "sm.id",
        {"CAST(sm.subscription_id AS CHAR)", "CAST(sm.meta_key AS CHAR)",
         "CAST(sm.meta_value AS CHAR)"},
        "FROM " + p + "fct_subscription_meta sm JOIN " + p +
            "fct_subscriptions s ON s.id = sm.subscription_id WHERE s.parent_order_id = ?");
    const std::string parent_id =
        "(SELECT po.parent_id FROM " + orders + " po WHERE po.id = ? AND po.parent_id <> 0)";
    add(kParentSubscription, "s.id", text_columns(kSubscriptionColumns, "s"),
        "FROM " + p + "fct_subscriptions s WHERE s.parent_order_id = " + parent_id);
    add(kParentSubscriptionMeta, "sm.id",
        {"CAST(sm.subscription_id AS CHAR)", "CAST(sm.meta_key AS CHAR)",
         "CAST(sm.meta_value AS CHAR)"},
        "FROM " + p + "fct_subscription_meta sm JOIN " + p +
            "fct_subscriptions s ON s.id = sm.subscription_id WHERE s.parent_order_id = " +
            parent_id);
    for (std::size_t i = 0; i < branches.size(); ++i) {
        lists += (i == 0 ? "" : " UNION ALL ") + branches[i];
    }
    lists += " ORDER BY kind, sort_id";
}

std::unique_ptr<OrderRepository> make_mariadb_order_repository(db::Session& session,
                                                               const OrderQueries& queries) {
    return std::make_unique<MariaDbOrderRepository>(session, queries);
}

}  // namespace cartpress::plugins::fluent_cart
