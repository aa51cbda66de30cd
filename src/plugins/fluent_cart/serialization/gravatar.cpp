#include "gravatar.hpp"

#include <cartpress/core/digest.hpp>
#include <cartpress/core/strings.hpp>

namespace cartpress::plugins::fluent_cart {
namespace {

using core::ascii_lower;
using core::php_trim;

// PHP's rawurlencode (RFC 3986): everything but A-Z a-z 0-9 - _ . ~ as %XX, upper-case hex.
std::string rawurlencode(std::string_view s) {
    static constexpr std::string_view kHex = "0123456789ABCDEF";
    std::string out;
    for (const char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0x0f];
        }
    }
    return out;
}

// array_filter() drops these before the query string is built.
bool php_falsy(std::string_view s) { return s.empty() || s == "0"; }

std::string email_hash(std::string_view email) {
    // WordPress lets a caller pass a ready hash as "<hash>@md5.gravatar.com" (or sha256).
    if (email.find("@md5.gravatar.com") != std::string_view::npos ||
        email.find("@sha256.gravatar.com") != std::string_view::npos) {
        return std::string(email.substr(0, email.find('@')));
    }
    if (php_falsy(email)) return "";
    return core::hex(core::sha256(ascii_lower(php_trim(email))));
}

}  // namespace

std::string gravatar_url(std::string_view email, std::string_view avatar_default_option,
                         std::string_view avatar_rating_option) {
    std::string url = "https://secure.gravatar.com/avatar/" + email_hash(email) + "?s=100";

    std::string_view avatar_default = avatar_default_option;
    if (avatar_default == "mystery" || avatar_default == "mm" || avatar_default == "mysteryman") {
        avatar_default = "mm";
    } else if (avatar_default == "gravatar_default") {
        avatar_default = "";
    }
    if (!php_falsy(avatar_default)) url += "&#038;d=" + rawurlencode(avatar_default);

    const std::string rating = ascii_lower(avatar_rating_option);
    if (!php_falsy(rating)) url += "&#038;r=" + rawurlencode(rating);
    return url;
}

}  // namespace cartpress::plugins::fluent_cart
