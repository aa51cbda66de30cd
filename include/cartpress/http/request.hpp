#pragma once

#include <cartpress/core/result.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cartpress::http {

enum class BodyError { kTooLarge, kReadFailed };

// One HTTP request as the web server hands it over (CGI/FastCGI parameters + body).
// FcgiRequest is the production implementation; tests use FakeRequest.
class Request {
public:
    virtual ~Request() = default;

    // A server parameter such as REQUEST_METHOD, QUERY_STRING or HTTP_AUTHORIZATION.
    virtual std::optional<std::string_view> param(std::string_view name) const = 0;

    // Reads the whole body once; more than max_bytes gives kTooLarge without reading further.
    virtual core::Result<std::string, BodyError> read_body(std::size_t max_bytes) = 0;

    std::string_view param_or_empty(std::string_view name) const {
        return param(name).value_or(std::string_view{});
    }
};

}  // namespace cartpress::http
