#pragma once

#include <cartpress/json/rapidjson.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/page_request.hpp"

namespace cartpress::plugins::fluent_cart {

// The `path` of FluentCart's list envelopes (spec §4): WPFluent's Request::url(), the site URL
// followed by REQUEST_URI without its query, trailing slashes trimmed as Laravel's paginator
// trims its path. A `/?rest_route=…` request leaves the bare site URL.
std::string paginator_path(std::string_view siteurl, std::string_view request_uri);

// Laravel's LengthAwarePaginator::toArray() as FluentCart 1.3.25 prints it (spec §4, §8.1):
// {current_page, data, first_page_url, from, last_page, last_page_url, links, next_page_url,
// path, per_page, prev_page_url, to, total}. `data` holds the page's items, already serialized;
// page URLs are "<path>/?page=N" and carry no other parameter.
json::Value paginator_json(json::Value data, std::int64_t total, const PageRequest& page,
                           std::string_view path, json::Allocator& alloc);

}  // namespace cartpress::plugins::fluent_cart
