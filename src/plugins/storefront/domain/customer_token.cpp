#include "storefront/domain/customer_token.hpp"

#include <cartpress/auth/password_hash.hpp>
#include <cartpress/core/base64.hpp>
#include <charconv>
#include <vector>

namespace cartpress::plugins::storefront {
namespace {

constexpr std::string_view kPrefix = "cpt1";

std::string_view as_chars(const core::Sha256& d) {
    return {reinterpret_cast<const char*>(d.data()), d.size()};
}

std::string signed_part(std::int64_t customer_id, std::int64_t expires, std::string_view id_b64) {
    std::string s(kPrefix);
    s += '.';
    s += std::to_string(customer_id);
    s += '.';
    s += std::to_string(expires);
    s += '.';
    s += id_b64;
    return s;
}

// Digits only, no leading zero (so one number has one spelling), within int64.
std::optional<std::int64_t> canonical_number(std::string_view s) {
    if (s.empty() || s.size() > 19 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || v < 0) return std::nullopt;
    return v;
}

}  // namespace

std::string sign_token(std::string_view key, const TokenClaims& claims) {
    const std::string id = core::base64_unpadded(claims.id, core::Base64Alphabet::kUrl);
    std::string text = signed_part(claims.customer_id, claims.expires, id);
    const auto sig = core::hmac_sha256(key, text);
    text += '.';
    text += core::base64_unpadded(as_chars(sig), core::Base64Alphabet::kUrl);
    return text;
}

core::Result<VerifiedToken, TokenProblem> verify_token(std::string_view key, std::string_view token,
                                                       std::int64_t now) {
    if (token.size() > kMaxTokenLength) return core::fail(TokenProblem::kMalformed);
    std::vector<std::string_view> parts;
    for (std::size_t at = 0;;) {
        const std::size_t dot = token.find('.', at);
        parts.push_back(token.substr(at, dot == token.npos ? token.npos : dot - at));
        if (dot == token.npos) break;
        at = dot + 1;
    }
    if (parts.size() != 5 || parts[0] != kPrefix) return core::fail(TokenProblem::kMalformed);
    const auto customer_id = canonical_number(parts[1]);
    const auto expires = canonical_number(parts[2]);
    const auto id = core::base64url_decode(parts[3]);
    const auto sig = core::base64url_decode(parts[4]);
    if (!customer_id || *customer_id == 0 || !expires || !id || id->size() != kTokenIdBytes ||
        !sig || sig->size() != std::tuple_size_v<core::Sha256>) {
        return core::fail(TokenProblem::kMalformed);
    }
    if (now >= *expires) return core::fail(TokenProblem::kExpired);
    const auto expected = core::hmac_sha256(key, signed_part(*customer_id, *expires, parts[3]));
    if (!auth::constant_time_equals(as_chars(expected), *sig)) {
        return core::fail(TokenProblem::kBadSignature);
    }
    VerifiedToken out;
    out.claims = {*customer_id, *expires, *id};
    out.id_hash = core::sha256(*id);
    return out;
}

}  // namespace cartpress::plugins::storefront
