#pragma once

#include <cartpress/http/request.hpp>
#include <cartpress/http/response.hpp>
#include <string>
#include <unordered_map>

struct FCGX_Request;

namespace cartpress::fcgi {

// The libfcgi implementation of http::Request. Parameters are copied at accept: the next
// FCGX_Accept_r frees the strings FCGX_GetParam returned.
class FcgiRequest final : public http::Request {
public:
    explicit FcgiRequest(FCGX_Request& request);

    std::optional<std::string_view> param(std::string_view name) const override;
    core::Result<std::string, http::BodyError> read_body(std::size_t max_bytes) override;

private:
    FCGX_Request& request_;
    std::unordered_map<std::string, std::string> params_;
    bool body_read_ = false;
};

// Reads and drops what is left of the request's input (at most 64 KiB); true when its end was
// reached, so nothing nginx sent is still unread.
bool read_to_end(FCGX_Request& request);

// Writes status line, headers and body; returns false once the client has gone.
bool write_response(FCGX_Request& request, const http::Response& response);

}  // namespace cartpress::fcgi
