#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cartpress::test {

struct HttpResponse {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;  // in order
    std::string body;

    // First header of that name (case-insensitive), or "" when absent.
    std::string header(const std::string& name) const;
    bool has_header(const std::string& name) const;
};

struct HttpRequest {
    std::string method = "GET";
    std::string target = "/";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    HttpRequest& with_header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
    HttpRequest& with_basic_auth(const std::string& user, const std::string& password);
    HttpRequest& with_json(std::string json);
};

// A minimal HTTP/1.1 client for 127.0.0.1 (Connection: close, chunked bodies decoded): enough
// to test through nginx without another dependency.
HttpResponse http_send(int port, const HttpRequest& request);
inline HttpResponse http_get(int port, const std::string& target) {
    HttpRequest r;
    r.target = target;
    return http_send(port, r);
}

}  // namespace cartpress::test
