#include "support/http_client.hpp"

#include <netinet/in.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

#include "support/fake_request.hpp"

namespace cartpress::test {
namespace {

std::string decode_chunked(const std::string& body) {
    std::string out;
    std::size_t pos = 0;
    while (pos < body.size()) {
        const auto eol = body.find("\r\n", pos);
        if (eol == std::string::npos) break;
        const std::size_t size = std::stoul(body.substr(pos, eol - pos), nullptr, 16);
        if (size == 0) break;
        out.append(body, eol + 2, size);
        pos = eol + 2 + size + 2;
    }
    return out;
}

}  // namespace

std::string HttpResponse::header(const std::string& name) const {
    for (const auto& [k, v] : headers) {
        if (strcasecmp(k.c_str(), name.c_str()) == 0) return v;
    }
    return {};
}

bool HttpResponse::has_header(const std::string& name) const {
    for (const auto& [k, v] : headers) {
        if (strcasecmp(k.c_str(), name.c_str()) == 0) return true;
    }
    return false;
}

HttpRequest& HttpRequest::with_basic_auth(const std::string& user, const std::string& password) {
    return with_header("Authorization", "Basic " + base64(user + ":" + password));
}

HttpRequest& HttpRequest::with_json(std::string json) {
    body = std::move(json);
    return with_header("Content-Type", "application/json");
}

HttpResponse http_send(int port, const HttpRequest& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        throw std::runtime_error("connect to 127.0.0.1:" + std::to_string(port) + " failed");
    }
    std::string wire = request.method + " " + request.target + " HTTP/1.1\r\n";
    wire += "Host: 127.0.0.1:" + std::to_string(port) + "\r\nConnection: close\r\n";
    for (const auto& [k, v] : request.headers) wire += k + ": " + v + "\r\n";
    if (!request.body.empty() || request.method == "POST" || request.method == "PUT" ||
        request.method == "PATCH") {
        wire += "Content-Length: " + std::to_string(request.body.size()) + "\r\n";
    }
    wire += "\r\n" + request.body;
    std::size_t off = 0;
    while (off < wire.size()) {
        const ssize_t n = ::send(fd, wire.data() + off, wire.size() - off, MSG_NOSIGNAL);
        if (n <= 0) break;  // the server may answer (413) before reading everything
        off += static_cast<std::size_t>(n);
    }
    std::string raw;
    char buf[16384];
    ssize_t n;
    while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) raw.append(buf, static_cast<std::size_t>(n));
    ::close(fd);

    HttpResponse r;
    const auto head_end = raw.find("\r\n\r\n");
    if (head_end == std::string::npos) throw std::runtime_error("no HTTP response: " + raw);
    const std::string head = raw.substr(0, head_end);
    std::string body = raw.substr(head_end + 4);
    std::size_t pos = head.find("\r\n");
    const std::string status_line = head.substr(0, pos);
    r.status = std::stoi(status_line.substr(status_line.find(' ') + 1, 3));
    while (pos != std::string::npos && pos < head.size()) {
        const auto next = head.find("\r\n", pos + 2);
        const std::string line =
            head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') value.erase(0, 1);
            r.headers.emplace_back(line.substr(0, colon), value);
        }
        pos = next;
    }
    r.body = strcasecmp(r.header("Transfer-Encoding").c_str(), "chunked") == 0
                 ? decode_chunked(body)
                 : body;
    return r;
}

}  // namespace cartpress::test
