#include "names.hpp"

#include <cartpress/core/strings.hpp>

namespace cartpress::plugins::fluent_cart {

std::string full_name(std::string_view first, std::string_view last) {
    return std::string(core::php_trim(std::string(first) + " " + std::string(last)));
}
namespace {

using core::php_trim;

}  // namespace

NameParts split_address_name(std::string_view name) {
    const auto first_space = name.find(' ');
    const auto last_space = name.rfind(' ');
    return {std::string(name.substr(0, first_space)),
            std::string(last_space == std::string_view::npos ? name : name.substr(last_space + 1))};
}

NameParts split_full_name(std::string_view full_name) {
    const std::string_view trimmed = php_trim(full_name);
    const auto last_space = trimmed.rfind(' ');
    if (last_space == std::string_view::npos) return {std::string(trimmed), ""};
    // implode(' ', all words but the last) is the text before the last space.
    return {std::string(php_trim(trimmed.substr(0, last_space))),
            std::string(php_trim(trimmed.substr(last_space + 1)))};
}

}  // namespace cartpress::plugins::fluent_cart
