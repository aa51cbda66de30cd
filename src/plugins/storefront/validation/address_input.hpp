#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/json/rapidjson.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storefront/errors.hpp"

namespace cartpress::plugins::fluent_cart {
class Countries;
}

namespace cartpress::plugins::storefront {

// Address input (storefront-v1.md §5.2): POST customers/{id}/addresses and me/addresses, and the
// edits of …/addresses/{address_id}.

enum class AddressInputMode {
    kCreate,  // type, country, name, address_1 and city required
    kUpdate,  // partial: only the keys sent change, none required
};

// Column sizes of {p}fct_customer_addresses (company_name lives in meta.other_data).
inline constexpr std::size_t kMaxAddressLabelChars = 50;
inline constexpr std::size_t kMaxAddressPostcodeChars = 32;
inline constexpr std::size_t kMaxAddressFieldChars = 192;

// Every member is set only when its key was sent (and valid). Strings are PHP-trimmed.
struct AddressInput {
    // "billing" or "shipping". On update it is only what was sent: the type is immutable, so the
    // caller compares it with the stored one (address_type_change_error).
    std::optional<std::string> type;
    std::optional<std::string> label;
    std::optional<std::string> name;  // never blank
    std::optional<std::string> company_name;
    std::optional<std::string> email;  // "" or an address that passes is_email
    std::optional<std::string> phone;
    std::optional<std::string> address_1;  // never blank
    std::optional<std::string> address_2;
    std::optional<std::string> city;  // never blank
    std::optional<std::string> state;
    std::optional<std::string> postcode;
    std::optional<std::string> country;  // a code Countries knows (exact case)
    // `is_primary: true` was sent: make this the primary address of its type. `false` is an
    // error (another address has to be made primary instead).
    bool is_primary = false;
};

// Parses an address body. Unknown keys (id, customer_id, status, …) are ignored; every bad key is
// reported (one error per key); text fields follow TextKind::kLine (no control characters, no
// `<`). A body that is not a JSON object is one error named "body". Missing required keys come
// back as FieldErrors with code rest_missing_callback_param (see input_error()).
core::Result<AddressInput, std::vector<FieldError>> parse_address_input(
    const json::Value& body, AddressInputMode mode, const fluent_cart::Countries& countries);

// On update: the error for a `type` that differs from the stored one, nullopt when it was not
// sent or is the same. Kept apart so the handler can first find the address (404 for an address
// the caller does not own) before it compares.
std::optional<FieldError> address_type_change_error(const AddressInput& input,
                                                    std::string_view stored_type);

}  // namespace cartpress::plugins::storefront
