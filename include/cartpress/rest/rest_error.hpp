#pragma once

#include <cartpress/http/response.hpp>
#include <cartpress/json/rapidjson.hpp>
#include <memory>
#include <string>
#include <vector>

namespace cartpress::rest {

// A REST error as a value: {code, message, data:{status, ...extra}} on the wire.
// `internal` is for the log line only and never reaches a body.
struct RestError {
    std::string code;
    std::string message;
    int status = 500;
    // Members appended to `data` after `status` (e.g. json_error_code, params).
    std::shared_ptr<json::Document> data_extra;
    // A plugin's own body shape (FluentCart's 422 bags, 423 {"message":…}) sent as is.
    std::shared_ptr<json::Document> raw_body;
    std::vector<http::Header> headers;
    std::string internal;
    bool omit_data = false;  // rest_callback_invalid/disabled have no `data` key

    static RestError make(std::string code, std::string message, int status) {
        RestError e;
        e.code = std::move(code);
        e.message = std::move(message);
        e.status = status;
        return e;
    }
    // Creates data_extra on first use and returns it, ready for AddMember.
    json::Document& extra();
};

// One rejected parameter: the key under data.params / data.details, what the detail names
// (data.details.<name>.data.param, e.g. "with[1]"), WordPress's code (rest_invalid_type,
// rest_not_in_enum, rest_out_of_bounds, rest_invalid_param, …) and the message.
struct InvalidParam {
    std::string name;
    std::string param;
    std::string code;
    std::string message;
};

// The catalogue of wordpress-rest.md §5.2 (exact texts).
namespace errors {
// 400 rest_invalid_param "Invalid parameter(s): a, b" with data.params {name: message} and
// data.details {name: {code, message, data: {param}}}, as WordPress's argument check writes it.
RestError invalid_params(const std::vector<InvalidParam>& bad);
// 400 rest_missing_callback_param "Missing parameter(s): a, b" with data.params [names].
RestError missing_params(const std::vector<std::string>& names);
RestError no_route();
RestError forbidden(bool authenticated);
RestError invalid_json(int php_code, const std::string& php_message);
RestError body_too_large();
RestError invalid_utf8();
RestError db_unavailable();
RestError internal(const std::string& request_id, std::string internal_detail);
RestError too_many_auth_failures(long retry_after_seconds);
RestError encode_error(const std::string& php_message);
}  // namespace errors

}  // namespace cartpress::rest
