#include "serialization/paginator.hpp"

#include <vector>

namespace cartpress::plugins::fluent_cart {
namespace {

// Laravel's UrlWindow with onEachSide = 3: every page below 14 pages, else the first ten or
// last ten pages, or the first two, current ± 3 and the last two, with "..." between parts.
// 0 stands for "...".
std::vector<std::int64_t> window(std::int64_t current, std::int64_t last) {
    std::vector<std::int64_t> pages;
    const auto range = [&](std::int64_t from, std::int64_t to) {
        for (std::int64_t p = from; p <= to; ++p) pages.push_back(p);
    };
    constexpr std::int64_t kOnEachSide = 3;
    constexpr std::int64_t kWindow = kOnEachSide + 4;
    if (last < kOnEachSide * 2 + 8) {
        range(1, last);
    } else if (current <= kWindow) {
        range(1, kWindow + kOnEachSide);
        pages.push_back(0);
        range(last - 1, last);
    } else if (current > last - kWindow) {
        range(1, 2);
        pages.push_back(0);
        range(last - (kWindow + (kOnEachSide - 1)), last);
    } else {
        range(1, 2);
        pages.push_back(0);
        range(current - kOnEachSide, current + kOnEachSide);
        pages.push_back(0);
        range(last - 1, last);
    }
    return pages;
}

}  // namespace

std::string paginator_path(std::string_view siteurl, std::string_view request_uri) {
    std::string path(siteurl);
    path += request_uri.substr(0, request_uri.find('?'));
    if (path != "/") {
        while (!path.empty() && path.back() == '/') path.pop_back();
    }
    return path;
}

json::Value paginator_json(json::Value data, std::int64_t total, const PageRequest& page,
                           std::string_view path, json::Allocator& a) {
    const std::int64_t current = page.page;
    const std::int64_t per_page = page.per_page;
    const std::int64_t last = std::max<std::int64_t>((total + per_page - 1) / per_page, 1);
    const auto url = [&](std::int64_t n) {
        return json::str(std::string(path) + "/?page=" + std::to_string(n < 1 ? 1 : n), a);
    };
    const auto count = static_cast<std::int64_t>(data.Size());
    json::Value from;
    json::Value to;
    if (count > 0) {
        const std::int64_t first = (current - 1) * per_page + 1;
        from = json::Value(first);
        to = json::Value(first + count - 1);
    }
    const bool has_prev = current > 1;
    const bool has_next = current < last;

    json::Value links(rapidjson::kArrayType);
    const auto link = [&](json::Value link_url, std::string_view label, bool active) {
        json::Value l(rapidjson::kObjectType);
        l.AddMember("url", link_url, a);
        l.AddMember("label", json::str(label, a), a);
        l.AddMember("active", active, a);
        links.PushBack(l, a);
    };
    link(has_prev ? url(current - 1) : json::Value(), "pagination.previous", false);
    for (const std::int64_t n : window(current, last)) {
        if (n == 0) {
            link(json::Value(), "...", false);
        } else {
            link(url(n), std::to_string(n), n == current);
        }
    }
    link(has_next ? url(current + 1) : json::Value(), "pagination.next", false);

    json::Value o(rapidjson::kObjectType);
    o.AddMember("current_page", current, a);
    o.AddMember("data", data, a);
    o.AddMember("first_page_url", url(1), a);
    o.AddMember("from", from, a);
    o.AddMember("last_page", last, a);
    o.AddMember("last_page_url", url(last), a);
    o.AddMember("links", links, a);
    o.AddMember("next_page_url", has_next ? url(current + 1) : json::Value(), a);
    o.AddMember("path", json::str(path, a), a);
    o.AddMember("per_page", per_page, a);
    o.AddMember("prev_page_url", has_prev ? url(current - 1) : json::Value(), a);
    o.AddMember("to", to, a);
    o.AddMember("total", total, a);
    return o;
}

}  // namespace cartpress::plugins::fluent_cart
