#include <strings.h>

#include <algorithm>
#include <cartpress/rest/router.hpp>
#include <stdexcept>

namespace cartpress::rest {

bool Endpoint::accepts(std::string_view method) const {
    for (const auto& m : methods) {
        if (m == method) return true;
    }
    // HEAD runs through the GET handler when none is declared for HEAD (§2).
    return method == "HEAD" && accepts("GET");
}

Route::Route(std::string ns, std::string path) : ns_(std::move(ns)), path_(std::move(path)) {
    std::size_t pos = 1;  // path starts with "/"
    display_ = path_.empty() ? "/" : "";
    while (pos <= path_.size() && !path_.empty()) {
        std::size_t slash = path_.find('/', pos);
        if (slash == std::string::npos) slash = path_.size();
        std::string segment = path_.substr(pos, slash - pos);
        pos = slash + 1;
        if (segment.empty()) continue;
        display_ += "/";
        if (segment.front() == '{' && segment.back() == '}') {
            std::string inner = segment.substr(1, segment.size() - 2);
            const auto colon = inner.find(':');
            if (colon == std::string::npos) {
                segments_.push_back({Segment::Kind::kParam, inner});
                display_ += "(?P<" + inner + ">[^/]+)";
            } else if (inner.substr(colon + 1) == "int") {
                segments_.push_back({Segment::Kind::kIntParam, inner.substr(0, colon)});
                display_ += "(?P<" + inner.substr(0, colon) + ">[\\d]+)";
            } else {
                throw std::invalid_argument("unknown parameter type in route " + path_);
            }
        } else {
            display_ += segment;
            segments_.push_back({Segment::Kind::kLiteral, std::move(segment)});
        }
    }
    if (display_.empty()) display_ = "/";
}

bool Route::has_params() const {
    return std::any_of(segments_.begin(), segments_.end(),
                       [](const Segment& s) { return s.kind != Segment::Kind::kLiteral; });
}

std::optional<std::vector<std::pair<std::string, std::string>>> Route::match(
    std::string_view route) const {
    std::vector<std::pair<std::string, std::string>> params;
    if (route == "/") route = {};  // the index route has no segments
    std::size_t pos = 0;
    for (const auto& seg : segments_) {
        if (pos >= route.size() || route[pos] != '/') return std::nullopt;
        ++pos;
        std::size_t end = route.find('/', pos);
        if (end == std::string_view::npos) end = route.size();
        std::string_view part = route.substr(pos, end - pos);
        pos = end;
        switch (seg.kind) {
            case Segment::Kind::kLiteral:
                if (part.size() != seg.text.size() ||
                    strncasecmp(part.data(), seg.text.data(), part.size()) != 0) {
                    return std::nullopt;
                }
                break;
            case Segment::Kind::kIntParam:
                if (part.empty() || !std::all_of(part.begin(), part.end(),
                                                 [](char c) { return c >= '0' && c <= '9'; })) {
                    return std::nullopt;
                }
                params.emplace_back(seg.text, std::string(part));
                break;
            case Segment::Kind::kParam:
                if (part.empty()) return std::nullopt;
                params.emplace_back(seg.text, std::string(part));
                break;
        }
    }
    if (pos != route.size()) return std::nullopt;
    return params;
}

void Router::add(std::string_view ns, std::string_view pattern, Endpoint endpoint) {
    if (frozen_) throw std::logic_error("routes are registered from main, before serving");
    std::string path = "/" + std::string(ns);
    if (!pattern.empty()) {
        if (pattern.front() != '/') path += "/";
        path += pattern;
    }
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    for (auto& r : routes_) {
        if (r.path() == path) {
            r.mutable_endpoints().push_back(std::move(endpoint));
            return;
        }
    }
    routes_.emplace_back(std::string(ns), path);
    routes_.back().mutable_endpoints().push_back(std::move(endpoint));
}

std::optional<Router::Match> Router::match(std::string_view route, std::string_view method) const {
    std::optional<Match> first_path_match;
    for (const auto& r : routes_) {
        auto params = r.match(route);
        if (!params) continue;
        for (const auto& e : r.endpoints()) {
            if (!e.allow_only && e.accepts(method)) return Match{&r, &e, std::move(*params)};
        }
        if (!first_path_match) first_path_match = Match{&r, nullptr, std::move(*params)};
    }
    return first_path_match;
}

std::vector<std::string> Router::namespaces() const {
    std::vector<std::string> out;
    for (const auto& r : routes_) {
        if (r.ns().empty()) continue;
        if (std::find(out.begin(), out.end(), r.ns()) == out.end()) out.push_back(r.ns());
    }
    return out;
}

}  // namespace cartpress::rest
