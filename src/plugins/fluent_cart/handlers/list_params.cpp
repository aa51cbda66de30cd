#include "handlers/list_params.hpp"

#include <cartpress/json/json_writer.hpp>

namespace cartpress::plugins::fluent_cart {

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

void refuse_scopes(const rest::RestRequest& request, std::vector<InvalidParam>& bad) {
    if (empty_value(request.param("scopes"))) return;
    bad.push_back(
        {"scopes", "scopes", "rest_too_many_items", "scopes must contain at most 0 items."});
}

std::string_view sort_column(const std::optional<std::string>& requested, ColumnList columns,
                             std::initializer_list<std::string_view> not_sortable) {
    if (php_empty(requested)) return "id";
    for (const auto& c : columns) {
        if (c.name == *requested &&
            std::find(not_sortable.begin(), not_sortable.end(), c.name) == not_sortable.end()) {
            return c.name;
        }
    }
    return "id";
}

bool empty_value(const json::Value* v) {
    return !v || v->IsNull() || (v->IsString() && v->GetStringLength() == 0) ||
           (v->IsArray() && v->Empty()) || (v->IsObject() && v->MemberCount() == 0);
}

}  // namespace cartpress::plugins::fluent_cart
