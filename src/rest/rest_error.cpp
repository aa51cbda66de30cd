#include <cartpress/rest/rest_error.hpp>

namespace cartpress::rest {

json::Document& RestError::extra() {
    if (!data_extra) {
        data_extra = std::make_shared<json::Document>();
        data_extra->SetObject();
    }
    return *data_extra;
}

namespace errors {

RestError no_route() {
    return RestError::make("rest_no_route",
                           "No route was found matching the URL and request method.", 404);
}

RestError invalid_params(const std::vector<InvalidParam>& bad) {
    std::string list;
    for (const auto& b : bad) list += (list.empty() ? "" : ", ") + b.name;
    auto e = RestError::make("rest_invalid_param", "Invalid parameter(s): " + list, 400);
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

RestError missing_params(const std::vector<std::string>& names) {
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    auto e = RestError::make("rest_missing_callback_param", "Missing parameter(s): " + list, 400);
    auto& x = e.extra();
    auto& a = x.GetAllocator();
    json::Value params(rapidjson::kArrayType);
    for (const auto& n : names) params.PushBack(json::str(n, a), a);
    x.AddMember("params", params, a);
    return e;
}

RestError forbidden(bool authenticated) {
    // WordPress: 403 when someone is logged in, 401 when nobody is (§11.12).
    return RestError::make("rest_forbidden", "Sorry, you are not allowed to do that.",
                           authenticated ? 403 : 401);
}

RestError invalid_json(int php_code, const std::string& php_message) {
    auto e = RestError::make("rest_invalid_json", "Invalid JSON body passed.", 400);
    auto& x = e.extra();
    x.AddMember("json_error_code", php_code, x.GetAllocator());
    x.AddMember("json_error_message", json::str(php_message, x.GetAllocator()), x.GetAllocator());
    return e;
}

RestError body_too_large() {
    return RestError::make("cartpress_body_too_large", "The request body is too large.", 413);
}

RestError invalid_utf8() {
    return RestError::make("cartpress_invalid_utf8",
                           "The request contains text that is not valid UTF-8.", 400);
}

RestError db_unavailable() {
    auto e = RestError::make("cartpress_db_unavailable", "The database is temporarily unavailable.",
                             503);
    e.headers.push_back({"Retry-After", "5"});
    return e;
}

RestError internal(const std::string& request_id, std::string internal_detail) {
    auto e = RestError::make("cartpress_internal_error", "An internal error occurred.", 500);
    auto& x = e.extra();
    x.AddMember("request_id", json::str(request_id, x.GetAllocator()), x.GetAllocator());
    e.internal = std::move(internal_detail);
    return e;
}

RestError too_many_auth_failures(long retry_after_seconds) {
    auto e = RestError::make("cartpress_too_many_auth_failures",
                             "Too many failed login attempts. Please try again later.", 429);
    e.headers.push_back({"Retry-After", std::to_string(retry_after_seconds)});
    return e;
}

RestError encode_error(const std::string& php_message) {
    return RestError::make("rest_encode_error", php_message, 500);
}

}  // namespace errors
}  // namespace cartpress::rest
