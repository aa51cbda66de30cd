#include "errors.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

rest::RestError with_body(int status, json::Document body) {
    rest::RestError e;
    e.status = status;
    e.code = "fluent_cart_error";
    e.raw_body = std::make_shared<json::Document>(std::move(body));
    return e;
}

json::Value wpfluent(json::Allocator& a) {
    json::Value env(rapidjson::kObjectType);
    env.AddMember("env", "production", a);
    return env;
}

}  // namespace

void ValidationErrors::add(std::string field, std::string rule, std::string message) {
    for (auto& [name, rules] : errors_) {
        if (name == field) {
            rules.emplace_back(std::move(rule), std::move(message));
            return;
        }
    }
    errors_.push_back({std::move(field), {{std::move(rule), std::move(message)}}});
}

rest::RestError ValidationErrors::to_error() const {
    json::Document d;
    auto& a = d.GetAllocator();
    d.SetObject();
    for (const auto& [field, rules] : errors_) {
        json::Value bag(rapidjson::kObjectType);
        for (const auto& [rule, message] : rules) {
            bag.AddMember(json::str(rule, a), json::str(message, a), a);
        }
        d.AddMember(json::str(field, a), bag, a);
    }
    return with_body(422, std::move(d));
}

rest::RestError message_error(int status, std::string_view message) {
    json::Document d;
    d.SetObject();
    d.AddMember("message", json::str(message, d.GetAllocator()), d.GetAllocator());
    return with_body(status, std::move(d));
}

rest::RestError model_not_found(std::string_view model, std::string_view id) {
    json::Document d;
    auto& a = d.GetAllocator();
    d.SetObject();
    const std::string text = "No query results for model [FluentCart\\App\\Models\\" +
                             std::string(model) + "] " + std::string(id);
    d.AddMember("message", json::str(text, a), a);
    d.AddMember("data", json::Value(rapidjson::kObjectType), a);
    return decorate_not_found(with_body(404, std::move(d)));
}

rest::RestError entity_not_found(std::string_view message, std::string_view button_text,
                                 std::string_view route) {
    json::Document d;
    auto& a = d.GetAllocator();
    d.SetObject();
    json::Value data(rapidjson::kObjectType);
    data.AddMember("message", json::str(message, a), a);
    data.AddMember("buttonText", json::str(button_text, a), a);
    data.AddMember("route", json::str(route, a), a);
    d.AddMember("data", data, a);
    d.AddMember("code", "fluent_cart_entity_not_found", a);
    return decorate_not_found(with_body(404, std::move(d)));
}

rest::RestError resource_error(int status, std::string_view message) {
    json::Document d;
    auto& a = d.GetAllocator();
    d.SetObject();
    d.AddMember("code", status, a);
    d.AddMember("message", json::str(message, a), a);
    d.AddMember("data", json::Value(), a);
    return with_body(status, std::move(d));
}

rest::RestError plugin_exception(std::string internal) {
    json::Document d;
    auto& a = d.GetAllocator();
    d.SetObject();
    d.AddMember("code", "plugin_exception", a);
    d.AddMember("data", json::Value(rapidjson::kArrayType), a);
    d.AddMember("message", "An internal error occurred.", a);
    auto e = with_body(500, std::move(d));
    e.internal = std::move(internal);
    return e;
}

rest::RestError decorate_not_found(rest::RestError error) {
    if (error.status != 404) return error;
    if (!error.raw_body) {
        auto& x = error.extra();
        if (!x.HasMember("wpfluent"))
            x.AddMember("wpfluent", wpfluent(x.GetAllocator()), x.GetAllocator());
        return error;
    }
    auto body = std::make_shared<json::Document>();
    body->CopyFrom(*error.raw_body, body->GetAllocator());
    auto& a = body->GetAllocator();
    if (body->IsObject()) {
        auto data = body->FindMember("data");
        if (data == body->MemberEnd()) {
            body->AddMember("data", json::Value(rapidjson::kObjectType), a);
            data = body->MemberEnd() - 1;
        }
        if (data->value.IsObject() && !data->value.HasMember("wpfluent")) {
            data->value.AddMember("wpfluent", wpfluent(a), a);
        }
    }
    error.raw_body = std::move(body);
    return error;
}

}  // namespace cartpress::plugins::fluent_cart
