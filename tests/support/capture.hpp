#pragma once

#include <string>
#include <utility>
#include <vector>

namespace cartpress::test {

// One exchange of shared/reference/NN-*.http: the request as recorded and FluentCart's answer.
struct Capture {
    std::string file;
    std::string method;
    std::string target;
    std::string auth;  // admin, sub, none, badpw
    std::string body;
    bool form_encoded = false;
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string response_body;
};

Capture load_capture(int number);

// The response headers that WordPress/FluentCart decide (not nginx's Server, Date, framing).
std::vector<std::pair<std::string, std::string>> rest_headers(
    const std::vector<std::pair<std::string, std::string>>& headers);

}  // namespace cartpress::test
