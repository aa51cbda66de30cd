#pragma once

#include <cartpress/http/response.hpp>
#include <cartpress/json/rapidjson.hpp>
#include <vector>

namespace cartpress::rest {

// What a handler returns on success: the data (a JSON value), its status and the headers the
// handler sets itself (pagination, Location). The dispatcher adds WordPress's headers.
struct RestResponse {
    int status = 200;
    json::Document data;  // null data with status 204 sends no body
    std::vector<http::Header> headers;

    RestResponse() = default;
    explicit RestResponse(json::Document d, int s = 200) : status(s), data(std::move(d)) {}
    RestResponse(RestResponse&&) = default;
    RestResponse& operator=(RestResponse&&) = default;
};

}  // namespace cartpress::rest
