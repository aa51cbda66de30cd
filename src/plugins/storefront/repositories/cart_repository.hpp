#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storefront/repositories/customer_repository.hpp"

namespace cartpress::plugins::storefront {

// A {p}fct_carts row as the association of spec §12.1 needs it (the table has no id: its key
// is cart_hash).
struct CartState {
    std::optional<std::int64_t> customer_id;  // NULL and 0: none
    bool deleted = false;
    bool completed = false;  // stage 'completed' or completed_at set
};

struct CartQueries {
    explicit CartQueries(const std::string& table_prefix);
    std::string lock_cart;
    std::string associate;
    std::string dissociate;
};

class CartRepository {
public:
    CartRepository(db::Session& session, const CartQueries& queries)
        : session_(session), q_(queries) {}

    // Locked FOR UPDATE: call inside a transaction.
    core::Result<std::optional<CartState>, db::DbError> lock(std::string_view cart_hash);
    // customer_id, user_id, email from the customer, first/last name emptied, updated_at.
    core::Result<void, db::DbError> associate(std::string_view cart_hash, const CustomerIdentity& c,
                                              std::string_view now);
    // customer_id, user_id and email cleared.
    core::Result<void, db::DbError> dissociate(std::string_view cart_hash, std::string_view now);

private:
    db::Session& session_;
    const CartQueries& q_;
};

}  // namespace cartpress::plugins::storefront
