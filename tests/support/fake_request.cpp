#include "support/fake_request.hpp"

namespace cartpress::test {

FakeRequest RequestBuilder::default_request() {
    FakeRequest r;
    r.set("REQUEST_METHOD", "GET")
        .set("REQUEST_URI", "/wp-json/")
        .set("QUERY_STRING", "")
        .set("REMOTE_ADDR", "127.0.0.1")
        .set("SERVER_PORT", "80")
        .set("SERVER_NAME", "127.0.0.1");
    return r;
}

RequestBuilder& RequestBuilder::method(std::string m) {
    request_.set("REQUEST_METHOD", std::move(m));
    return *this;
}

RequestBuilder& RequestBuilder::uri(std::string u) {
    const auto q = u.find('?');
    request_.set("QUERY_STRING", q == std::string::npos ? "" : u.substr(q + 1));
    request_.set("REQUEST_URI", std::move(u));
    return *this;
}

RequestBuilder& RequestBuilder::header(const std::string& name, std::string value) {
    std::string cgi = "HTTP_";
    for (char c : name) {
        cgi.push_back(c == '-' ? '_'
                               : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    request_.set(std::move(cgi), std::move(value));
    return *this;
}

RequestBuilder& RequestBuilder::basic_auth(const std::string& user, const std::string& password) {
    return header("Authorization", "Basic " + base64(user + ":" + password));
}

RequestBuilder& RequestBuilder::body(std::string content_type, std::string b) {
    request_.set("CONTENT_TYPE", std::move(content_type));
    request_.set("CONTENT_LENGTH", std::to_string(b.size()));
    request_.body(std::move(b));
    return *this;
}

RequestBuilder& RequestBuilder::json(std::string b) {
    return body("application/json", std::move(b));
}

RequestBuilder& RequestBuilder::form(std::string b) {
    return body("application/x-www-form-urlencoded", std::move(b));
}

std::string base64(std::string_view in) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    while (i + 2 < in.size()) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                           (static_cast<unsigned char>(in[i + 1]) << 8) |
                           static_cast<unsigned char>(in[i + 2]);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
        i += 3;
    }
    if (i < in.size()) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16;
        if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

}  // namespace cartpress::test
