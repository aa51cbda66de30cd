#pragma once

#include <cartpress/json/rapidjson.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "errors.hpp"

namespace cartpress::plugins::fluent_cart {

// FluentCart's customer form rules (spec §7.1), shared by the routes that create or edit a
// customer from a request: create-and-change-customer, and POST/PUT customers (§8.2, §8.4).

// Which name fields the form asks for: first/last only when the store's checkout field setting
// enables one of them, else the single full name.
enum class NameMode { kFullName, kFirstLast };

// The mode from the `{p}fct_meta` option `_fc_checkout_fields` (JSON, or PHP-serialized as older
// stores keep it): first/last when basic_info.first_name.enabled or basic_info.last_name.enabled
// is "yes". Absent or unreadable → full name.
NameMode checkout_name_mode(const std::optional<std::string>& option_value);

// WordPress's is_email() on the value as given (nothing trimmed). Like PHP's preg `$`, the local
// part's character test accepts one trailing "\n".
bool is_email(std::string_view email);

// PHP's (string) cast of a request value: strings as they are, integers in decimal, true "1",
// false and null "", other numbers as PHP prints them. Arrays and objects have none.
std::optional<std::string> php_scalar_string(const json::Value& value);

// Whether FluentCart's `sanitizeText` rule accepts the value: the PHP-trimmed text must be what
// sanitize_text_field() leaves unchanged, i.e. without `<`, CR, LF, TAB, two spaces in a row, a
// `%` followed by two hex digits, or invalid UTF-8. Arrays and objects fail (§10 #16).
bool passes_sanitize_text(const json::Value& value);

// WordPress's sanitize_text_field() (keep_newlines: sanitize_textarea_field()) for the values a
// customer row stores without a validation rule (status, notes, country, …). Arrays and objects
// give "", as in WordPress. Tags are stripped as strip_tags() does for well-formed markup; a
// lone `<` becomes "&lt;".
std::string sanitize_text_field(std::string_view text, bool keep_newlines = false);
std::string sanitize_text_field(const json::Value* value, bool keep_newlines = false);

// FluentCart's `required` rule: fails for a missing key (nullptr), null, a string that is
// blank once PHP-trimmed, and an empty array or object.
bool fails_required(const json::Value* value);

// The value the `exist` rule looks up, or nothing when the rule does not run (absent, an array
// or an empty value: "", "0", null, false).
std::optional<std::string> exist_lookup_value(const json::Value* email);

// A request parameter by name (WordPress's merged params), nullptr when absent.
using ParamLookup = std::function<const json::Value*(std::string_view)>;

// The §7.1 rules in order, every failing rule of every field reported (no bail), plus the
// 192-byte column rule of §10 #17 on names and the email. `email_exists`: whether the exist
// lookup found another customer with the email.
ValidationErrors validate_customer_fields(const ParamLookup& param, NameMode mode,
                                          bool email_exists);

}  // namespace cartpress::plugins::fluent_cart
