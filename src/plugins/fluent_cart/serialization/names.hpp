#pragma once

#include <string>
#include <string_view>

namespace cartpress::plugins::fluent_cart {

struct NameParts {
    std::string first;
    std::string last;
};

// A customer's full_name as FluentCart's model computes it: "first last", PHP-trimmed.
std::string full_name(std::string_view first, std::string_view last);

// first_name / last_name of an order address (spec §5.3), FluentCart's explode(" ", name):
// first = the text before the first space, last = the text after the last space; no space →
// both are the whole name. Nothing is trimmed: "Alice  Anderson" → {"Alice", "Anderson"},
// "Alice " → {"Alice", ""}, "" → {"", ""}.
NameParts split_address_name(std::string_view name);

// first_name / last_name of a customer created from `full_name` (spec §9.2), FluentCart's
// AddressHelper::guessFirstNameAndLastName(): trimmed (PHP trim), split on single spaces; one
// word → {word, ""}; else last = the last word and first = the words before it joined by single
// spaces, each trimmed again ("Mary Ann Smith" → {"Mary Ann", "Smith"}, "A  B" → {"A", "B"}).
NameParts split_full_name(std::string_view full_name);

}  // namespace cartpress::plugins::fluent_cart
