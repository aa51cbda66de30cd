#pragma once

#include <cartpress/json/rapidjson.hpp>
#include <cstdint>
#include <optional>
#include <string_view>

namespace cartpress::plugins::fluent_cart {

// A request value that PHP's is_numeric() accepts: a JSON number, or a string of optional
// whitespace, sign, digits, fraction and exponent, optional trailing whitespace (PHP 8).
struct PhpNumber {
    double value = 0;        // for comparisons ($per_page > 0)
    std::int64_t whole = 0;  // PHP's (int) cast: toward zero, saturated at the int64 range
};
std::optional<PhpNumber> php_number(const json::Value* value);
// PHP's is_numeric() on a string.
bool php_is_numeric(std::string_view text);

// Which page of a FluentCart list to show (spec §4, also §8.1). FluentCart's BaseFilter keeps
// `per_page` when it is numeric and 0 < n < 200, else 10, and casts it to int; `page` is
// (int) of a numeric value, and Laravel's paginator shows anything below 1 as page 1.
struct PageRequest {
    std::int64_t page = 1;
    std::int64_t per_page = 10;

    // Rows to skip; nothing when (page − 1) × per_page passes the int64 range, a page that
    // cannot hold any row.
    std::optional<std::int64_t> offset() const;
};

PageRequest page_request(const json::Value* page, const json::Value* per_page);

}  // namespace cartpress::plugins::fluent_cart
