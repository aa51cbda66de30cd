#include "handlers/order_list_handler.hpp"

#include <cartpress/core/strings.hpp>
#include <cartpress/db/transaction.hpp>
#include <cartpress/json/json_writer.hpp>
#include <string>
#include <vector>

#include "domain/columns.hpp"
#include "domain/order_list.hpp"
#include "handlers/db_errors.hpp"
#include "repositories/order_list_repository.hpp"
#include "serialization/order_list_serializer.hpp"
#include "serialization/paginator.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

// One rejected parameter, reported in the shape of the host's argument validation.
struct InvalidParam {
    std::string name;   // the key under data.params / data.details
    std::string param;  // what the message names, e.g. "with[1]"
    std::string code;   // rest_not_in_enum, rest_too_many_items
    std::string message;
};

rest::RestError invalid_params(const std::vector<InvalidParam>& bad) {
    std::string list;
    for (const auto& b : bad) list += (list.empty() ? "" : ", ") + b.name;
    auto e = rest::RestError::make("rest_invalid_param", "Invalid parameter(s): " + list, 400);
    auto& x = e.extra();
    auto& a = x.GetAllocator();
    json::Value params(rapidjson::kObjectType);
    json::Value details(rapidjson::kObjectType);
    for (const auto& b : bad) {
        params.AddMember(json::str(b.name, a), json::str(b.message, a), a);
        json::Value detail(rapidjson::kObjectType);
        detail.AddMember("code", json::str(b.code, a), a);
        detail.AddMember("message", json::str(b.message, a), a);
        json::Value data(rapidjson::kObjectType);
        data.AddMember("param", json::str(b.param, a), a);
        detail.AddMember("data", data, a);
        details.AddMember(json::str(b.name, a), detail, a);
    }
    x.AddMember("params", params, a);
    x.AddMember("details", details, a);
    return e;
}

// A scalar as PHP's string cast prints it; nothing for null, arrays and objects.
std::optional<std::string> scalar(const json::Value* v) {
    if (!v) return std::nullopt;
    if (v->IsString()) return std::string(json::view(*v));
    if (v->IsInt64()) return std::to_string(v->GetInt64());
    if (v->IsUint64()) return std::to_string(v->GetUint64());
    if (v->IsNumber()) return json::php_double(v->GetDouble());
    if (v->IsBool()) return v->GetBool() ? "1" : "";
    return std::nullopt;
}

// PHP's empty() on a string.
bool php_empty(const std::optional<std::string>& s) { return !s || s->empty() || *s == "0"; }

// The entries of an array or a PHP map (query `a[x]=…`), with the name each is reported as.
std::vector<std::pair<std::string, const json::Value*>> entries(const std::string& name,
                                                                const json::Value& v) {
    std::vector<std::pair<std::string, const json::Value*>> out;
    if (v.IsArray()) {
        for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
            out.emplace_back(name + "[" + std::to_string(i) + "]", &v[i]);
        }
    } else if (v.IsObject()) {
        for (const auto& m : v.GetObject()) {
            out.emplace_back(name + "[" + std::string(json::view(m.name)) + "]", &m.value);
        }
    }
    return out;
}

bool empty_value(const json::Value* v) {
    return !v || v->IsNull() || (v->IsString() && v->GetStringLength() == 0) ||
           (v->IsArray() && v->Empty()) || (v->IsObject() && v->MemberCount() == 0);
}

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
    const json::Value* with = request.param("with");
    if (empty_value(with)) return;
    std::vector<std::pair<std::string, const json::Value*>> list =
        with->IsString() ? std::vector<std::pair<std::string, const json::Value*>>{{"with", with}}
                         : entries("with", *with);
    if (list.empty()) list.emplace_back("with", with);  // a number or a boolean
    for (const auto& [name, v] : list) {
        const auto relation =
            v->IsString() ? relation_named(json::view(*v)) : std::optional<OrderRelation>();
        if (!relation) {
            bad.push_back({"with", name, "rest_not_in_enum",
                           name + " is not one of " + relation_list() + "."});
            return;
        }
        if (std::find(q.relations.begin(), q.relations.end(), *relation) == q.relations.end()) {
            q.relations.push_back(*relation);
        }
    }
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

// sort_by: FluentCart's fillable columns, i.e. every order column but id and updated_at.
std::string_view sort_column(const std::optional<std::string>& requested) {
    if (php_empty(requested)) return "id";
    for (const auto& c : kOrderColumns) {
        if (c.name == *requested && c.name != "id" && c.name != "updated_at") return c.name;
    }
    return "id";
}

core::Result<OrderListQuery, rest::RestError> read_query(const rest::RestRequest& request) {
    OrderListQuery q;
    std::vector<InvalidParam> bad;
    read_relations(request, q, bad);
    // scopes[] would call arbitrary model scopes in FluentCart (`delete` among them): refused.
    if (const json::Value* scopes = request.param("scopes"); !empty_value(scopes)) {
        bad.push_back(
            {"scopes", "scopes", "rest_too_many_items", "scopes must contain at most 0 items."});
    }
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
    q.sort_column = sort_column(scalar(request.param("sort_by")));
    q.ascending = core::ascii_lower(scalar(request.param("sort_type")).value_or("")) == "asc";
    q.page = page_request(request.param("page"), request.param("per_page"));
    return q;
}

}  // namespace

rest::HandlerResult list_orders(const FluentCartContext& fc, const rest::RestRequest& request,
                                rest::RequestContext& ctx) {
    auto query = read_query(request);
    if (!query) return core::fail(query.error());

    // One read-only transaction: the count, the page and its relations see one snapshot.
    db::Transaction tx(ctx.db);
    if (!tx.started()) return core::fail(db_failure(tx.started().error(), ctx));
    auto repository = make_mariadb_order_list_repository(ctx.db, fc.order_list_queries);
    auto page = repository->list(*query);
    if (!page) return core::fail(db_failure(page.error(), ctx));
    if (auto committed = tx.commit(); !committed) {
        return core::fail(db_failure(committed.error(), ctx));
    }

    const SerializeContext sctx{
        fc.countries, StoreCurrency::from_settings(ctx.options.fluent_cart_store_settings),
        ctx.options};
    const std::string path =
        paginator_path(ctx.options.siteurl, request.http().param_or_empty("REQUEST_URI"));
    return rest::RestResponse(serialize_order_list(*page, *query, path, sctx));
}

}  // namespace cartpress::plugins::fluent_cart
