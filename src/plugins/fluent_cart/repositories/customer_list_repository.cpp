#include "repositories/customer_list_repository.hpp"

#include <vector>

#include "repositories/sql_columns.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

// The operator form's SQL (the value is bound as text, as FluentCart binds it).
std::string id_condition(SearchOp op) {
    switch (op) {
        case SearchOp::kEqual:
            return "c.`id` = ?";
        case SearchOp::kNotEqual:
            return "c.`id` != ?";
        case SearchOp::kGreater:
            return "c.`id` > ?";
        case SearchOp::kLess:
            return "c.`id` < ?";
        case SearchOp::kLike:
            return "c.`id` LIKE ?";
        case SearchOp::kNotLike:
            return "c.`id` NOT LIKE ?";
        case SearchOp::kBetween:
            return "c.`id` BETWEEN ? AND ?";
    }
    return "c.`id` = ?";
}

class MariaDbCustomerListRepository final : public CustomerListRepository {
public:
    MariaDbCustomerListRepository(db::Session& session, const CustomerListQueries& queries)
        : session_(session), queries_(queries) {}

    core::Result<CustomerListPage, db::DbError> list(const CustomerListQuery& q) override {
        CustomerListPage page;
        page.page = q.page;
        std::vector<std::string> values;  // the search's bound texts, in order
        const std::string where = where_clause(q.search, values);
        std::vector<db::Param> params;
        for (const auto& v : values) params.emplace_back(std::string_view(v));

        auto count = session_.query(queries_.count_head + where, params);
        if (!count) return core::fail(count.error());
        page.total = count->empty() ? 0 : (*count)[0].i64(0);

        const auto offset = q.page.offset();
        if (page.total == 0 || !offset || *offset >= page.total) return page;
        params.emplace_back(q.page.per_page);
        params.emplace_back(*offset);
        const std::string direction = q.ascending ? " ASC" : " DESC";
        std::string order_by = " ORDER BY c.`" + std::string(q.sort_column) + "`" + direction;
        // A unique tie-break: equal sort values would otherwise page unpredictably.
        if (q.sort_column != "id") order_by += ", c.`id`" + direction;
        auto rows =
            session_.query(queries_.page_head + where + order_by + " LIMIT ? OFFSET ?", params);
        if (!rows) return core::fail(rows.error());
        for (std::size_t i = 0; i < rows->size(); ++i) {
            page.customers.push_back(read_customer_record((*rows)[i], 0));
        }
        return page;
    }

private:
    // WHERE … of the search (spec §8.1); "" when nothing filters.
    static std::string where_clause(const CustomerListSearch& search,
                                    std::vector<std::string>& values) {
        if (const auto* c = std::get_if<ColumnSearch>(&search)) {
            values.push_back(c->value);
            if (c->op == SearchOp::kBetween) values.push_back(c->upper);
            return " WHERE " + id_condition(c->op);
        }
        const auto* t = std::get_if<CustomerTextSearch>(&search);
        if (!t) return "";
        std::string where = " WHERE (CONCAT(c.`first_name`, ' ', c.`last_name`) LIKE ?";
        values.push_back("%" + t->escaped + "%");
        if (t->numeric) {
            where += " OR c.`id` LIKE ?";
            values.push_back("%" + t->trimmed + "%");
        }
        if (!t->has_space) {
            where += " OR c.`email` LIKE ?";
            values.push_back("%" + t->trimmed + "%");
        }
        return where + ")";
    }

    db::Session& session_;
    const CustomerListQueries& queries_;
};

}  // namespace

CustomerListQueries::CustomerListQueries(const std::string& p) {
    const std::string customers = p + "fct_customers";
    count_head = "SELECT COUNT(*) FROM " + customers + " c";
    page_head = "SELECT " + select_columns(kCustomerColumns, "c") + ", " +
                customer_photo_sql(p, "c") + " FROM " + customers + " c";
}

std::unique_ptr<CustomerListRepository> make_mariadb_customer_list_repository(
    db::Session& session, const CustomerListQueries& queries) {
    return std::make_unique<MariaDbCustomerListRepository>(session, queries);
}

}  // namespace cartpress::plugins::fluent_cart
