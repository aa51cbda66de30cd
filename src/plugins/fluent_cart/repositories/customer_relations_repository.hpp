#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "domain/customer_relations.hpp"
#include "repositories/order_list_repository.hpp"

namespace cartpress::plugins::fluent_cart {

// The SQL of the customer relations (spec §8.1 with[]), one statement per relation group over
// all the customers of a page at once, built once per table prefix.
struct CustomerRelationQueries {
    explicit CustomerRelationQueries(const std::string& table_prefix);
    InQuery addresses;  // all their addresses: the four address relations are cut from these
    InQuery labels;
    InQuery subscriptions;  // with their meta rows and their parent order's currency
    InQuery orders;
};

// The `wanted` relations of the customers `ids` (at most one statement per relation group;
// none for relations not wanted or no ids).
core::Result<CustomerRelations, db::DbError> load_customer_relations(
    db::Session& session, const CustomerRelationQueries& queries,
    const std::vector<std::int64_t>& ids, const std::vector<CustomerRelation>& wanted);

}  // namespace cartpress::plugins::fluent_cart
