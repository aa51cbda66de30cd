#include "fcgi_request.hpp"

#include <fcgiapp.h>

#include <charconv>
#include <cstring>

namespace cartpress::fcgi {

FcgiRequest::FcgiRequest(FCGX_Request& request) : request_(request) {
    for (char** env = request.envp; env && *env; ++env) {
        const char* eq = std::strchr(*env, '=');
        if (!eq) continue;
        params_.emplace(std::string(*env, static_cast<std::size_t>(eq - *env)),
                        std::string(eq + 1));
    }
}

std::optional<std::string_view> FcgiRequest::param(std::string_view name) const {
    auto it = params_.find(std::string(name));
    if (it == params_.end()) return std::nullopt;
    return std::string_view(it->second);
}

core::Result<std::string, http::BodyError> FcgiRequest::read_body(std::size_t max_bytes) {
    if (body_read_) return std::string();
    body_read_ = true;
    std::string body;
    std::size_t expected = 0;
    bool has_length = false;
    if (auto len = param("CONTENT_LENGTH"); len && !len->empty()) {
        auto [p, ec] = std::from_chars(len->data(), len->data() + len->size(), expected);
        has_length = ec == std::errc() && p == len->data() + len->size();
        if (has_length && expected > max_bytes) return core::fail(http::BodyError::kTooLarge);
    }
    char buffer[16384];
    // With no CONTENT_LENGTH, read to EOF (chunked uploads through nginx arrive that way).
    while (!has_length || body.size() < expected) {
        std::size_t want = sizeof buffer;
        if (has_length) want = std::min(want, expected - body.size());
        const int n = FCGX_GetStr(buffer, static_cast<int>(want), request_.in);
        if (n <= 0) break;
        body.append(buffer, static_cast<std::size_t>(n));
        if (body.size() > max_bytes) return core::fail(http::BodyError::kTooLarge);
    }
    return body;
}

bool read_to_end(FCGX_Request& request) {
    char sink[4096];
    for (int chunks = 0; chunks < 16; ++chunks) {
        if (FCGX_GetStr(sink, sizeof sink, request.in) < static_cast<int>(sizeof sink)) {
            return FCGX_HasSeenEOF(request.in) == EOF;
        }
    }
    return false;
}

bool write_response(FCGX_Request& request, const http::Response& response) {
    const std::string head = http::serialize_head(response);
    if (FCGX_PutStr(head.data(), static_cast<int>(head.size()), request.out) < 0) return false;
    if (response.send_body && !response.body.empty()) {
        if (FCGX_PutStr(response.body.data(), static_cast<int>(response.body.size()), request.out) <
            0) {
            return false;
        }
    }
    return true;
}

}  // namespace cartpress::fcgi
