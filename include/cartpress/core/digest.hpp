#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <string_view>

namespace cartpress::core {

using Sha256 = std::array<unsigned char, 32>;
using Md5 = std::array<unsigned char, 16>;

// SHA-256 through OpenSSL with the algorithm fetched once per process (OpenSSL 3 otherwise
// looks the implementation up again, under a lock, on every call). Throws only when OpenSSL
// cannot allocate.
Sha256 sha256(std::string_view data);
// HMAC-SHA256 of `data` under `key` (OpenSSL's one-shot HMAC). Throws only when OpenSSL fails.
Sha256 hmac_sha256(std::string_view key, std::string_view data);

// MD5 the same way (FluentCart's uuid column is an MD5 hex; not for secrets).
Md5 md5(std::string_view data);

// Lower-case hex of `bytes` (of its first `count` bytes when that is fewer).
std::string hex(std::span<const unsigned char> bytes,
                std::size_t count = std::numeric_limits<std::size_t>::max());

}  // namespace cartpress::core
