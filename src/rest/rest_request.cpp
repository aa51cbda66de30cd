#include <cartpress/rest/rest_request.hpp>
#include <charconv>

namespace cartpress::rest {

RestRequest::RestRequest(const http::Request& http, std::string method, std::string route)
    : http_(http), method_(std::move(method)), route_(std::move(route)) {
    body_params_.SetObject();
    query_params_.SetObject();
    url_params_.SetObject();
    defaults_.SetObject();
    sanitized_.SetObject();
}

const json::Value* RestRequest::find(const json::Value& object, std::string_view name) {
    if (!object.IsObject()) return nullptr;
    for (const auto& m : object.GetObject()) {
        if (json::view(m.name) == name) return &m.value;
    }
    return nullptr;
}

const json::Value* RestRequest::param(std::string_view name) const {
    for (const json::Value* source : {static_cast<const json::Value*>(&sanitized_),
                                      static_cast<const json::Value*>(&json_body_),
                                      static_cast<const json::Value*>(&body_params_),
                                      static_cast<const json::Value*>(&query_params_),
                                      static_cast<const json::Value*>(&url_params_),
                                      static_cast<const json::Value*>(&defaults_)}) {
        if (const auto* v = find(*source, name)) return v;
    }
    return nullptr;
}

std::optional<std::string> RestRequest::string_param(std::string_view name) const {
    const auto* v = param(name);
    if (!v) return std::nullopt;
    if (v->IsString()) return std::string(json::view(*v));
    if (v->IsInt64()) return std::to_string(v->GetInt64());
    if (v->IsUint64()) return std::to_string(v->GetUint64());
    if (v->IsBool()) return v->GetBool() ? "1" : "";
    return std::nullopt;
}

std::optional<std::int64_t> RestRequest::int_param(std::string_view name) const {
    const auto* v = param(name);
    if (!v) return std::nullopt;
    if (v->IsInt64()) return v->GetInt64();
    if (v->IsString()) {
        std::string_view s = json::view(*v);
        std::int64_t out = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        if (ec == std::errc() && p == s.data() + s.size() && !s.empty()) return out;
    }
    return std::nullopt;
}

void RestRequest::set_url_param(std::string_view name, std::string_view value) {
    auto& a = url_params_.GetAllocator();
    url_params_.AddMember(json::str(name, a), json::str(value, a), a);
}

void RestRequest::set_default(std::string_view name, const json::Value& value) {
    auto& a = defaults_.GetAllocator();
    defaults_.AddMember(json::str(name, a), json::Value(value, a), a);
}

void RestRequest::set_sanitized(std::string_view name, json::Value value) {
    auto& a = sanitized_.GetAllocator();
    json::Value copy(value, a);
    for (auto& m : sanitized_.GetObject()) {
        if (json::view(m.name) == name) {
            m.value = std::move(copy);
            return;
        }
    }
    sanitized_.AddMember(json::str(name, a), copy, a);
}

}  // namespace cartpress::rest
