#pragma once

#include <cartpress/rest/request_context.hpp>
#include <cartpress/rest/rest_error.hpp>
#include <cartpress/rest/rest_request.hpp>
#include <cartpress/rest/rest_response.hpp>
#include <cartpress/rest/router.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cartpress::plugins::storefront {

// Collections (spec §1): page ≥ 1, per_page 1–100 (default 10), WordPress's headers.
inline constexpr std::int64_t kDefaultPerPage = 10;
inline constexpr std::int64_t kMaxPerPage = 100;

// The declared `page` and `per_page` arguments: the host checks types and bounds and fills the
// defaults before the handler runs (rest_invalid_param otherwise).
std::vector<rest::ArgSpec> paging_args();

struct Paging {
    std::int64_t page = 1;
    std::int64_t per_page = kDefaultPerPage;
    std::int64_t offset() const { return (page - 1) * per_page; }
};

Paging read_paging(const rest::RestRequest& request);

// 400 storefront_invalid_page_number for a page past the last one (none when nothing matched:
// page 1 of an empty collection is an empty list, as WordPress answers).
std::optional<rest::RestError> page_out_of_range(const Paging& paging, std::int64_t total);

// X-WP-Total, X-WP-TotalPages and Link (rel="prev"/"next", the request's query kept, `page`
// replaced) for the collection at REST route `route`.
void add_paging_headers(rest::RestResponse& response, const rest::RestRequest& request,
                        const rest::RequestContext& ctx, const std::string& rest_prefix,
                        const std::string& route, const Paging& paging, std::int64_t total);

}  // namespace cartpress::plugins::storefront
