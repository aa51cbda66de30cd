#pragma once

#include <cartpress/rest/rest_error.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cartpress::plugins::fluent_cart {

// FluentCart's own error bodies (spec §2), carried as RestError::raw_body.

// 422 {"<field>":{"<rule>":"<message>",…},…}: fields and rules in the order added.
class ValidationErrors {
public:
    void add(std::string field, std::string rule, std::string message);
    bool empty() const { return errors_.empty(); }
    rest::RestError to_error() const;

private:
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> errors_;
};

// {"message":"…"} with the given status (e.g. 423 "Customer id is required").
rest::RestError message_error(int status, std::string_view message);

// 404 "No query results for model [FluentCart\App\Models\<model>] <id>".
rest::RestError model_not_found(std::string_view model, std::string_view id);

// 404 fluent_cart_entity_not_found: "Order not found" / "Back to orders" / "/orders".
rest::RestError entity_not_found(std::string_view message, std::string_view button_text,
                                 std::string_view route);

// {"code":<status>,"message":"…","data":null} sent with that status (FluentCart: 500, §10 #7).
rest::RestError resource_error(int status, std::string_view message);

// 500 plugin_exception with a generic message; `internal` goes to the log only.
rest::RestError plugin_exception(std::string internal);

// Adds "wpfluent":{"env":"production"} inside `data` of a 404 (creating `data` if needed),
// as FluentCart does for every 404 under /fluent-cart (§2).
rest::RestError decorate_not_found(rest::RestError error);

}  // namespace cartpress::plugins::fluent_cart
