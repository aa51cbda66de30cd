#include "handlers/customer_list_handler.hpp"

#include <cartpress/core/strings.hpp>
#include <cartpress/db/transaction.hpp>
#include <string>
#include <vector>

#include "domain/columns.hpp"
#include "domain/customer_list.hpp"
#include "handlers/db_errors.hpp"
#include "handlers/handler_support.hpp"
#include "handlers/list_params.hpp"
#include "repositories/customer_list_repository.hpp"
#include "repositories/customer_relations_repository.hpp"
#include "serialization/customer_serializer.hpp"
#include "serialization/paginator.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

core::Result<CustomerListQuery, rest::RestError> read_query(const rest::RestRequest& request) {
    CustomerListQuery q;
    std::vector<InvalidParam> bad;
    read_with<CustomerRelation>(request, customer_relation_named, customer_relation_list(),
                                q.relations, bad);
    refuse_scopes(request, bad);
    if (!bad.empty()) return core::fail(invalid_params(bad));
    q.search = parse_customer_search(scalar(request.param("search")).value_or(""));
    // FluentCart's fillable customer columns: all but id, created_at and updated_at (§8.1).
    q.sort_column = sort_column(scalar(request.param("sort_by")), kCustomerColumns,
                                {"id", "created_at", "updated_at"});
    q.ascending = core::ascii_lower(scalar(request.param("sort_type")).value_or("")) == "asc";
    q.page = page_request(request.param("page"), request.param("per_page"));
    return q;
}

}  // namespace

rest::HandlerResult list_customers(const FluentCartContext& fc, const rest::RestRequest& request,
                                   rest::RequestContext& ctx) {
    auto query = read_query(request);
    if (!query) return core::fail(query.error());

    // One read-only transaction: the count, the page and its relations see one snapshot.
    db::Transaction tx(ctx.db);
    if (!tx.started()) return core::fail(db_failure(tx.started().error(), ctx));
    auto repository = make_mariadb_customer_list_repository(ctx.db, fc.customer_list_queries);
    auto page = repository->list(*query);
    if (!page) return core::fail(db_failure(page.error(), ctx));
    std::vector<std::int64_t> ids;
    for (const auto& c : page->customers) {
        if (auto id = to_id(c.customer[0])) ids.push_back(*id);
    }
    auto loaded =
        load_customer_relations(ctx.db, fc.customer_relation_queries, ids, query->relations);
    if (!loaded) return core::fail(db_failure(loaded.error(), ctx));
    if (auto committed = tx.commit(); !committed) {
        return core::fail(db_failure(committed.error(), ctx));
    }
    const std::string path =
        paginator_path(ctx.options.siteurl, request.http().param_or_empty("REQUEST_URI"));
    return rest::RestResponse(serialize_customer_list(*page, query->relations, *loaded, path,
                                                      serialize_context(fc, ctx)));
}

}  // namespace cartpress::plugins::fluent_cart
