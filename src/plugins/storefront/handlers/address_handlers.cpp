#include "storefront/handlers/address_handlers.hpp"

#include <cartpress/core/utc_time.hpp>
#include <cartpress/db/transaction.hpp>

#include "storefront/errors.hpp"
#include "storefront/handlers/actor.hpp"
#include "storefront/handlers/collection.hpp"
#include "storefront/handlers/request_values.hpp"
#include "storefront/serialization/address_json.hpp"
#include "storefront/validation/address_input.hpp"
#include "storefront/validation/customer_input.hpp"

namespace cartpress::plugins::storefront {
namespace {

// The customer whose book the route names: `me` → the token's, else the URL id, with the
// permission check of spec §2 (`customers/view` to read, `customers/manage` to write).
core::Result<std::int64_t, rest::RestError> book_owner(const StorefrontContext& sf,
                                                       const rest::RestRequest& request,
                                                       rest::RequestContext& ctx, bool write) {
    auto actor = resolve_actor(request, ctx, sf);
    if (!actor) return core::fail(actor.error());
    const bool me = request.route().find("/me/") != std::string_view::npos;
    if (me) {
        if (!actor->is_customer()) return core::fail(errors::customer_token_required());
        return actor->customer_id;
    }
    const std::int64_t id = path_id(request, "id");
    if (auto refused = may_act_on(*actor, ctx, id, write ? "customers/manage" : "customers/view")) {
        return core::fail(*refused);
    }
    return id;
}

std::string route_base(const rest::RestRequest& request) {
    const std::string_view route = request.route();
    const std::size_t at = route.find("/addresses");
    return std::string(route.substr(0, at + 10));
}

// The start of every address write: the transaction has begun and the book's customer row is
// locked, so one customer's primary flags change one request at a time. `missing` when the
// customer is gone.
std::optional<rest::RestError> lock_book(AddressRepository& repo, const db::Transaction& tx,
                                         std::int64_t owner, rest::RestError missing) {
    if (!tx.started()) return db_failure("begin", tx.started().error());
    auto locked = repo.lock_customer(owner);
    if (!locked) return db_failure("customer lock", locked.error());
    if (!*locked) return missing;
    return std::nullopt;
}

rest::RestResponse address_response(const AddressRecord& a, int status = 200) {
    json::Document d;
    d.SetObject();
    static_cast<json::Value&>(d) = address_json(a, d.GetAllocator());
    return rest::RestResponse(std::move(d), status);
}

void apply(const AddressInput& in, AddressRecord& a) {
    if (in.label) a.label = *in.label;
    if (in.name) a.name = *in.name;
    if (in.company_name) a.company_name = *in.company_name;
    if (in.email) a.email = *in.email;
    if (in.phone) a.phone = *in.phone;
    if (in.address_1) a.address_1 = *in.address_1;
    if (in.address_2) a.address_2 = *in.address_2;
    if (in.city) a.city = *in.city;
    if (in.state) a.state = *in.state;
    if (in.postcode) a.postcode = *in.postcode;
    if (in.country) a.country = *in.country;
}

}  // namespace

rest::HandlerResult list_addresses(const StorefrontContext& sf, const rest::RestRequest& request,
                                   rest::RequestContext& ctx) {
    auto owner = book_owner(sf, request, ctx, false);
    if (!owner) return core::fail(owner.error());
    const Paging paging = read_paging(request);
    AddressRepository repo(ctx.db, sf.address_queries);
    auto page = repo.page(*owner, paging.per_page, paging.offset());
    if (!page) return core::fail(db_failure("address list", page.error()));
    if (page->total == 0 && !request.route().starts_with("/storefront/v1/me")) {
        auto exists = CustomerRepository(ctx.db, sf.customer_queries).identity(*owner);
        if (!exists) return core::fail(db_failure("customer read", exists.error()));
        if (!*exists) return core::fail(errors::customer_not_found());
    }
    if (auto bad = page_out_of_range(paging, page->total)) return core::fail(*bad);
    json::Document d(rapidjson::kArrayType);
    for (const auto& a : page->addresses)
        d.PushBack(address_json(a, d.GetAllocator()), d.GetAllocator());
    rest::RestResponse response(std::move(d));
    add_paging_headers(response, request, ctx, sf.rest_prefix, std::string(request.route()), paging,
                       page->total);
    return response;
}

rest::HandlerResult create_address(const StorefrontContext& sf, const rest::RestRequest& request,
                                   rest::RequestContext& ctx) {
    auto owner = book_owner(sf, request, ctx, true);
    if (!owner) return core::fail(owner.error());
    auto input = parse_address_input(body_of(request), AddressInputMode::kCreate, sf.countries);
    if (!input) return core::fail(input_error(input.error()));
    AddressRepository repo(ctx.db, sf.address_queries);
    db::Transaction tx(ctx.db, db::Isolation::kReadCommitted);
    if (auto refused = lock_book(repo, tx, *owner, errors::customer_not_found())) {
        return core::fail(*refused);
    }
    AddressRecord a;
    a.customer_id = *owner;
    a.type = *input->type;
    apply(*input, a);
    auto has_primary = repo.has_primary(*owner, a.type);
    if (!has_primary) return core::fail(db_failure("address read", has_primary.error()));
    a.is_primary = input->is_primary || !*has_primary;
    const std::string now = core::mysql_datetime(sf.clock.now_unix());
    auto id = repo.insert(a, now);
    if (!id) return core::fail(db_failure("address insert", id.error()));
    if (input->is_primary) {
        if (auto r = repo.demote_others(*owner, a.type, *id, now); !r) {
            return core::fail(db_failure("address primary", r.error()));
        }
    }
    auto stored = repo.find(*owner, *id);
    if (!stored || !*stored) {
        return core::fail(db_failure("address reread", stored ? db::DbError{} : stored.error()));
    }
    if (auto done = tx.commit(); !done) return core::fail(db_failure("commit", done.error()));
    auto response = address_response(**stored, 201);
    response.headers.push_back(
        {"Location",
         ctx.options.rest_url(sf.rest_prefix, route_base(request) + "/" + std::to_string(*id))});
    return response;
}

rest::HandlerResult get_address(const StorefrontContext& sf, const rest::RestRequest& request,
                                rest::RequestContext& ctx) {
    auto owner = book_owner(sf, request, ctx, false);
    if (!owner) return core::fail(owner.error());
    AddressRepository repo(ctx.db, sf.address_queries);
    auto found = repo.find(*owner, path_id(request, "address_id"));
    if (!found) return core::fail(db_failure("address read", found.error()));
    if (!*found) return core::fail(errors::address_not_found());
    return address_response(**found);
}

rest::HandlerResult update_address(const StorefrontContext& sf, const rest::RestRequest& request,
                                   rest::RequestContext& ctx) {
    auto owner = book_owner(sf, request, ctx, true);
    if (!owner) return core::fail(owner.error());
    auto input = parse_address_input(body_of(request), AddressInputMode::kUpdate, sf.countries);
    if (!input) return core::fail(input_error(input.error()));
    AddressRepository repo(ctx.db, sf.address_queries);
    db::Transaction tx(ctx.db, db::Isolation::kReadCommitted);
    if (auto refused = lock_book(repo, tx, *owner, errors::address_not_found())) {
        return core::fail(*refused);
    }
    auto found = repo.find(*owner, path_id(request, "address_id"), true);
    if (!found) return core::fail(db_failure("address read", found.error()));
    if (!*found) return core::fail(errors::address_not_found());
    if (auto changed = address_type_change_error(*input, (*found)->type)) {
        return core::fail(input_error({*changed}));
    }
    AddressRecord a = **found;
    apply(*input, a);
    if (input->is_primary) a.is_primary = true;
    const std::string now = core::mysql_datetime(sf.clock.now_unix());
    if (auto r = repo.update(a, now); !r) {
        return core::fail(db_failure("address update", r.error()));
    }
    if (input->is_primary) {
        if (auto r = repo.demote_others(*owner, a.type, a.id, now); !r) {
            return core::fail(db_failure("address primary", r.error()));
        }
    }
    auto stored = repo.find(*owner, a.id);
    if (!stored || !*stored) {
        return core::fail(db_failure("address reread", stored ? db::DbError{} : stored.error()));
    }
    if (auto done = tx.commit(); !done) return core::fail(db_failure("commit", done.error()));
    return address_response(**stored);
}

rest::HandlerResult delete_address(const StorefrontContext& sf, const rest::RestRequest& request,
                                   rest::RequestContext& ctx) {
    auto owner = book_owner(sf, request, ctx, true);
    if (!owner) return core::fail(owner.error());
    AddressRepository repo(ctx.db, sf.address_queries);
    db::Transaction tx(ctx.db, db::Isolation::kReadCommitted);
    if (auto refused = lock_book(repo, tx, *owner, errors::address_not_found())) {
        return core::fail(*refused);
    }
    auto found = repo.find(*owner, path_id(request, "address_id"), true);
    if (!found) return core::fail(db_failure("address read", found.error()));
    if (!*found) return core::fail(errors::address_not_found());
    if (auto r = repo.remove((*found)->id); !r) {
        return core::fail(db_failure("address delete", r.error()));
    }
    if ((*found)->is_primary) {
        if (auto r = repo.promote_latest(*owner, (*found)->type); !r) {
            return core::fail(db_failure("address primary", r.error()));
        }
    }
    if (auto done = tx.commit(); !done) return core::fail(db_failure("commit", done.error()));
    json::Document d;
    d.SetObject();
    auto& a = d.GetAllocator();
    d.AddMember("deleted", true, a);
    d.AddMember("previous", address_json(**found, a), a);
    return rest::RestResponse(std::move(d));
}

}  // namespace cartpress::plugins::storefront
