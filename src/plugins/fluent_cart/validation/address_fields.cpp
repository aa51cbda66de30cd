#include "validation/address_fields.hpp"

#include <cartpress/core/strings.hpp>
#include <cctype>
#include <string>
#include <string_view>

namespace cartpress::plugins::fluent_cart {
namespace {

constexpr std::size_t kLabelLength = 15;
constexpr std::size_t kCompanyLength = 255;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// PHP 8's is_numeric() on a string: optional surrounding whitespace, a sign, digits with an
// optional fraction (or a bare fraction), an optional exponent. No hex, no "1e", no ".".
bool php_numeric_string(std::string_view s) {
    constexpr std::string_view kSpace = " \t\n\r\v\f";
    const auto first = s.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return false;
    s = s.substr(first, s.find_last_not_of(kSpace) - first + 1);
    std::size_t i = 0;
    if (s[i] == '+' || s[i] == '-') ++i;
    const auto skip_digits = [&s, &i] {
        const std::size_t from = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        return i - from;
    };
    std::size_t digits = skip_digits();
    if (i < s.size() && s[i] == '.') {
        ++i;
        digits += skip_digits();
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (skip_digits() == 0) return false;
    }
    return i == s.size();
}

bool php_numeric(const json::Value& v) {
    if (v.IsNumber()) return true;
    return v.IsString() && php_numeric_string(json::view(v));
}

class AddressRules {
public:
    AddressRules(const ParamLookup& param, const Countries& countries)
        : param_(param), countries_(countries) {}

    // Returns the country code when it is one FluentCart knows.
    std::optional<std::string> country() {
        const auto* v = param_("country");
        if (fails_required(v)) errors_.add("country", "required", "Country field is required.");
        const auto code = v ? php_scalar_string(*v) : std::nullopt;
        if (!code || !countries_.has_country(*code)) {
            errors_.add("country", "1", "Invalid country code.");
            return std::nullopt;
        }
        return code;
    }

    void state(const std::optional<std::string>& country) {
        const auto* v = param_("state");
        const bool has_list = country && countries_.has_state_list(*country);
        // An unknown or missing country may need a state; a known one without a list does not.
        const bool needs_state = !country || has_list;
        if (fails_required(v)) {
            if (needs_state) errors_.add("state", "required", "State is required.");
            return;
        }
        if (!has_list) return;
        const auto code = php_scalar_string(*v);
        if (!code || !countries_.has_state(*country, *code)) {
            errors_.add("state", "invalid", "Invalid state code.");
        }
    }

    void label() {
        const auto* v = param_("label");
        if (!v || v->IsNull()) return;
        if (!passes_sanitize_text(*v)) {
            errors_.add("label", "sanitizeText", "The label must be a valid text");
        }
        max_length("label", *v, kLabelLength);
    }

    void required(std::string_view field, std::string_view message) {
        if (fails_required(param_(field))) {
            errors_.add(std::string(field), "required", std::string(message));
        }
    }

    void email() {
        const auto* v = param_("email");
        if (fails_required(v)) errors_.add("email", "required", "Email field is required.");
        if (!v) return;
        const auto text = php_scalar_string(*v);
        if (!text || !is_email(*text)) {
            errors_.add("email", "email", "The email must be a valid email address.");
        }
    }

    void numeric(std::string_view field) {
        const auto* v = param_(field);
        if (v && !php_numeric(*v)) {
            errors_.add(std::string(field), "numeric",
                        "The " + std::string(field) + " must be a number.");
        }
    }

    void company_name() {
        const auto* v = param_("company_name");
        if (v) max_length("company_name", *v, kCompanyLength);
    }

    ValidationErrors take() { return std::move(errors_); }

private:
    // Bytes of the PHP-trimmed text, as the customer form counts them (spec §7.1).
    void max_length(std::string_view field, const json::Value& v, std::size_t limit) {
        const auto text = php_scalar_string(v);
        if (!text || core::php_trim(*text).size() <= limit) return;
        errors_.add(std::string(field), "maxLength",
                    "The " + std::string(field) + " must not be greater than " +
                        std::to_string(limit) + " characters.");
    }

    const ParamLookup& param_;
    const Countries& countries_;
    ValidationErrors errors_;
};

}  // namespace

ValidationErrors validate_address_fields(const ParamLookup& param, const Countries& countries) {
    AddressRules rules(param, countries);
    rules.state(rules.country());
    rules.label();
    rules.required("name", "Name field is required.");
    rules.email();
    rules.required("address_1", "Street Address field is required.");
    rules.required("city", "City field is required.");
    rules.numeric("is_primary");
    rules.company_name();
    return rules.take();
}

}  // namespace cartpress::plugins::fluent_cart
