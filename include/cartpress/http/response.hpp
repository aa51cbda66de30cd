#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cartpress::http {

struct Header {
    std::string name;
    std::string value;
};

struct Response {
    int status = 200;
    std::vector<Header> headers;  // sent in this order
    std::string body;
    bool send_body = true;  // false for HEAD and 204

    void add_header(std::string name, std::string value) {
        headers.push_back({std::move(name), std::move(value)});
    }
    const std::string* find_header(std::string_view name) const;
};

// "Not Found" for 404, as PHP's SAPI writes the Status line.
std::string_view reason_phrase(int status);

// The CGI-style head: "Status: 404 Not Found\r\n" + headers + "\r\n".
std::string serialize_head(const Response& response);

}  // namespace cartpress::http
