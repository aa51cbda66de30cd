#pragma once

// The customer token of storefront-v1.md §6, without the database:
//   cpt1.<customer_id>.<expires unix>.<id>.<sig>
// id = 16 random bytes, base64url; sig = base64url HMAC-SHA256(K,
// "cpt1.<customer_id>.<expires>.<id>"). The signature lets a forged or altered token be refused
// without a database read; the row (found by SHA-256 of the id bytes) decides revocation.

#include <cartpress/core/digest.hpp>
#include <cartpress/core/result.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace cartpress::plugins::storefront {

inline constexpr std::size_t kTokenIdBytes = 16;
// A token is never longer than this (the header value is refused unread beyond it).
inline constexpr std::size_t kMaxTokenLength = 160;

struct TokenClaims {
    std::int64_t customer_id = 0;
    std::int64_t expires = 0;  // Unix seconds
    std::string id;            // kTokenIdBytes raw bytes
};

// The token text for `claims` under key K.
std::string sign_token(std::string_view key, const TokenClaims& claims);

enum class TokenProblem {
    kMalformed,     // not the format above (401 storefront_invalid_customer_token)
    kExpired,       // now >= expires (401 storefront_customer_token_expired)
    kBadSignature,  // (401 storefront_invalid_customer_token)
};

struct VerifiedToken {
    TokenClaims claims;
    core::Sha256 id_hash;  // SHA-256 of the id bytes: the row's token_hash
};

// The §6 check order without the row: shape, then expiry, then the signature (compared in
// constant time). Numbers must be canonical (no sign, no leading zero), the customer id > 0.
core::Result<VerifiedToken, TokenProblem> verify_token(std::string_view key, std::string_view token,
                                                       std::int64_t now);

}  // namespace cartpress::plugins::storefront
