#include "storefront/handlers/customer_handlers.hpp"

#include <openssl/crypto.h>

#include <cartpress/auth/password_hash.hpp>
#include <cartpress/core/utc_time.hpp>
#include <cartpress/db/transaction.hpp>
#include <cartpress/site/email_identity.hpp>
#include <cartpress/site/wordpress_user_writer.hpp>
#include <map>
#include <set>

#include "fluent_cart/handlers/new_customer_input.hpp"
#include "fluent_cart/serialization/names.hpp"
#include "storefront/domain/customer_filter.hpp"
#include "storefront/errors.hpp"
#include "storefront/handlers/actor.hpp"
#include "storefront/handlers/collection.hpp"
#include "storefront/handlers/orphan_orders.hpp"
#include "storefront/handlers/request_values.hpp"
#include "storefront/serialization/customer_json.hpp"
#include "storefront/validation/customer_input.hpp"

namespace cartpress::plugins::storefront {
namespace {

using fluent_cart::EmailLock;

// A write step failed: the whole request answers with `error` (the transaction rolls back).
struct Refusal {
    rest::RestError error;
};

CustomerLinks links_for(const StorefrontContext& sf, const rest::RequestContext& ctx,
                        std::int64_t id) {
    const std::string base = "/storefront/v1/customers";
    return {ctx.options.rest_url(sf.rest_prefix, base + "/" + std::to_string(id)),
            ctx.options.rest_url(sf.rest_prefix, base)};
}

rest::RestResponse customer_response(const StorefrontContext& sf, const rest::RequestContext& ctx,
                                     const CustomerRecord& c, Audience audience, int status = 200) {
    json::Document d;
    d.SetObject();
    static_cast<json::Value&>(d) =
        customer_json(c, audience, links_for(sf, ctx, c.id), d.GetAllocator());
    rest::RestResponse response(std::move(d), status);
    if (status == 201) response.headers.push_back({"Location", links_for(sf, ctx, c.id).self});
    return response;
}

// Custom field writes as meta changes, refused when the customer would hold more than
// kMaxCustomFields fields.
core::Result<std::vector<CustomFieldChange>, rest::RestError> field_changes(
    const std::vector<CustomFieldWrite>& writes, const std::map<std::string, std::string>& stored) {
    std::set<std::string> names;
    for (const auto& [name, value] : stored) names.insert(name);
    std::vector<CustomFieldChange> changes;
    for (const auto& w : writes) {
        if (w.json_value) {
            names.insert(w.name);
        } else {
            names.erase(w.name);
        }
        changes.push_back({custom_field_meta_key(w.name), w.json_value});
    }
    if (names.size() > kMaxCustomFields) {
        return core::fail(invalid_params(
            {{"custom_fields", "A customer can have at most " + std::to_string(kMaxCustomFields) +
                                   " custom fields."}}));
    }
    return changes;
}

// The signup switch (spec §8): config, else WordPress's users_can_register option.
core::Result<bool, rest::RestError> signup_open(const StorefrontContext& sf,
                                                CustomerRepository& repo) {
    switch (sf.settings.signup) {
        case SignupMode::kOpen:
            return true;
        case SignupMode::kClosed:
            return false;
        case SignupMode::kAuto:
            break;
    }
    auto option = repo.users_can_register();
    if (!option) return core::fail(db_failure("signup option", option.error()));
    return *option;
}

rest::HandlerResult get_customer_by_id(const StorefrontContext& sf, rest::RequestContext& ctx,
                                       const Actor& actor, std::int64_t id) {
    if (auto refused = may_act_on(actor, ctx, id, "customers/view")) return core::fail(*refused);
    CustomerRepository repo(ctx.db, sf.customer_queries);
    auto found = repo.find(id);
    if (!found) return core::fail(db_failure("customer read", found.error()));
    if (!*found) return core::fail(errors::customer_not_found());
    return customer_response(sf, ctx, **found,
                             actor.is_staff() ? Audience::kStaff : Audience::kCustomer);
}

// The partial edit of spec §8 on customer `id`, already authorised.
rest::HandlerResult edit_customer(const StorefrontContext& sf, const rest::RestRequest& request,
                                  rest::RequestContext& ctx, const Actor& actor, std::int64_t id) {
    const bool staff = actor.is_staff();
    auto input =
        parse_customer_input(body_of(request), CustomerInputMode::kUpdate, staff, sf.countries);
    if (!input) return core::fail(input_error(input.error()));
    CustomerRepository repo(ctx.db, sf.customer_queries);

    // A customer changing its email or password proves it knows the current password (checked
    // against the locked row below).
    const bool needs_current_password = actor.is_customer() && (input->email || input->password);
    if (needs_current_password && !input->current_password) {
        return core::fail(errors::current_password_required());
    }

    const std::optional<std::string> new_key =
        input->email ? std::optional<std::string>(site::email_key(*input->email)) : std::nullopt;
    // The email lock comes before BEGIN and any row lock (spec §4).
    std::optional<EmailLock> lock;
    if (new_key) {
        lock.emplace(ctx.db, sf.lock_queries, *new_key);
        auto held = lock->acquire();
        if (!held) return core::fail(db_failure("email lock", held.error()));
        if (*held == EmailLock::Status::kBusy) return core::fail(errors::busy());
    }
    db::Transaction tx(ctx.db, db::Isolation::kReadCommitted);
    if (!tx.started()) return core::fail(db_failure("begin", tx.started().error()));
    auto found = repo.find(id, true);
    if (!found) return core::fail(db_failure("customer read", found.error()));
    if (!*found) return core::fail(errors::customer_not_found());
    CustomerRecord& c = **found;
    if (needs_current_password &&
        (!c.has_password() || !auth::verify_password(*input->current_password, c.user_pass))) {
        return core::fail(errors::incorrect_password());
    }
    const std::string now = core::mysql_datetime(sf.clock.now_unix());

    CustomerWrite w{c.user_id, c.email, c.first_name, c.last_name, c.status, c.notes,
                    c.country, c.state, c.city,       c.postcode,  c.uuid};
    if (new_key && *new_key != site::email_key(c.email)) {
        auto other = repo.id_by_email_key(*new_key, sf.email_column_ci(ctx.db));
        if (!other) return core::fail(db_failure("email check", other.error()));
        if (*other && **other != id) {
            return core::fail(errors::customer_exists(staff ? **other : 0));
        }
        if (c.user_id) {
            auto user = site::find_user_id_by_email(ctx.db, sf.wordpress_user_queries, *new_key);
            if (!user) return core::fail(db_failure("user check", user.error()));
            if (*user && **user != *c.user_id) return core::fail(errors::user_exists());
            if (auto r = repo.set_user_email(*c.user_id, *new_key); !r) {
                return core::fail(db_failure("user email", r.error()));
            }
        }
        w.email = *new_key;
    }
    if (input->first_name) w.first_name = *input->first_name;
    if (input->last_name) w.last_name = *input->last_name;
    if (input->country) w.country = *input->country;
    if (input->state) w.state = *input->state;
    if (input->city) w.city = *input->city;
    if (input->postcode) w.postcode = *input->postcode;
    if (input->notes) w.notes = *input->notes;
    if (input->status) w.status = *input->status;
    if (input->user_id) {
        w.user_id = *input->user_id;
        if (*input->user_id) {
            auto exists = repo.user_exists(**input->user_id);
            if (!exists) return core::fail(db_failure("user check", exists.error()));
            if (!*exists) {
                return core::fail(
                    invalid_params({{"user_id", "user_id is not an existing user."}}));
            }
        }
    }

    bool revoke_tokens = false;
    bool becomes_account = false;
    if (input->password) {
        if (w.user_id && c.user_exists) {
            auto hash =
                site::hash_login_password(ctx.db, sf.wordpress_user_queries, *input->password,
                                          sf.hash_format, ctx.options.db_version, ctx.random);
            if (!hash) return core::fail(db_failure("password hash", hash.error()));
            if (auto r = repo.set_user_pass(*w.user_id, *hash); !r) {
                return core::fail(db_failure("password", r.error()));
            }
        } else {
            // A guest gets an account (spec §9, staff path): a WordPress user with the password,
            // unless another user already has the email (staff may link it with user_id).
            auto user = site::find_user_id_by_email(ctx.db, sf.wordpress_user_queries, w.email);
            if (!user) return core::fail(db_failure("user check", user.error()));
            if (*user) return core::fail(errors::user_exists());
            auto created = site::create_wordpress_user(
                ctx.db, sf.wordpress_user_queries,
                {w.email, w.first_name, w.last_name, *input->password}, sf.hash_format,
                ctx.options.db_version, ctx.random, now);
            if (!created) return core::fail(db_failure("user create", created.error()));
            w.user_id = *created;
            becomes_account = true;
        }
        revoke_tokens = true;  // spec §5.4: a password change ends the other sessions
    }
    if (w.status == "inactive" && c.status != "inactive") revoke_tokens = true;

    if (input->custom_fields) {
        auto changes = field_changes(*input->custom_fields, c.custom_fields);
        if (!changes) return core::fail(changes.error());
        if (auto r = repo.write_custom_fields(id, *changes, now); !r) {
            return core::fail(db_failure("custom fields", r.error()));
        }
    }
    if (auto r = repo.update(id, w, now); !r) {
        return core::fail(db_failure("customer update", r.error()));
    }
    if (becomes_account && staff) {
        auto attached =
            attach_orphan_orders(sf, ctx, id, site::email_key(w.email),
                                 fluent_cart::full_name(w.first_name, w.last_name), now);
        if (!attached) return core::fail(attached.error());
    }
    if (revoke_tokens) {
        TokenRepository tokens(ctx.db, sf.token_queries);
        // The customer's own current token survives its password change; staff end them all.
        const std::int64_t keep =
            actor.is_customer() && w.status != "inactive" ? actor.token_id : 0;
        if (auto r = tokens.revoke_customer(id, now, keep); !r) {
            return core::fail(db_failure("token revoke", r.error()));
        }
    }
    auto updated = repo.find(id);
    if (!updated || !*updated) {
        return core::fail(db_failure("customer reread", updated ? db::DbError{} : updated.error()));
    }
    if (auto done = tx.commit(); !done) return core::fail(db_failure("commit", done.error()));
    return customer_response(sf, ctx, **updated, staff ? Audience::kStaff : Audience::kCustomer);
}

rest::HandlerResult remove_customer(const StorefrontContext& sf, rest::RequestContext& ctx,
                                    const Actor& actor, std::int64_t id) {
    CustomerRepository repo(ctx.db, sf.customer_queries);
    db::Transaction tx(ctx.db, db::Isolation::kReadCommitted);
    if (!tx.started()) return core::fail(db_failure("begin", tx.started().error()));
    auto found = repo.find(id, true);
    if (!found) return core::fail(db_failure("customer read", found.error()));
    if (!*found) return core::fail(errors::customer_not_found());
    const CustomerRecord& c = **found;
    const Audience audience = actor.is_staff() ? Audience::kStaff : Audience::kCustomer;
    json::Document d;
    d.SetObject();
    auto& a = d.GetAllocator();
    json::Value previous = customer_json(c, audience, links_for(sf, ctx, id), a);

    auto orders = repo.order_count(id);
    if (!orders) return core::fail(db_failure("order count", orders.error()));
    const bool anonymized = *orders > 0;
    const std::string now = core::mysql_datetime(sf.clock.now_unix());
    if (anonymized) {
        // Orders stay for accounting; nothing personal stays on the customer (spec §14 #9).
        const std::string email = "anonymized-" + c.uuid + "@invalid";
        if (auto r = repo.anonymise(id, email, now); !r) {
            return core::fail(db_failure("customer anonymise", r.error()));
        }
    } else if (auto r = repo.delete_customer(id); !r) {
        return core::fail(db_failure("customer delete", r.error()));
    }
    if (c.user_id && c.user_exists) {
        // The account goes too only when Cartpress made it and it holds nothing but the default
        // role; otherwise it is only unlinked (the row is gone or anonymised without user_id).
        auto facts = repo.linked_user_facts(*c.user_id);
        if (!facts) return core::fail(db_failure("user read", facts.error()));
        const std::string role = facts->default_role.empty() ? "subscriber" : facts->default_role;
        if (facts->cartpress_created && facts->capabilities == site::capabilities_value(role)) {
            if (auto r = repo.delete_user(*c.user_id); !r) {
                return core::fail(db_failure("user delete", r.error()));
            }
        }
    }
    if (auto done = tx.commit(); !done) return core::fail(db_failure("commit", done.error()));
    d.AddMember("deleted", true, a);
    d.AddMember("anonymized", anonymized, a);
    d.AddMember("previous", previous, a);
    return rest::RestResponse(std::move(d));
}

}  // namespace

std::vector<rest::ArgSpec> list_customers_args() {
    auto args = paging_args();
    rest::ArgSpec filter;
    filter.name = "filter";
    filter.type = rest::ArgType::kString;
    rest::ArgSpec orderby;
    orderby.name = "orderby";
    orderby.type = rest::ArgType::kString;
    orderby.default_json = "\"created_at\"";
    orderby.enum_values = {"id", "email", "name", "created_at", "updated_at"};
    rest::ArgSpec order;
    order.name = "order";
    order.type = rest::ArgType::kString;
    order.default_json = "\"desc\"";
    order.enum_values = {"asc", "desc"};
    args.push_back(filter);
    args.push_back(orderby);
    args.push_back(order);
    return args;
}

rest::HandlerResult list_customers(const StorefrontContext& sf, const rest::RestRequest& request,
                                   rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    if (auto refused = require_staff(*actor, ctx, "customers/view")) return core::fail(*refused);
    FilterSql where;
    if (const auto filter = request.string_param("filter")) {
        auto conditions = parse_customer_filter(*filter);
        if (!conditions) {
            return core::fail(invalid_params({{"filter", conditions.error().message}}));
        }
        where = customer_filter_sql(*conditions, {sf.email_column_ci(ctx.db)});
    }
    static const std::map<std::string, CustomerOrder, std::less<>> kOrders = {
        {"id", CustomerOrder::kId},
        {"email", CustomerOrder::kEmail},
        {"name", CustomerOrder::kName},
        {"created_at", CustomerOrder::kCreatedAt},
        {"updated_at", CustomerOrder::kUpdatedAt}};
    const auto orderby = kOrders.find(request.string_param("orderby").value_or("created_at"));
    const bool descending = request.string_param("order").value_or("desc") != "asc";
    const Paging paging = read_paging(request);
    CustomerRepository repo(ctx.db, sf.customer_queries);
    auto page = repo.page(where.where, where.params,
                          orderby == kOrders.end() ? CustomerOrder::kCreatedAt : orderby->second,
                          descending, paging.per_page, paging.offset());
    if (!page) return core::fail(db_failure("customer list", page.error()));
    if (auto bad = page_out_of_range(paging, page->total)) return core::fail(*bad);
    json::Document d(rapidjson::kArrayType);
    for (const auto& c : page->customers) {
        d.PushBack(customer_json(c, Audience::kStaff, links_for(sf, ctx, c.id), d.GetAllocator()),
                   d.GetAllocator());
    }
    rest::RestResponse response(std::move(d));
    add_paging_headers(response, request, ctx, sf.rest_prefix, "/storefront/v1/customers", paging,
                       page->total);
    return response;
}

rest::HandlerResult delete_customer(const StorefrontContext& sf, const rest::RestRequest& request,
                                    rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    const std::int64_t id = path_id(request, "id");
    if (auto refused = may_act_on(*actor, ctx, id, "customers/delete")) return core::fail(*refused);
    return remove_customer(sf, ctx, *actor, id);
}

rest::HandlerResult delete_me(const StorefrontContext& sf, const rest::RestRequest& request,
                              rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    if (!actor->is_customer()) return core::fail(errors::customer_token_required());
    return remove_customer(sf, ctx, *actor, actor->customer_id);
}

rest::HandlerResult get_customer(const StorefrontContext& sf, const rest::RestRequest& request,
                                 rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    return get_customer_by_id(sf, ctx, *actor, path_id(request, "id"));
}

rest::HandlerResult get_me(const StorefrontContext& sf, const rest::RestRequest& request,
                           rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    if (!actor->is_customer()) return core::fail(errors::customer_token_required());
    return get_customer_by_id(sf, ctx, *actor, actor->customer_id);
}

rest::HandlerResult update_customer(const StorefrontContext& sf, const rest::RestRequest& request,
                                    rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    const std::int64_t id = path_id(request, "id");
    if (auto refused = may_act_on(*actor, ctx, id, "customers/manage")) return core::fail(*refused);
    return edit_customer(sf, request, ctx, *actor, id);
}

rest::HandlerResult update_me(const StorefrontContext& sf, const rest::RestRequest& request,
                              rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    if (!actor->is_customer()) return core::fail(errors::customer_token_required());
    return edit_customer(sf, request, ctx, *actor, actor->customer_id);
}

rest::HandlerResult create_customer(const StorefrontContext& sf, const rest::RestRequest& request,
                                    rest::RequestContext& ctx) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    CustomerRepository repo(ctx.db, sf.customer_queries);
    if (actor->is_customer()) return core::fail(rest::errors::forbidden(true));
    if (actor->is_staff()) {
        if (auto refused = require_staff(*actor, ctx, "customers/manage")) {
            return core::fail(*refused);
        }
    } else {
        auto open = signup_open(sf, repo);
        if (!open) return core::fail(open.error());
        if (!*open) return core::fail(rest::errors::forbidden(false));
    }
    const bool staff = actor->is_staff();
    auto input =
        parse_customer_input(body_of(request), CustomerInputMode::kCreate, staff, sf.countries);
    if (!input) return core::fail(input_error(input.error()));

    const std::string key = site::email_key(*input->email);
    EmailLock lock(ctx.db, sf.lock_queries, key);
    auto held = lock.acquire();
    if (!held) return core::fail(db_failure("email lock", held.error()));
    if (*held == EmailLock::Status::kBusy) return core::fail(errors::busy());
    db::Transaction tx(ctx.db, db::Isolation::kReadCommitted);
    if (!tx.started()) return core::fail(db_failure("begin", tx.started().error()));

    auto existing = repo.id_by_email_key(key, sf.email_column_ci(ctx.db));
    if (!existing) return core::fail(db_failure("email check", existing.error()));
    if (*existing) {
        auto other = repo.find(**existing);
        if (!other || !*other) {
            return core::fail(db_failure("customer read", other ? db::DbError{} : other.error()));
        }
        if (!staff && !(*other)->has_password()) {
            // Sign-up with a guest's email (spec §9): nothing visible changes; claiming the guest
            // row needs e-mail verification, which a later issue builds.
            json::Document d;
            d.SetObject();
            d.AddMember("status", "verification_required", d.GetAllocator());
            return rest::RestResponse(std::move(d), 202);
        }
        return core::fail(errors::customer_exists(staff ? **existing : 0));
    }

    const std::string now = core::mysql_datetime(sf.clock.now_unix());
    CustomerWrite w;
    w.email = key;
    w.first_name = input->first_name.value_or("");
    w.last_name = input->last_name.value_or("");
    w.status = input->status.value_or("active");
    w.notes = input->notes.value_or("");
    w.country = input->country.value_or("");
    w.state = input->state.value_or("");
    w.city = input->city.value_or("");
    w.postcode = input->postcode.value_or("");
    w.uuid = fluent_cart::customer_uuid(key, ctx.random);
    auto user = site::find_user_id_by_email(ctx.db, sf.wordpress_user_queries, key);
    if (!user) return core::fail(db_failure("user check", user.error()));
    if (input->password) {
        // An existing WordPress user is never taken over by a password write (spec §5.4).
        if (*user) return core::fail(errors::user_exists());
        auto created = site::create_wordpress_user(
            ctx.db, sf.wordpress_user_queries, {key, w.first_name, w.last_name, *input->password},
            sf.hash_format, ctx.options.db_version, ctx.random, now);
        if (!created) return core::fail(db_failure("user create", created.error()));
        w.user_id = *created;
    } else if (input->user_id) {
        w.user_id = *input->user_id;
    } else {
        w.user_id = *user;  // FluentCart links the user with that email too
    }
    auto id = repo.insert(w, now);
    if (!id) return core::fail(db_failure("customer insert", id.error()));
    // Staff creating an account attach the email's earlier guest orders now (spec §9); a
    // sign-up waits for e-mail verification (a later issue), so nobody sees orders by typing
    // someone's email.
    if (staff && input->password) {
        auto attached = attach_orphan_orders(
            sf, ctx, *id, key, fluent_cart::full_name(w.first_name, w.last_name), now);
        if (!attached) return core::fail(attached.error());
    }
    // Newsletter sign-ups made with this email before the customer existed now belong to it.
    if (auto r = attach_subscriptions(ctx.db, sf.subscription_queries, key, *id); !r) {
        return core::fail(db_failure("subscriptions", r.error()));
    }
    if (input->custom_fields) {
        auto changes = field_changes(*input->custom_fields, {});
        if (!changes) return core::fail(changes.error());
        if (auto r = repo.write_custom_fields(*id, *changes, now); !r) {
            return core::fail(db_failure("custom fields", r.error()));
        }
    }
    auto created = repo.find(*id);
    if (!created || !*created) {
        return core::fail(db_failure("customer reread", created ? db::DbError{} : created.error()));
    }
    if (auto done = tx.commit(); !done) return core::fail(db_failure("commit", done.error()));
    return customer_response(sf, ctx, **created, staff ? Audience::kStaff : Audience::kCustomer,
                             201);
}

}  // namespace cartpress::plugins::storefront
