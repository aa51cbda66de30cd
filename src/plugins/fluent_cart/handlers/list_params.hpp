#pragma once

#include <algorithm>
#include <cartpress/json/rapidjson.hpp>
#include <cartpress/rest/rest_error.hpp>
#include <cartpress/rest/rest_request.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/columns.hpp"

namespace cartpress::plugins::fluent_cart {

// Reading the parameters of FluentCart's list routes (GET orders, GET customers, with[] of a
// customer): what is refused is reported as the host's argument validation reports it.

// One rejected parameter, reported as the host's argument check reports it
// (rest::errors::invalid_params).
using rest::InvalidParam;
using rest::errors::invalid_params;

// A scalar as PHP's string cast prints it; nothing for null, arrays and objects.
std::optional<std::string> scalar(const json::Value* v);

// PHP's empty() on a string.
inline bool php_empty(const std::optional<std::string>& s) { return !s || s->empty() || *s == "0"; }

// The entries of an array or a PHP map (query `a[x]=…`), with the name each is reported as.
std::vector<std::pair<std::string, const json::Value*>> entries(const std::string& name,
                                                                const json::Value& v);

// Absent, null, "", [] or {}.
bool empty_value(const json::Value* v);

// scopes[]: FluentCart calls every model scope it names (`delete` among them, spec §10 #4), so
// anything but an absent or empty value is reported in `bad`.
void refuse_scopes(const rest::RestRequest& request, std::vector<InvalidParam>& bad);

// sort_by: a column of `columns` other than `not_sortable` (FluentCart's fillable list), else
// `id`. The name returned is the list's own, so only a listed column ever reaches SQL.
std::string_view sort_column(const std::optional<std::string>& requested, ColumnList columns,
                             std::initializer_list<std::string_view> not_sortable);

// with[]: whitelisted names only (spec §10 #5), in request order without repeats, appended to
// `out`; the first name not in the list is reported in `bad` ("… is not one of <allowed>.").
template <typename Relation>
void read_with(const rest::RestRequest& request, std::optional<Relation> (*named)(std::string_view),
               const std::string& allowed, std::vector<Relation>& out,
               std::vector<InvalidParam>& bad) {
    const json::Value* with = request.param("with");
    if (empty_value(with)) return;
    auto list = with->IsString()
                    ? std::vector<std::pair<std::string, const json::Value*>>{{"with", with}}
                    : entries("with", *with);
    if (list.empty()) list.emplace_back("with", with);  // a number or a boolean
    for (const auto& [name, v] : list) {
        const auto relation = v->IsString() ? named(json::view(*v)) : std::optional<Relation>();
        if (!relation) {
            bad.push_back(
                {"with", name, "rest_not_in_enum", name + " is not one of " + allowed + "."});
            return;
        }
        if (std::find(out.begin(), out.end(), *relation) == out.end()) out.push_back(*relation);
    }
}

}  // namespace cartpress::plugins::fluent_cart
