#include "storefront/repositories/cart_repository.hpp"

namespace cartpress::plugins::storefront {

CartQueries::CartQueries(const std::string& p) {
    const std::string carts = p + "fct_carts";
    lock_cart =
        "SELECT customer_id, deleted_at IS NOT NULL, stage = 'completed' OR completed_at "
        "IS NOT NULL FROM " +
        carts + " WHERE cart_hash = ? FOR UPDATE";
    associate = "UPDATE " + carts +
                " SET customer_id = ?, user_id = ?, email = ?, first_name = '', last_name = '', "
                "updated_at = ? WHERE cart_hash = ?";
    dissociate = "UPDATE " + carts +
                 " SET customer_id = NULL, user_id = NULL, email = NULL, updated_at = ? WHERE "
                 "cart_hash = ?";
}

core::Result<std::optional<CartState>, db::DbError> CartRepository::lock(
    std::string_view cart_hash) {
    auto rows = session_.query(q_.lock_cart, {cart_hash});
    if (!rows) return core::fail(rows.error());
    if (rows->empty()) return std::optional<CartState>();
    const auto r = (*rows)[0];
    CartState c;
    if (const auto id = r.opt_i64(0); id && *id > 0) c.customer_id = id;
    c.deleted = r.i64(1) != 0;
    c.completed = r.i64(2) != 0;
    return std::optional<CartState>(c);
}

core::Result<void, db::DbError> CartRepository::associate(std::string_view cart_hash,
                                                          const CustomerIdentity& c,
                                                          std::string_view now) {
    const db::Param user = c.user_id ? db::Param(*c.user_id) : db::Param(nullptr);
    auto done =
        session_.execute(q_.associate, {c.id, user, std::string_view(c.email), now, cart_hash});
    if (!done) return core::fail(done.error());
    return {};
}

core::Result<void, db::DbError> CartRepository::dissociate(std::string_view cart_hash,
                                                           std::string_view now) {
    auto done = session_.execute(q_.dissociate, {now, cart_hash});
    if (!done) return core::fail(done.error());
    return {};
}

}  // namespace cartpress::plugins::storefront
