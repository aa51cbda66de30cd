#include <strings.h>

#include <cartpress/http/response.hpp>

namespace cartpress::http {

const std::string* Response::find_header(std::string_view name) const {
    for (const auto& h : headers) {
        if (h.name.size() == name.size() &&
            strncasecmp(h.name.data(), name.data(), name.size()) == 0) {
            return &h.value;
        }
    }
    return nullptr;
}

std::string_view reason_phrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 202:
            return "Accepted";
        case 204:
            return "No Content";
        case 207:
            return "Multi-Status";
        case 301:
            return "Moved Permanently";
        case 302:
            return "Found";
        case 304:
            return "Not Modified";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 410:
            return "Gone";
        case 412:
            return "Precondition Failed";
        case 413:
            return "Request Entity Too Large";
        case 415:
            return "Unsupported Media Type";
        case 422:
            return "Unprocessable Entity";
        case 423:
            return "Locked";
        case 428:
            return "Precondition Required";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        case 501:
            return "Not Implemented";
        case 502:
            return "Bad Gateway";
        case 503:
            return "Service Unavailable";
        default:
            return "Unknown";
    }
}

std::string serialize_head(const Response& response) {
    std::string head = "Status: " + std::to_string(response.status) + " ";
    head += reason_phrase(response.status);
    head += "\r\n";
    for (const auto& h : response.headers) {
        head += h.name;
        head += ": ";
        // A value with a line break would let a handler inject headers: fold it to spaces.
        for (char c : h.value) head.push_back(c == '\r' || c == '\n' ? ' ' : c);
        head += "\r\n";
    }
    head += "\r\n";
    return head;
}

}  // namespace cartpress::http
