#pragma once

#include <cartpress/http/request.hpp>
#include <map>
#include <string>

namespace cartpress::test {

// An http::Request built in memory, so the dispatcher runs without a socket.
class FakeRequest final : public http::Request {
public:
    FakeRequest& set(std::string name, std::string value) {
        params_[std::move(name)] = std::move(value);
        return *this;
    }
    FakeRequest& body(std::string b) {
        body_ = std::move(b);
        return *this;
    }

    std::optional<std::string_view> param(std::string_view name) const override {
        auto it = params_.find(std::string(name));
        if (it == params_.end()) return std::nullopt;
        return std::string_view(it->second);
    }
    core::Result<std::string, http::BodyError> read_body(std::size_t max_bytes) override {
        if (body_.size() > max_bytes) return core::fail(http::BodyError::kTooLarge);
        return body_;
    }

private:
    std::map<std::string, std::string> params_;
    std::string body_;
};

// Builds requests the way nginx's fastcgi_params would describe them.
class RequestBuilder {
public:
    RequestBuilder& method(std::string m);
    RequestBuilder& get(std::string uri) { return method("GET").uri(std::move(uri)); }
    RequestBuilder& post(std::string uri) { return method("POST").uri(std::move(uri)); }
    RequestBuilder& uri(std::string u);  // sets REQUEST_URI and QUERY_STRING
    RequestBuilder& header(const std::string& name,
                           std::string value);  // "X-WP-Nonce" → HTTP_X_WP_NONCE
    RequestBuilder& basic_auth(const std::string& user, const std::string& password);
    RequestBuilder& json(std::string body);
    RequestBuilder& form(std::string body);
    RequestBuilder& body(std::string content_type, std::string body);
    FakeRequest build() const { return request_; }

private:
    FakeRequest request_ = default_request();
    static FakeRequest default_request();
};

std::string base64(std::string_view in);

}  // namespace cartpress::test
