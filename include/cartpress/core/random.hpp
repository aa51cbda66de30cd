#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace cartpress::core {

// Randomness is injected for the same reason as the clock: tests pin salts and uuids.
class Random {
public:
    virtual ~Random() = default;
    virtual void fill(std::span<std::uint8_t> out) = 0;

    std::string bytes(std::size_t n);
};

// Cryptographically secure bytes from OpenSSL's RAND_bytes.
class SecureRandom final : public Random {
public:
    void fill(std::span<std::uint8_t> out) override;
};

}  // namespace cartpress::core
