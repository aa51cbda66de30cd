#include "storefront/validation/address_input.hpp"

#include <utility>

#include "fluent_cart/serialization/countries.hpp"
#include "fluent_cart/validation/customer_fields.hpp"
#include "storefront/validation/customer_input.hpp"

namespace cartpress::plugins::storefront {
namespace {

constexpr std::string_view kBilling = "billing";
constexpr std::string_view kShipping = "shipping";

}  // namespace

core::Result<AddressInput, std::vector<FieldError>> parse_address_input(
    const json::Value& body, AddressInputMode mode, const fluent_cart::Countries& countries) {
    if (!body.IsObject()) return core::fail(std::vector<FieldError>{type_error("body", "object")});
    const bool create = mode == AddressInputMode::kCreate;
    std::vector<FieldError> errors;
    AddressInput in;

    // A text field: nullopt when absent or bad (the error is recorded). `required`: missing on
    // create is an error, and a blank value never passes.
    const auto text = [&](std::string_view name, std::size_t max_chars,
                          bool required) -> std::optional<std::string> {
        const json::Value* v = member(body, name);
        if (v == nullptr) {
            if (required && create) errors.push_back(missing_field(name));
            return std::nullopt;
        }
        auto r = read_text(name, *v, max_chars, TextKind::kLine);
        if (!r) {
            errors.push_back(std::move(r.error()));
            return std::nullopt;
        }
        if (required && r->empty()) {
            errors.push_back(invalid_field(name, std::string(name) + " must not be empty."));
            return std::nullopt;
        }
        return std::move(*r);
    };

    if (const json::Value* v = member(body, "type")) {
        if (!v->IsString()) {
            errors.push_back(type_error("type", "string"));
        } else if (json::view(*v) != kBilling && json::view(*v) != kShipping) {
            errors.push_back(not_in_enum("type", {kBilling, kShipping}));
        } else {
            in.type = std::string(json::view(*v));
        }
    } else if (create) {
        errors.push_back(missing_field("type"));
    }

    in.label = text("label", kMaxAddressLabelChars, false);
    in.name = text("name", kMaxAddressFieldChars, true);
    in.company_name = text("company_name", kMaxAddressFieldChars, false);
    if (auto email = text("email", kMaxAddressFieldChars, false)) {
        if (email->empty() || fluent_cart::is_email(*email)) {
            in.email = std::move(email);
        } else {
            errors.push_back(invalid_email("email"));
        }
    }
    in.phone = text("phone", kMaxAddressFieldChars, false);
    in.address_1 = text("address_1", kMaxAddressFieldChars, true);
    in.address_2 = text("address_2", kMaxAddressFieldChars, false);
    in.city = text("city", kMaxAddressFieldChars, true);
    in.state = text("state", kMaxAddressFieldChars, false);
    in.postcode = text("postcode", kMaxAddressPostcodeChars, false);
    if (const json::Value* v = member(body, "country")) {
        // Not through text(..., required): "" is an unknown code like any other.
        auto country = read_text("country", *v, kMaxAddressFieldChars, TextKind::kLine);
        if (!country) {
            errors.push_back(std::move(country.error()));
        } else if (!countries.has_country(*country)) {
            errors.push_back(unknown_country("country"));
        } else {
            in.country = std::move(*country);
        }
    } else if (create) {
        errors.push_back(missing_field("country"));
    }

    if (const json::Value* v = member(body, "is_primary")) {
        if (!v->IsBool()) {
            errors.push_back(type_error("is_primary", "boolean"));
        } else if (!v->GetBool()) {
            errors.push_back(invalid_field(
                "is_primary",
                "is_primary cannot be set to false: make another address primary instead."));
        } else {
            in.is_primary = true;
        }
    }

    if (!errors.empty()) return core::fail(std::move(errors));
    return in;
}

std::optional<FieldError> address_type_change_error(const AddressInput& input,
                                                    std::string_view stored_type) {
    if (!input.type || *input.type == stored_type) return std::nullopt;
    return invalid_field("type", "type cannot be changed after the address is created.");
}

}  // namespace cartpress::plugins::storefront
