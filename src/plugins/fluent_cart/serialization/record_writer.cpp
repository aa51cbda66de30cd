#include "serialization/record_writer.hpp"

#include <cartpress/json/json_reader.hpp>
#include <charconv>
#include <stdexcept>

#include "serialization/dates.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

json::Value string_or_null(const std::optional<std::string>& v, json::Allocator& a) {
    if (!v) return json::Value();
    return json::str(*v, a);
}

json::Value integer_or_null(const std::optional<std::string>& v, json::Allocator& a) {
    if (!v) return json::Value();
    std::int64_t i = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), i);
    if (ec == std::errc() && p == v->data() + v->size()) return json::Value(i);
    return json::str(*v, a);
}

json::Value number_or_null(const std::optional<std::string>& v, json::Allocator& a) {
    if (!v) return json::Value();
    std::int64_t i = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), i);
    if (ec == std::errc() && p == v->data() + v->size()) return json::Value(i);
    double d = 0;
    auto [q, ec2] = std::from_chars(v->data(), v->data() + v->size(), d);
    if (ec2 == std::errc() && q == v->data() + v->size()) return json::Value(d);
    return json::str(*v, a);
}

bool decode(const std::string& text, json::Document& out) {
    return json::decode(text, out).has_value();
}

// The document's root, moved out: parsed with the response's allocator (json::Document d(&a)),
// its values already live there and need no copy.
json::Value take(json::Document& d) {
    json::Value out;
    out.Swap(d);
    return out;
}

}  // namespace

json::Value json_column(const std::optional<std::string>& text, json::Allocator& a) {
    if (!text || text->empty()) return json::Value(rapidjson::kArrayType);
    json::Document d(&a);
    if (!decode(*text, d)) return json::Value();  // what json_decode gives FluentCart's cast
    if ((d.IsObject() && d.MemberCount() == 0) || (d.IsArray() && d.Empty())) {
        return json::Value(rapidjson::kArrayType);
    }
    return take(d);
}

json::Value json_or_text(const std::optional<std::string>& text, json::Allocator& a) {
    if (!text) return json::Value();
    if (text->empty() || *text == "0") return json::str(*text, a);
    json::Document d(&a);
    if (!decode(*text, d) || d.IsNull()) return json::str(*text, a);
    if (d.IsObject() && d.MemberCount() == 0) return json::Value(rapidjson::kArrayType);
    return take(d);
}

void write_record(json::Value& object, ColumnList columns, const Record& record,
                  json::Allocator& a) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto& column = columns[i];
        const auto& v = record.at(i);
        json::Value value;
        switch (column.type) {
            case ColumnType::kString:
            case ColumnType::kRaw:
                value = string_or_null(v, a);
                break;
            case ColumnType::kInt:
                value = integer_or_null(v, a);
                break;
            case ColumnType::kNumber:
                value = number_or_null(v, a);
                break;
            case ColumnType::kIso: {
                auto iso = iso_datetime(v ? std::optional<std::string_view>(*v) : std::nullopt);
                value = iso ? json::str(*iso, a) : json::Value();
                break;
            }
            case ColumnType::kJson:
                value = json_column(v, a);
                break;
            case ColumnType::kJsonOrRaw:
                value = json_or_text(v, a);
                break;
            case ColumnType::kJsonOrNull:
                if (!v || v->empty()) {
                    value = json::Value();
                } else {
                    json::Document d(&a);
                    value = decode(*v, d) ? take(d) : json::str(*v, a);
                }
                break;
        }
        object.AddMember(json::Value(rapidjson::StringRef(column.name.data(), column.name.size())),
                         value, a);
    }
}

std::string text(const std::optional<std::string>& v) { return v.value_or(""); }

std::int64_t to_int(const std::optional<std::string>& v) {
    if (!v) return 0;
    try {
        return std::stoll(*v);
    } catch (const std::exception&) {
        return 0;
    }
}

const json::Value* member(const json::Value& object, const char* name) {
    if (!object.IsObject()) return nullptr;
    auto it = object.FindMember(name);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

bool truthy(const json::Value* v) {
    if (!v || v->IsNull()) return false;
    if (v->IsBool()) return v->GetBool();
    if (v->IsNumber()) return v->GetDouble() != 0;
    if (v->IsString()) {
        const auto s = json::view(*v);
        return !s.empty() && s != "0";
    }
    if (v->IsArray()) return !v->Empty();
    return v->IsObject() && v->MemberCount() > 0;
}

const std::optional<std::string>& field(ColumnList columns, const Record& record,
                                        std::string_view name) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name == name) return record.at(i);
    }
    throw std::logic_error("unknown column " + std::string(name));
}

}  // namespace cartpress::plugins::fluent_cart
