#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/json/rapidjson.hpp>
#include <cartpress/rest/rest_error.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storefront/errors.hpp"
#include "storefront/validation/custom_fields.hpp"

namespace cartpress::plugins::fluent_cart {
class Countries;
}

namespace cartpress::plugins::storefront {

// ---------------------------------------------------------------------------------------------
// Rules every storefront input parser shares (customer, address, custom fields). Messages are
// written here and nowhere else. A FieldError's code is what WordPress puts in
// data.details.<name>.code: rest_invalid_type, rest_not_in_enum, rest_out_of_bounds,
// rest_invalid_param, or rest_missing_callback_param for a required key that was not sent.

inline constexpr std::string_view kMissingParamCode = "rest_missing_callback_param";

// "<name> is required." with code rest_missing_callback_param.
FieldError missing_field(std::string_view name);
// WordPress's "<name> is not of type <type>." with code rest_invalid_type.
FieldError type_error(std::string_view name, std::string_view type);
// WordPress's "<name> is not one of a, b." with code rest_not_in_enum.
FieldError not_in_enum(std::string_view name, const std::vector<std::string_view>& allowed);
// Any other rule: rest_invalid_param with `message`.
FieldError invalid_field(std::string_view name, std::string message);
// A value that fails WordPress's is_email (code rest_invalid_email, as WordPress's "email" format).
FieldError invalid_email(std::string_view name);
// A country code FluentCart does not know.
FieldError unknown_country(std::string_view name);

// The error response for a parser's errors, as WordPress's argument stage answers: when a
// required key is missing, 400 rest_missing_callback_param naming only the missing keys;
// otherwise 400 rest_invalid_param with every error.
rest::RestError input_error(const std::vector<FieldError>& errors);

// The member `name` of a JSON object, nullptr when absent (or when `object` is no object).
const json::Value* member(const json::Value& object, std::string_view name);

// Characters of valid UTF-8 text, counted as a utf8mb4 VARCHAR(n) column counts them (code
// points; an invalid byte counts as one).
std::size_t utf8_length(std::string_view text);

// What a text field may contain once trimmed (every kind must be valid UTF-8).
enum class TextKind {
    kLine,       // names, places, address lines: no control character (C0, DEL, C1), no `<`
    kMultiline,  // staff notes: tab, CR and LF allowed, other control characters not; `<` allowed
    kSecret,     // passwords: anything
};

// A text value: a JSON string (anything else is a type error, null included), PHP-trimmed
// (space, \t, \n, \r, \0, \v), valid UTF-8, at most `max_chars` characters, and allowed by
// `kind`. The error names the field and the first rule broken.
core::Result<std::string, FieldError> read_text(std::string_view name, const json::Value& value,
                                                std::size_t max_chars,
                                                TextKind kind = TextKind::kLine);

// ---------------------------------------------------------------------------------------------
// Customer input (storefront-v1.md §5.1, §8): POST customers (staff, or sign-up) and the edits of
// customers/{id} and me.

enum class CustomerInputMode {
    kCreate,  // email required; for a non-staff caller (sign-up) password too
    kUpdate,  // partial: only the keys sent change, none required
};

inline constexpr std::size_t kMaxNameChars = 192;       // first_name, last_name, full_name
inline constexpr std::size_t kMaxEmailChars = 192;      // fct_customers.email
inline constexpr std::size_t kMaxLocationChars = 45;    // fct_customers city, state, postcode
inline constexpr std::size_t kMaxNotesChars = 65535;    // notes (LONGTEXT; a TEXT-sized cap)
inline constexpr std::size_t kMinPasswordChars = 8;     // after trimming
inline constexpr std::size_t kMaxPasswordBytes = 4096;  // after trimming

// Every member is set only when its key was sent (and valid). Strings are PHP-trimmed.
struct CustomerInput {
    std::optional<std::string> email;  // passes is_email; the caller keys it (site::email_key)
    // From first_name / last_name, or both from full_name split as FluentCart does
    // (fluent-cart-v2.md §9.2).
    std::optional<std::string> first_name;
    std::optional<std::string> last_name;
    std::optional<std::string> password;          // trimmed, as WordPress trims passwords
    std::optional<std::string> current_password;  // trimmed; checked by the caller
    std::optional<std::string> country;           // a code Countries knows, or ""
    std::optional<std::string> state;
    std::optional<std::string> city;
    std::optional<std::string> postcode;
    std::optional<std::string> status;  // staff only: "active" or "inactive"
    std::optional<std::string> notes;   // staff only
    std::optional<std::vector<CustomFieldWrite>> custom_fields;  // `_` names staff only
    // Staff only. Outer: user_id was sent; inner nullopt: `null` was sent (unlink the user).
    std::optional<std::optional<std::int64_t>> user_id;
};

// Parses a customer body. Unknown keys are ignored; every bad key is reported (one error per
// key). A body that is not a JSON object is one error named "body". status, notes, user_id and
// protected custom fields sent by a non-staff caller are errors ("… can only be changed by
// staff."), not silently dropped. Missing required keys come back as FieldErrors with code
// rest_missing_callback_param (input_error() turns the list into the response). Business rules
// that need the database or the stored row (current_password for a customer changing email or
// password, email taken, the 50-field total) are the caller's.
core::Result<CustomerInput, std::vector<FieldError>> parse_customer_input(
    const json::Value& body, CustomerInputMode mode, bool staff,
    const fluent_cart::Countries& countries);

}  // namespace cartpress::plugins::storefront
