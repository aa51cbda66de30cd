#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/core/utc_time.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "repositories/new_customer_writer.hpp"

namespace cartpress::plugins::fluent_cart {

// The order as read before the change transaction: which customers to lock (in id order,
// before the order, PERFORMANCE.md) and which orders are connected (spec §9.1 step 3). The
// transaction re-checks it under its locks and reports kOrderChanged when it moved meanwhile.
struct OrderSnapshot {
    std::int64_t id = 0;
    std::optional<std::int64_t> customer_id;  // NULL stays NULL; 0 also means "no customer"
    std::string type;
    std::optional<std::int64_t> parent_id;

    bool has_customer() const { return customer_id && *customer_id != 0; }
    // Renewal with a parent: the parent and all its children move too.
    bool moves_renewal_family() const { return type == "renewal" && parent_id && *parent_id != 0; }
    // Subscription (when not the renewal case): its children move too.
    bool moves_children() const { return !moves_renewal_family() && type == "subscription"; }
};

// One autocommit statement before change-customer's transaction.
struct ChangeLookup {
    std::optional<OrderSnapshot> order;
    bool customer_exists = false;
    std::optional<std::string> actor_display_name;
};

// One autocommit statement before create-and-change-customer's transaction: what validation
// needs (the checkout-field setting and the `exist` rule) plus the order.
struct CreateLookup {
    std::optional<OrderSnapshot> order;
    std::optional<std::string> checkout_fields;  // {p}fct_meta `_fc_checkout_fields`
    bool email_exists = false;
    std::optional<std::string> actor_display_name;
};

// Who changes the customer (the activity row, spec §9.5).
struct Actor {
    std::int64_t user_id = 0;
    std::string display_name;
};

enum class ChangeOutcome {
    kChanged,
    kCustomerNotFound,  // change-customer: the new customer vanished before it was locked
    kEmailExists,       // create-and-change: another customer has the email (re-check)
    kOrderChanged,      // the order moved or vanished since the snapshot: read it again
    kBusy,              // create-and-change: the email lock was not granted within 5 s
    kUserFailed,        // create-and-change: the WordPress user could not be created (§9.3)
};

struct ChangeResult {
    ChangeOutcome outcome = ChangeOutcome::kChanged;
    std::int64_t new_customer_id = 0;
};

// Customer changes of spec §6/§7 with the database effects of §9.1, §9.2, §9.4 and §9.5, each in
// one READ COMMITTED transaction. Statements (change-customer of a plain order with a customer):
// lookup, BEGIN, lock customers, move, recount read, recount write (only when a statistic
// changed), activity, COMMIT = 8 (plus one SET SESSION the first time a connection changes its
// isolation level); create-and-change adds GET_LOCK, the insert and RELEASE_LOCK = 11.
class CustomerChangeRepository {
public:
    virtual ~CustomerChangeRepository() = default;

    virtual core::Result<ChangeLookup, db::DbError> lookup_change(std::int64_t order_id,
                                                                  std::int64_t customer_id,
                                                                  std::int64_t actor_id) = 0;
    // `email`: the exist rule's value (nothing when the rule does not run).
    virtual core::Result<CreateLookup, db::DbError> lookup_create(
        std::int64_t order_id, std::optional<std::string_view> email, std::int64_t exclude_id,
        std::int64_t actor_id) = 0;

    // Precondition: order.customer_id differs from new_customer_id.
    virtual core::Result<ChangeResult, db::DbError> change_customer(const OrderSnapshot& order,
                                                                    std::int64_t new_customer_id,
                                                                    const Actor& actor,
                                                                    std::int64_t now_unix) = 0;
    // Takes the email's named lock (site::email_lock_name) around the transaction.
    virtual core::Result<ChangeResult, db::DbError> create_and_change(const OrderSnapshot& order,
                                                                      const NewCustomer& customer,
                                                                      const Actor& actor,
                                                                      std::int64_t now_unix) = 0;
};

// The move statement of one scope for the three kinds of connected orders.
struct MoveQueries {
    MoveQueries() = default;
    explicit MoveQueries(const std::string& update_prefix);
    std::string single;
    std::string renewal_family;
    std::string with_children;
};

// SQL for one table prefix, built once at startup (prepared statements are cached by text).
struct CustomerChangeQueries {
    explicit CustomerChangeQueries(const std::string& table_prefix);
    std::string lookup_change;
    std::string lookup_create;
    NewCustomerQueries new_customer;
    std::string lock_customers;
    std::string lock_renewal_family;
    std::string lock_with_children;
    MoveQueries move_with_customer_rows;  // fluent-cart: + the old customer's addresses and meta
    MoveQueries move_with_carts;          // storefront: + the route order's carts
    std::string recount_read;
    std::string recount_write;
    std::string insert_activity;
};

// The new owner written into the carts of the route's order (storefront-v1.md §7).
struct CartOwner {
    std::optional<std::int64_t> user_id;
    std::string email;
};

// What a change moves besides the connected orders and their subscriptions: by default the old
// customer's addresses and meta (fluent-cart-v2.md §9.1); with a cart owner, the route order's
// carts instead (storefront-v1.md §7: a shopper's address book does not follow an email).
struct MoveOptions {
    std::optional<CartOwner> cart_owner;
};

// §9.1 steps 1–7 inside the caller's READ COMMITTED transaction, once the caller holds the
// customer locks (lock_customers, in id order, before the order): moves the connected orders,
// recounts the new customer and the old one (`old_id` 0: no old customer row, nothing of it
// moves or is recounted), writes the activity row (an actor with user_id 0 is written as
// user_id NULL, created_by FCT-BOT). kOrderChanged when the order no longer matches `order`.
core::Result<ChangeOutcome, db::DbError> apply_customer_change(
    db::Session& session, const CustomerChangeQueries& queries, const OrderSnapshot& order,
    std::int64_t new_id, std::int64_t old_id, const std::string& old_name,
    const std::string& new_name, const Actor& actor, const std::string& now,
    const MoveOptions& options);

// `wp_user`: how to create WordPress users (nothing: a NewCustomer asking for one fails with
// kUserFailed).
std::unique_ptr<CustomerChangeRepository> make_mariadb_customer_change_repository(
    db::Session& session, const CustomerChangeQueries& queries,
    const WordPressUserCreation* wp_user = nullptr);

// "YYYY-MM-DD HH:MM:SS" (UTC) of a Unix time, as the rows store it.
using core::mysql_datetime;

}  // namespace cartpress::plugins::fluent_cart
