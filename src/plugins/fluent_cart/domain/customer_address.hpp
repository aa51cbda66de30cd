#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/order_graph.hpp"

namespace cartpress::plugins::fluent_cart {

// A customer address as the POST and PUT forms write it (spec §8.6): every text sanitized,
// '' for a field the request lacks.
struct AddressForm {
    std::string type;
    std::string label;
    std::string name;
    std::string address_1;
    std::string address_2;
    std::string city;
    std::string state;
    std::string phone;
    std::string email;
    std::string postcode;
    std::string country;
    std::string company_name;  // kept in meta.other_data.company_name
    bool is_primary = false;   // PUT only: POST decides it from the customer's other addresses
};

// The meta column's text with `company_name` put in (or taken out of) other_data, every other
// key kept. POST stores {"other_data":{"company_name":…}} only for a non-empty name (NULL
// otherwise); PUT edits the stored meta the same way, so a meta that has nothing else to hold
// stays NULL.
std::optional<std::string> address_meta_with_company(const std::optional<std::string>& stored,
                                                     std::string_view company_name);

enum class AddressCreateOutcome { kCreated, kCustomerNotFound };

struct CreatedAddress {
    AddressCreateOutcome outcome = AddressCreateOutcome::kCreated;
    std::int64_t id = 0;
    bool is_primary = false;  // the customer had no primary address of that type
};

enum class AddressUpdateOutcome { kUpdated, kNotFound };

struct UpdatedAddress {
    AddressUpdateOutcome outcome = AddressUpdateOutcome::kUpdated;
    std::string type_before;  // decides the message ("Billing address updated…")
    Record address;           // re-read after the update, kListCustomerAddressColumns
};

// DELETE's refusals in the order they are checked (spec §8.6).
enum class AddressDeleteOutcome { kDeleted, kNotFound, kPrimary, kLastAddress };

enum class MakePrimaryOutcome { kDone, kNotFound };

}  // namespace cartpress::plugins::fluent_cart
