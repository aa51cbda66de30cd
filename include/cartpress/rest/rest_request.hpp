#pragma once

#include <cartpress/http/request.hpp>
#include <cartpress/json/rapidjson.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cartpress::rest {

// A REST request after routing: method (override applied), route string and the parameter
// sources WordPress keeps apart. param() resolves them with WordPress's precedence:
// sanitized > JSON body > form body > query string > URL captures > declared defaults.
class RestRequest {
public:
    RestRequest(const http::Request& http, std::string method, std::string route);
    RestRequest(const RestRequest&) = delete;
    RestRequest& operator=(const RestRequest&) = delete;

    std::string_view method() const { return method_; }
    std::string_view route() const { return route_; }
    const http::Request& http() const { return http_; }
    // A request header by its CGI name, e.g. "HTTP_ORIGIN".
    std::optional<std::string_view> server_param(std::string_view name) const {
        return http_.param(name);
    }

    const json::Value* param(std::string_view name) const;
    bool has_param(std::string_view name) const { return param(name) != nullptr; }
    // A scalar parameter as text (numbers and booleans converted as PHP's string cast does).
    std::optional<std::string> string_param(std::string_view name) const;
    // An integer parameter, from a JSON number or a string of digits.
    std::optional<std::int64_t> int_param(std::string_view name) const;

    // The JSON body when it was parsed as JSON (null otherwise).
    const json::Value& json_body() const { return json_body_; }
    const json::Value& body_params() const { return body_params_; }
    const json::Value& query_params() const { return query_params_; }
    const json::Value& url_params() const { return url_params_; }

    // Used by the dispatcher while it builds the request.
    json::Document& mutable_json_body() { return json_body_; }
    json::Document& mutable_body_params() { return body_params_; }
    json::Document& mutable_query_params() { return query_params_; }
    void set_url_param(std::string_view name, std::string_view value);
    void set_default(std::string_view name, const json::Value& value);
    void set_sanitized(std::string_view name, json::Value value);

private:
    static const json::Value* find(const json::Value& object, std::string_view name);

    const http::Request& http_;
    std::string method_;
    std::string route_;
    json::Document json_body_;
    json::Document body_params_;
    json::Document query_params_;
    json::Document url_params_;
    json::Document defaults_;
    json::Document sanitized_;
};

}  // namespace cartpress::rest
