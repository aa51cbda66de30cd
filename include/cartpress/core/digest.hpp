#pragma once

#include <array>
#include <string>
#include <string_view>

namespace cartpress::core {

using Sha256 = std::array<unsigned char, 32>;

// SHA-256 through OpenSSL with the algorithm fetched once per process (OpenSSL 3 otherwise
// looks the implementation up again, under a lock, on every call). Throws only when OpenSSL
// cannot allocate.
Sha256 sha256(std::string_view data);

// Lower-case hex of the first `bytes` bytes of a digest.
std::string hex(const Sha256& digest, std::size_t bytes = 32);

}  // namespace cartpress::core
