#include <cartpress/site/site_options.hpp>

namespace cartpress::site {
namespace {

std::string trim_trailing_slashes(std::string s) {
    while (!s.empty() && s.back() == '/') s.pop_back();
    return s;
}

}  // namespace

std::string SiteOptions::rest_root(const std::string& rest_prefix) const {
    const std::string base = trim_trailing_slashes(home);
    if (permalink_structure.empty()) return base + "/index.php?rest_route=/";
    if (permalink_structure.rfind("/index.php", 0) == 0) {
        return base + "/index.php/" + rest_prefix + "/";
    }
    return base + "/" + rest_prefix + "/";
}

std::string SiteOptions::rest_url(const std::string& rest_prefix, const std::string& route) const {
    std::string path = route;
    if (!path.empty() && path.front() == '/') path.erase(0, 1);
    return rest_root(rest_prefix) + path;
}

std::string SiteOptions::content_charset() const {
    if (blog_charset.empty() || blog_charset == "utf8" || blog_charset == "UTF8" ||
        blog_charset == "utf-8") {
        return "UTF-8";
    }
    return blog_charset;
}

}  // namespace cartpress::site
