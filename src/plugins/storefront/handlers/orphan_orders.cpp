#include "storefront/handlers/orphan_orders.hpp"

#include "storefront/errors.hpp"

namespace cartpress::plugins::storefront {

core::Result<int, rest::RestError> attach_orphan_orders(
    const StorefrontContext& sf, rest::RequestContext& ctx, std::int64_t customer_id,
    const std::string& email_key, const std::string& full_name, const std::string& now) {
    StoreOrderRepository orders(ctx.db, sf.store_order_queries);
    const auto failure = [](std::string_view what, const db::DbError& e) {
        return errors::internal("storefront orphan orders " + std::string(what) + ": " + e.message);
    };
    auto orphans = orders.lock_orphans(email_key);
    if (!orphans) return core::fail(failure("read", orphans.error()));
    if (orphans->empty()) return 0;
    auto name = orders.display_name(ctx.user.id);
    if (!name) return core::fail(failure("actor", name.error()));
    auto owner = CustomerRepository(ctx.db, sf.customer_queries).identity(customer_id);
    if (!owner || !*owner) {
        return core::fail(failure("customer", owner ? db::DbError{} : owner.error()));
    }
    fluent_cart::MoveOptions options;
    options.cart_owner = fluent_cart::CartOwner{(*owner)->user_id, (*owner)->email};
    const fluent_cart::Actor actor{ctx.user.id, *name};
    int moved = 0;
    for (const auto& order : *orphans) {
        auto changed =
            fluent_cart::apply_customer_change(ctx.db, sf.customer_change_queries, order,
                                               customer_id, 0, "", full_name, actor, now, options);
        if (!changed) return core::fail(failure("move", changed.error()));
        // Locked above, so it cannot have changed; a renewal family may already have moved
        // with its parent.
        if (*changed == fluent_cart::ChangeOutcome::kChanged) ++moved;
    }
    return moved;
}

}  // namespace cartpress::plugins::storefront
