#pragma once

#include <cartpress/json/rapidjson.hpp>

namespace cartpress::rest {

// `_fields`: keeps only the listed keys (comma/space list or array; "a.b" for nested keys),
// in the data's own order; for a list, per item.
void filter_response_fields(json::Document& data, const json::Value& fields);

}  // namespace cartpress::rest
