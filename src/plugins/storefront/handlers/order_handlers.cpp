#include "storefront/handlers/order_handlers.hpp"

#include <cartpress/core/utc_time.hpp>
#include <cartpress/db/transaction.hpp>
#include <cartpress/site/email_identity.hpp>
#include <cctype>

#include "fluent_cart/handlers/handler_support.hpp"
#include "fluent_cart/handlers/new_customer_input.hpp"
#include "fluent_cart/handlers/order_handlers.hpp"
#include "fluent_cart/serialization/names.hpp"
#include "fluent_cart/validation/customer_fields.hpp"
#include "storefront/errors.hpp"
#include "storefront/handlers/actor.hpp"
#include "storefront/handlers/request_values.hpp"
#include "storefront/serialization/order_json.hpp"
#include "storefront/validation/customer_input.hpp"

namespace cartpress::plugins::storefront {
namespace {

using fluent_cart::ChangeOutcome;
using fluent_cart::EmailLock;

// {order}: a canonical id, or FluentCart's 32-hex order hash.
struct OrderReference {
    std::int64_t id = 0;
    std::string uuid;
};

std::optional<OrderReference> order_reference(std::string_view text) {
    if (text.size() == 32 && std::all_of(text.begin(), text.end(), [](char c) {
            return std::isxdigit(static_cast<unsigned char>(c)) != 0;
        })) {
        return OrderReference{0, std::string(text)};
    }
    if (auto id = fluent_cart::parse_positive_id(text)) return OrderReference{*id, {}};
    return std::nullopt;
}

bool editable_by_shopper(std::string_view status) {
    return status == "draft" || status == "pending";
}

// The §7 table's rules on one state of the order (read before, and again under its lock).
std::optional<rest::RestError> refusal(const Actor& actor, const OrderReference& ref,
                                       const OrderState& o) {
    if (actor.is_staff()) return std::nullopt;
    const bool owned_by_caller = actor.is_customer() && o.snapshot.has_customer() &&
                                 *o.snapshot.customer_id == actor.customer_id;
    // Only the uuid (the cart-possession secret) addresses someone else's order.
    if (ref.uuid.empty() && !owned_by_caller) return errors::order_not_found();
    if (!editable_by_shopper(o.status)) return errors::order_not_editable();
    if (o.owner_has_password && !owned_by_caller) return errors::order_owned();
    return std::nullopt;
}

}  // namespace

rest::HandlerResult patch_order(const StorefrontContext& sf, const rest::RestRequest& request,
                                rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());

    // customer_email first (argument checks come before permissions, spec §1); a customer's
    // body is ignored: the token decides.
    std::string key;
    if (!actor->is_customer()) {
        const json::Value* email = request.param("customer_email");
        if (!email) return core::fail(missing_params({"customer_email"}));
        auto text = read_text("customer_email", *email, kMaxEmailChars);
        if (!text) return core::fail(invalid_params({text.error()}));
        if (!fluent_cart::is_email(*text)) {
            return core::fail(invalid_params(
                {{"customer_email", "customer_email is not a valid email address."}}));
        }
        key = site::email_key(*text);
    }
    if (actor->is_staff()) {
        if (auto refused = require_staff(*actor, ctx, "orders/manage")) return core::fail(*refused);
    }
    const auto ref = order_reference(fluent_cart::url_text(request, "order"));
    if (!ref) return core::fail(errors::order_not_found());

    StoreOrderRepository orders(ctx.db, sf.store_order_queries);
    CustomerRepository customers(ctx.db, sf.customer_queries);
    // The email lock before BEGIN and any row lock (spec §4); a customer needs none.
    std::optional<EmailLock> lock;
    if (!key.empty()) {
        lock.emplace(ctx.db, sf.lock_queries, key);
        auto held = lock->acquire();
        if (!held) return core::fail(db_failure("email lock", held.error()));
        if (*held == EmailLock::Status::kBusy) return core::fail(errors::busy());
    }

    const std::string now = core::mysql_datetime(sf.clock.now_unix());
    // The activity row names the acting WordPress user; shoppers are FluentCart's "FCT-BOT".
    fluent_cart::Actor change_actor{0, ""};
    if (actor->is_staff()) {
        auto name = orders.display_name(ctx.user.id);
        if (!name) return core::fail(db_failure("actor read", name.error()));
        change_actor = {ctx.user.id, *name};
    }
    for (int attempt = 0; attempt < fluent_cart::kWriteAttempts; ++attempt) {
        auto before = ref->uuid.empty() ? orders.state(ref->id) : orders.state_by_uuid(ref->uuid);
        if (!before) return core::fail(db_failure("order read", before.error()));
        if (!*before) return core::fail(errors::order_not_found());
        if (auto refused = refusal(*actor, *ref, **before)) return core::fail(*refused);
        const fluent_cart::OrderSnapshot& snapshot = (*before)->snapshot;

        db::Transaction tx(ctx.db, db::Isolation::kReadCommitted);
        if (!tx.started()) return core::fail(db_failure("begin", tx.started().error()));
        // The customer: the token's, else found or created by email key (§4).
        std::int64_t customer_id = actor->customer_id;
        if (!actor->is_customer()) {
            auto found = customers.id_by_email_key(key, sf.email_column_ci(ctx.db));
            if (!found) return core::fail(db_failure("customer lookup", found.error()));
            if (*found) {
                customer_id = **found;
            } else {
                auto created =
                    orders.insert_guest({key, fluent_cart::customer_uuid(key, ctx.random)}, now);
                if (!created) return core::fail(db_failure("customer insert", created.error()));
                customer_id = *created;
                auto attached =
                    attach_subscriptions(ctx.db, sf.subscription_queries, key, customer_id);
                if (!attached) return core::fail(db_failure("subscriptions", attached.error()));
            }
        }
        // Customers first, in id order, then the order (one lock order: no deadlocks).
        const std::int64_t old_id = snapshot.has_customer() ? *snapshot.customer_id : customer_id;
        auto locked = ctx.db.query(sf.customer_change_queries.lock_customers,
                                   {std::min(old_id, customer_id), std::max(old_id, customer_id)});
        if (!locked) return core::fail(db_failure("customer lock", locked.error()));
        std::string old_name;
        std::string new_name;
        bool old_exists = false;
        bool new_exists = false;
        for (std::size_t i = 0; i < locked->size(); ++i) {
            const auto row = (*locked)[i];
            const std::string name = fluent_cart::full_name(row.str(1), row.str(2));
            if (row.i64(0) == customer_id) {
                new_name = name;
                new_exists = true;
            }
            if (snapshot.has_customer() && row.i64(0) == old_id) {
                old_name = name;
                old_exists = true;
            }
        }
        if (!new_exists) return core::fail(errors::customer_not_found());
        auto current = orders.lock(snapshot.id);
        if (!current) return core::fail(db_failure("order lock", current.error()));
        if (!*current || (*current)->snapshot.customer_id != snapshot.customer_id ||
            (*current)->snapshot.type != snapshot.type ||
            (*current)->snapshot.parent_id != snapshot.parent_id) {
            continue;  // changed since it was read: read it again
        }
        if (auto refused = refusal(*actor, *ref, **current)) return core::fail(*refused);

        if (!snapshot.has_customer() || *snapshot.customer_id != customer_id) {
            auto owner = customers.identity(customer_id);
            if (!owner || !*owner) {
                return core::fail(
                    db_failure("customer read", owner ? db::DbError{} : owner.error()));
            }
            fluent_cart::MoveOptions options;
            options.cart_owner = fluent_cart::CartOwner{(*owner)->user_id, (*owner)->email};
            auto changed = fluent_cart::apply_customer_change(
                ctx.db, sf.customer_change_queries, snapshot, customer_id, old_exists ? old_id : 0,
                old_name, new_name, change_actor, now, options);
            if (!changed) return core::fail(db_failure("customer change", changed.error()));
            if (*changed == ChangeOutcome::kOrderChanged) continue;
        }
        if (auto r = orders.set_pending(snapshot.id, now); !r) {
            return core::fail(db_failure("order status", r.error()));
        }
        auto summary = orders.summary(snapshot.id);
        if (!summary || !*summary) {
            return core::fail(db_failure("order read", summary ? db::DbError{} : summary.error()));
        }
        if (auto done = tx.commit(); !done) return core::fail(db_failure("commit", done.error()));
        const bool reveal = !actor->is_anonymous();
        // An anonymous caller sees the address it sent, never a stored spelling of it.
        if (!reveal) (*summary)->customer_email = key;
        json::Document d;
        d.SetObject();
        static_cast<json::Value&>(d) = order_summary_json(**summary, reveal, d.GetAllocator());
        return rest::RestResponse(std::move(d));
    }
    return core::fail(errors::busy());
}

}  // namespace cartpress::plugins::storefront
