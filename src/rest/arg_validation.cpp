#include <cartpress/json/json_reader.hpp>
#include <cartpress/json/json_writer.hpp>
#include <cartpress/rest/arg_validation.hpp>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace cartpress::rest {
namespace {

// PHP's is_numeric() for strings: optional whitespace, sign, digits, fraction, exponent.
std::optional<double> php_numeric(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' ||
                          s.front() == '\r' || s.front() == '\v' || s.front() == '\f')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' ||
                          s.back() == '\r' || s.back() == '\v' || s.back() == '\f')) {
        s.remove_suffix(1);
    }
    if (s.empty()) return std::nullopt;
    std::string_view digits = s;
    if (digits.front() == '+' || digits.front() == '-') digits.remove_prefix(1);
    if (digits.empty() ||
        !(std::isdigit(static_cast<unsigned char>(digits.front())) || digits.front() == '.')) {
        return std::nullopt;  // no "inf", "nan" or hex
    }
    double out = 0;
    const char* first = s.data() + (s.front() == '+' ? 1 : 0);
    auto [p, ec] = std::from_chars(first, s.data() + s.size(), out);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return out;
}

std::optional<double> numeric_value(const json::Value& v) {
    if (v.IsNumber()) return v.GetDouble();
    if (v.IsString()) return php_numeric(json::view(v));
    return std::nullopt;
}

// rest_sanitize_boolean / rest_is_boolean.
std::optional<bool> boolean_value(const json::Value& v) {
    if (v.IsBool()) return v.GetBool();
    if (v.IsInt64()) {
        if (v.GetInt64() == 0) return false;
        if (v.GetInt64() == 1) return true;
        return std::nullopt;
    }
    if (v.IsString()) {
        std::string s(json::view(v));
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (s == "true" || s == "1") return true;
        if (s == "false" || s == "0") return false;
    }
    return std::nullopt;
}

std::string scalar_text(const json::Value& v) {
    if (v.IsString()) return std::string(json::view(v));
    if (v.IsInt64()) return std::to_string(v.GetInt64());
    if (v.IsBool()) return v.GetBool() ? "1" : "";
    if (v.IsNumber()) return json::php_double(v.GetDouble());
    return {};
}

struct Invalid {
    std::string code;
    std::string message;
};

std::optional<Invalid> check(const ArgSpec& arg, const json::Value& v) {
    const auto type_error = [&]() {
        return Invalid{"rest_invalid_type",
                       arg.name + " is not of type " + std::string(arg_type_name(arg.type)) + "."};
    };
    switch (arg.type) {
        case ArgType::kAny:
            break;
        case ArgType::kInteger: {
            auto n = numeric_value(v);
            if (!n || std::round(*n) != *n) return type_error();
            break;
        }
        case ArgType::kNumber:
            if (!numeric_value(v)) return type_error();
            break;
        case ArgType::kBoolean:
            if (!boolean_value(v)) return type_error();
            break;
        case ArgType::kString:
            if (!v.IsString()) return type_error();
            break;
        case ArgType::kArray:
            if (!v.IsArray() && !v.IsString()) return type_error();
            break;
        case ArgType::kObject:
            if (!v.IsObject() && !(v.IsString() && v.GetStringLength() == 0) &&
                !(v.IsArray() && v.Empty())) {
                return type_error();
            }
            break;
    }
    if (!arg.enum_values.empty()) {
        const std::string text = scalar_text(v);
        bool found = false;
        for (const auto& e : arg.enum_values) found = found || e == text;
        if (!found) {
            std::string list;
            for (const auto& e : arg.enum_values) list += (list.empty() ? "" : ", ") + e;
            return Invalid{"rest_not_in_enum", arg.name + " is not one of " + list + "."};
        }
    }
    if (arg.minimum || arg.maximum) {
        if (auto n = numeric_value(v)) {
            if (arg.minimum && *n < static_cast<double>(*arg.minimum)) {
                return Invalid{
                    "rest_out_of_bounds",
                    arg.name + " must be greater than or equal to " + std::to_string(*arg.minimum)};
            }
            if (arg.maximum && *n > static_cast<double>(*arg.maximum)) {
                return Invalid{"rest_out_of_bounds", arg.name + " must be less than or equal to " +
                                                         std::to_string(*arg.maximum)};
            }
        }
    }
    return std::nullopt;
}

// The sanitized value, or nothing when the raw value is kept.
std::optional<json::Value> sanitize(const ArgSpec& arg, const json::Value& v, json::Allocator& a) {
    switch (arg.type) {
        case ArgType::kInteger:
            if (!v.IsInt64()) {
                return json::Value(static_cast<std::int64_t>(numeric_value(v).value_or(0)));
            }
            return std::nullopt;
        case ArgType::kNumber:
            if (v.IsString()) return json::Value(numeric_value(v).value_or(0));
            return std::nullopt;
        case ArgType::kBoolean:
            return json::Value(boolean_value(v).value_or(false));
        case ArgType::kArray:
            if (v.IsString()) {  // wp_parse_list: "a, b c" → ["a","b","c"]
                json::Value list(rapidjson::kArrayType);
                std::string_view s = json::view(v);
                std::size_t pos = 0;
                while (pos < s.size()) {
                    std::size_t end = s.find_first_of(", \t\n\r", pos);
                    if (end == std::string_view::npos) end = s.size();
                    if (end > pos) list.PushBack(json::str(s.substr(pos, end - pos), a), a);
                    pos = end + 1;
                }
                return list;
            }
            return std::nullopt;
        default:
            return std::nullopt;
    }
}

}  // namespace

std::string_view arg_type_name(ArgType type) {
    switch (type) {
        case ArgType::kString:
            return "string";
        case ArgType::kInteger:
            return "integer";
        case ArgType::kNumber:
            return "number";
        case ArgType::kBoolean:
            return "boolean";
        case ArgType::kArray:
            return "array";
        case ArgType::kObject:
            return "object";
        case ArgType::kAny:
            break;
    }
    return "mixed";
}

std::optional<RestError> validate_args(const std::vector<ArgSpec>& args, RestRequest& request) {
    for (const auto& arg : args) {
        if (arg.default_json && !request.has_param(arg.name)) {
            json::Document d;
            if (json::decode(*arg.default_json, d)) request.set_default(arg.name, d);
        }
    }

    std::vector<std::string> missing;
    for (const auto& arg : args) {
        if (arg.required && !request.has_param(arg.name)) missing.push_back(arg.name);
    }
    if (!missing.empty()) return errors::missing_params(missing);

    std::vector<InvalidParam> invalid;
    for (const auto& arg : args) {
        const auto* v = request.param(arg.name);
        if (!v) continue;
        if (auto bad = check(arg, *v)) {
            invalid.push_back({arg.name, arg.name, std::move(bad->code), std::move(bad->message)});
        }
    }
    if (!invalid.empty()) return errors::invalid_params(invalid);

    for (const auto& arg : args) {
        const auto* v = request.param(arg.name);
        if (!v) continue;
        json::Document scratch;
        if (auto clean = sanitize(arg, *v, scratch.GetAllocator())) {
            request.set_sanitized(arg.name, std::move(*clean));
        }
    }
    return std::nullopt;
}

}  // namespace cartpress::rest
