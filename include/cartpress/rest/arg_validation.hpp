#pragma once

#include <cartpress/rest/rest_error.hpp>
#include <cartpress/rest/rest_request.hpp>
#include <cartpress/rest/router.hpp>
#include <optional>
#include <vector>

namespace cartpress::rest {

// WordPress's argument stage: defaults, then required (rest_missing_callback_param), then type,
// enum and bounds (rest_invalid_param listing every bad one), then sanitizing (e.g. "5" → 5).
std::optional<RestError> validate_args(const std::vector<ArgSpec>& args, RestRequest& request);

std::string_view arg_type_name(ArgType type);

}  // namespace cartpress::rest
