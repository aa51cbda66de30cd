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
    // The whole graph of one order in one statement, or nothing when it does not exist.
    virtual core::Result<std::optional<OrderGraph>, db::DbError> find_graph(std::int64_t id) = 0;
};

// SQL for one table prefix, built once at startup.
struct OrderQueries {
    explicit OrderQueries(const std::string& table_prefix);
    std::string graph;  // one UNION ALL of (kind, id, JSON_ARRAY of the row's cells) per relation
    int graph_parameters = 0;     // how many times `graph` binds the order id
    std::size_t graph_width = 0;  // cells per row once the arrays are expanded
};

std::unique_ptr<OrderRepository> make_mariadb_order_repository(db::Session& session,
                                                               const OrderQueries& queries);

}  // namespace cartpress::plugins::fluent_cart
