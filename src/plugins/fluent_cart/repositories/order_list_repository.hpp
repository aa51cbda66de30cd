#pragma once

#include <array>
#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "domain/order_list.hpp"

namespace cartpress::plugins::fluent_cart {

// At most this many values in one `*_statuses[]` or `include_ids[]` list (after removing
// repeats); more is a 400 (spec §10). Keeps every IN list, and so every statement, bounded.
inline constexpr std::size_t kMaxListValues = 50;

// Placeholders an IN list of n values gets: the next of 1, 2, 4, …, padded with the last
// value, so that a list of any length uses one of a few statement shapes.
std::size_t in_list_slots(std::size_t n);

// `<head>?, ?, …<tail>`: a relation read for every row of a page (orders or customers) at once.
struct InQuery {
    std::string head;
    std::string tail;
};

// Runs `sql` with `ids` bound in in_list_slots(ids.size()) placeholders (the last id repeated);
// no statement and no rows when `ids` is empty.
core::Result<db::Rows, db::DbError> query_in(db::Session& session, const InQuery& sql,
                                             const std::vector<std::int64_t>& ids);

// GET orders' SQL for one table prefix, built once at startup. A request only chooses among
// these fragments and joins them; whatever it sends is a bound parameter.
struct OrderListQueries {
    explicit OrderListQueries(const std::string& table_prefix);

    using InQuery = fluent_cart::InQuery;

    std::string count_head;      // SELECT COUNT(*) FROM <orders> o
    std::string page_head;       // SELECT <the 35 order columns> FROM <orders> o
    std::string customer_match;  // `customer <op> x`: 2 parameters
    std::string plain_search;    // invoice, customer email/name, item titles: 5 parameters
    // Index: +1 with the primary billing address, +2 with the primary shipping address.
    std::array<InQuery, 4> customers;
    InQuery items;
    InQuery transactions;
    InQuery addresses;  // with the order's customer (address `email` and embedded `order`)
    InQuery labels;
    InQuery subscriptions;  // with their meta rows
};

class OrderListRepository {
public:
    virtual ~OrderListRepository() = default;
    // COUNT(*), then the page (skipped when it is empty), then one statement per relation
    // group that `query.relations` asks for, each over all the page's orders at once.
    virtual core::Result<OrderListPage, db::DbError> list(const OrderListQuery& query) = 0;
};

std::unique_ptr<OrderListRepository> make_mariadb_order_list_repository(
    db::Session& session, const OrderListQueries& queries);

}  // namespace cartpress::plugins::fluent_cart
