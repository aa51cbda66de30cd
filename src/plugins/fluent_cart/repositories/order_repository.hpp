#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "domain/order_graph.hpp"

namespace cartpress::plugins::fluent_cart {

class OrderRepository {
public:
    virtual ~OrderRepository() = default;
    // The whole graph of one order, or nothing when it does not exist: one statement for an
    // order without subscriptions or parent, two for the others, whatever the number of rows.
    virtual core::Result<std::optional<OrderGraph>, db::DbError> find_graph(std::int64_t id) = 0;
};

// One UNION ALL of (kind, id, JSON_ARRAY of the row's cells) per relation of the order.
struct GraphStatement {
    std::string sql;
    int parameters = 0;     // how many times it binds the order id
    std::size_t width = 0;  // cells per row once the arrays are expanded
};

// SQL for one table prefix, built once at startup.
struct OrderQueries {
    explicit OrderQueries(const std::string& table_prefix);
    // Every relation but the subscription ones, of which it only reads the ids of the order's
    // own subscriptions: the whole graph of an order that has none and no parent.
    GraphStatement graph;
    // The subscription relations: the order's subscriptions and their meta, its parent's, and
    // the renewal orders.
    GraphStatement subscriptions;
};

std::unique_ptr<OrderRepository> make_mariadb_order_repository(db::Session& session,
                                                               const OrderQueries& queries);

}  // namespace cartpress::plugins::fluent_cart
