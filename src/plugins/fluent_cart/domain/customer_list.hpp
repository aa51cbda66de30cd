#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/customer_relations.hpp"
#include "domain/order_graph.hpp"
#include "domain/order_search.hpp"
#include "domain/page_request.hpp"

namespace cartpress::plugins::fluent_cart {

// `search` of GET customers without the operator form (spec §8.1): the full name LIKE
// %escaped%, OR the id LIKE %trimmed% when the term is numeric, OR the email LIKE %trimmed%
// when the term has no space.
struct CustomerTextSearch {
    std::string trimmed;
    std::string escaped;
    bool numeric = false;
    bool has_space = false;
};

// Nothing, `id <op> value` (the operator form knows only `id` here), or the text search.
using CustomerListSearch = std::variant<std::monostate, ColumnSearch, CustomerTextSearch>;

// FluentCart's CustomerFilter on the raw `search` text: trimmed; `id <op> value` as GET orders
// reads it; any other text ("" and "0" excepted) searches names, ids and emails.
CustomerListSearch parse_customer_search(std::string_view raw);

// GET customers' parameters, read and checked (handlers/customer_list_handler.cpp). Only
// `sort_column` names SQL, and it comes from the column list.
struct CustomerListQuery {
    CustomerListSearch search;
    std::string_view sort_column = "id";
    bool ascending = false;
    PageRequest page;
    std::vector<CustomerRelation> relations;  // with[] in request order, without repeats
};

struct CustomerListPage {
    std::int64_t total = 0;
    PageRequest page;                       // the page asked for
    std::vector<CustomerRecord> customers;  // in the requested order
};

}  // namespace cartpress::plugins::fluent_cart
