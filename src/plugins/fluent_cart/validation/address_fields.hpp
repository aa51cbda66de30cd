#pragma once

#include "errors.hpp"
#include "serialization/countries.hpp"
#include "validation/customer_fields.hpp"

namespace cartpress::plugins::fluent_cart {

// FluentCart's customer address form rules (spec §8.6), shared by POST and PUT
// customers/{id}/address, in this order, every failing rule of a field reported (no bail):
//   country       required "Country field is required."; a known code, key "1",
//                 "Invalid country code." (also when it is missing)
//   state         required "State is required." unless the country is known and FluentCart has
//                 no state list for it; with a list, a code not in it → invalid
//                 "Invalid state code."
//   label         nullable, sanitizeText, maxLength 15
//   name          required "Name field is required."
//   email         required "Email field is required."; email
//   address_1     required "Street Address field is required."
//   city          required "City field is required."
//   is_primary    numeric (when sent)
//   company_name  maxLength 255 (when sent)
// postcode, type, phone and address_2 have no rule. Values are not trimmed before the rules.
ValidationErrors validate_address_fields(const ParamLookup& param, const Countries& countries);

}  // namespace cartpress::plugins::fluent_cart
