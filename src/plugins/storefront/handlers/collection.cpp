#include "storefront/handlers/collection.hpp"

#include "storefront/errors.hpp"

namespace cartpress::plugins::storefront {
namespace {

std::int64_t total_pages(std::int64_t total, std::int64_t per_page) {
    return total <= 0 ? 0 : (total + per_page - 1) / per_page;
}

// The request's query string without `page` (replaced) and `rest_route` (already in the base).
std::string query_without_page(const rest::RestRequest& request) {
    const std::string_view query = request.server_param("QUERY_STRING").value_or("");
    std::string out;
    std::size_t at = 0;
    while (at <= query.size()) {
        const std::size_t amp = query.find('&', at);
        const std::string_view pair =
            query.substr(at, amp == std::string_view::npos ? query.npos : amp - at);
        const std::string_view name = pair.substr(0, pair.find('='));
        if (!pair.empty() && name != "page" && name != "rest_route") {
            if (!out.empty()) out += '&';
            out += pair;
        }
        if (amp == std::string_view::npos) break;
        at = amp + 1;
    }
    return out;
}

}  // namespace

std::vector<rest::ArgSpec> paging_args() {
    rest::ArgSpec page;
    page.name = "page";
    page.type = rest::ArgType::kInteger;
    page.default_json = "1";
    page.minimum = 1;
    rest::ArgSpec per_page;
    per_page.name = "per_page";
    per_page.type = rest::ArgType::kInteger;
    per_page.default_json = std::to_string(kDefaultPerPage);
    per_page.minimum = 1;
    per_page.maximum = kMaxPerPage;
    return {page, per_page};
}

Paging read_paging(const rest::RestRequest& request) {
    Paging p;
    p.page = std::max<std::int64_t>(1, request.int_param("page").value_or(1));
    p.per_page = std::clamp<std::int64_t>(request.int_param("per_page").value_or(kDefaultPerPage),
                                          1, kMaxPerPage);
    return p;
}

std::optional<rest::RestError> page_out_of_range(const Paging& paging, std::int64_t total) {
    if (total > 0 && paging.page > total_pages(total, paging.per_page)) {
        return errors::invalid_page_number();
    }
    return std::nullopt;
}

void add_paging_headers(rest::RestResponse& response, const rest::RestRequest& request,
                        const rest::RequestContext& ctx, const std::string& rest_prefix,
                        const std::string& route, const Paging& paging, std::int64_t total) {
    const std::int64_t pages = total_pages(total, paging.per_page);
    response.headers.push_back({"X-WP-Total", std::to_string(total)});
    response.headers.push_back({"X-WP-TotalPages", std::to_string(pages)});
    std::string base = ctx.options.rest_url(rest_prefix, route);
    const std::string query = query_without_page(request);
    base += base.find('?') == std::string::npos ? '?' : '&';
    if (!query.empty()) base += query + "&";
    std::string links;
    if (paging.page > 1) {
        const std::int64_t prev = std::min(paging.page - 1, std::max<std::int64_t>(pages, 1));
        links += "<" + base + "page=" + std::to_string(prev) + ">; rel=\"prev\"";
    }
    if (paging.page < pages) {
        if (!links.empty()) links += ", ";
        links += "<" + base + "page=" + std::to_string(paging.page + 1) + ">; rel=\"next\"";
    }
    if (!links.empty()) response.headers.push_back({"Link", links});
}

}  // namespace cartpress::plugins::storefront
