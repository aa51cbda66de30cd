#include "handlers/order_list_handler.hpp"

#include <cartpress/core/strings.hpp>
#include <cartpress/db/transaction.hpp>
#include <cartpress/json/json_writer.hpp>
#include <string>
#include <vector>

#include "domain/columns.hpp"
#include "domain/order_list.hpp"
#include "handlers/db_errors.hpp"
#include "handlers/handler_support.hpp"
#include "handlers/list_params.hpp"
#include "repositories/order_list_repository.hpp"
#include "serialization/order_list_serializer.hpp"
#include "serialization/paginator.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

std::string relation_list() {
    std::string out;
    for (const auto r : {OrderRelation::kCustomer, OrderRelation::kCustomerPrimaryBillingAddress,
                         OrderRelation::kCustomerPrimaryShippingAddress, OrderRelation::kOrderItems,
                         OrderRelation::kTransactions, OrderRelation::kOrderAddresses,
                         OrderRelation::kBillingAddress, OrderRelation::kShippingAddress,
                         OrderRelation::kLabels, OrderRelation::kSubscriptions}) {
        out += (out.empty() ? "" : ", ") + std::string(relation_name(r));
    }
    return out;
}

// with[]: whitelisted names only (spec §10 #5), in request order without repeats.
void read_relations(const rest::RestRequest& request, OrderListQuery& q,
                    std::vector<InvalidParam>& bad) {
    read_with<OrderRelation>(request, relation_named, relation_list(), q.relations, bad);
}

// A list filter's values, without repeats. `split_commas`: a plain string is a comma-separated
// list (FluentCart's include_ids); otherwise it is one value, and "" or "0" none.
std::vector<std::string> read_list(const rest::RestRequest& request, const std::string& name,
                                   bool split_commas, std::vector<InvalidParam>& bad) {
    std::vector<std::string> values;
    const auto add = [&](std::string value) {
        if (std::find(values.begin(), values.end(), value) == values.end()) {
            values.push_back(std::move(value));
        }
    };
    const json::Value* v = request.param(name);
    if (!v || v->IsNull()) return values;
    if (v->IsArray() || v->IsObject()) {
        for (const auto& [entry_name, entry] : entries(name, *v)) {
            if (auto text = scalar(entry)) add(std::move(*text));
        }
    } else if (auto text = scalar(v)) {
        if (split_commas) {
            std::size_t start = 0;
            for (;;) {
                const auto comma = text->find(',', start);
                add(text->substr(start, comma - start));
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
        } else if (!php_empty(text)) {
            add(std::move(*text));
        }
    }
    if (values.size() > kMaxListValues) {
        const std::string limit = std::to_string(kMaxListValues);
        bad.push_back({name, name, "rest_too_many_items",
                       name + " must contain at most " + limit + " items."});
        values.clear();
    }
    return values;
}

OrderView view_of(std::string_view tab) {
    if (tab == "on-hold" || tab == "completed" || tab == "processing") return OrderView::kStatus;
    if (tab == "paid" || tab == "refunded" || tab == "partially_refunded") {
        return OrderView::kPaymentStatus;
    }
    if (tab == "renewal" || tab == "subscription" || tab == "onetime") return OrderView::kType;
    if (tab == "upgraded_to") return OrderView::kUpgradedTo;
    if (tab == "upgraded_from") return OrderView::kUpgradedFrom;
    return OrderView::kNone;
}

core::Result<OrderListQuery, rest::RestError> read_query(const rest::RestRequest& request) {
    OrderListQuery q;
    std::vector<InvalidParam> bad;
    read_relations(request, q, bad);
    refuse_scopes(request, bad);
    q.payment_statuses = read_list(request, "payment_statuses", false, bad);
    q.order_statuses = read_list(request, "order_statuses", false, bad);
    q.shipping_statuses = read_list(request, "shipping_statuses", false, bad);
    q.include_ids = read_list(request, "include_ids", true, bad);
    if (!bad.empty()) return core::fail(invalid_params(bad));

    if (const json::Value* type = request.param("filter_type"); type && !type->IsNull()) {
        q.simple_filters = scalar(type) == std::optional<std::string>("simple");
    }
    if (const auto tab = scalar(request.param("active_view")); !php_empty(tab)) {
        q.view = view_of(*tab);
        q.view_value = *tab;
    }
    const std::string search = scalar(request.param("search")).value_or("");
    q.search = parse_order_search(search);
    q.search_given = !search.empty();
    // FluentCart's fillable columns: every order column but id and updated_at.
    q.sort_column =
        sort_column(scalar(request.param("sort_by")), kOrderColumns, {"id", "updated_at"});
    q.ascending = core::ascii_lower(scalar(request.param("sort_type")).value_or("")) == "asc";
    q.page = page_request(request.param("page"), request.param("per_page"));
    return q;
}

}  // namespace

namespace {

rest::HandlerResult list(const FluentCartContext& fc, const rest::RestRequest& request,
                         rest::RequestContext& ctx, std::optional<std::int64_t> customer_id) {
    auto query = read_query(request);
    if (!query) return core::fail(query.error());
    query->customer_id = customer_id;

    // One read-only transaction: the count, the page and its relations see one snapshot.
    db::Transaction tx(ctx.db);
    if (!tx.started()) return core::fail(db_failure(tx.started().error(), ctx));
    auto repository = make_mariadb_order_list_repository(ctx.db, fc.order_list_queries);
    auto page = repository->list(*query);
    if (!page) return core::fail(db_failure(page.error(), ctx));
    if (auto committed = tx.commit(); !committed) {
        return core::fail(db_failure(committed.error(), ctx));
    }
    const std::string path =
        paginator_path(ctx.options.siteurl, request.http().param_or_empty("REQUEST_URI"));
    return rest::RestResponse(
        serialize_order_list(*page, *query, path, serialize_context(fc, ctx)));
}

}  // namespace

rest::HandlerResult list_orders(const FluentCartContext& fc, const rest::RestRequest& request,
                                rest::RequestContext& ctx) {
    return list(fc, request, ctx, std::nullopt);
}

rest::HandlerResult list_customer_orders(const FluentCartContext& fc,
                                         const rest::RestRequest& request,
                                         rest::RequestContext& ctx) {
    // No existence check (spec §8.5): an unknown customer has an empty page.
    return list(fc, request, ctx, url_id(request, "customerId").value_or(0));
}

}  // namespace cartpress::plugins::fluent_cart
