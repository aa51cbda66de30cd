#include <openssl/rand.h>

#include <cartpress/core/random.hpp>
#include <stdexcept>

namespace cartpress::core {

std::string Random::bytes(std::size_t n) {
    std::string out(n, '\0');
    fill(std::span<std::uint8_t>(reinterpret_cast<std::uint8_t*>(out.data()), out.size()));
    return out;
}

void SecureRandom::fill(std::span<std::uint8_t> out) {
    if (out.empty()) return;
    // RAND_bytes failing means the process has no entropy source: nothing safe can follow.
    if (RAND_bytes(out.data(), static_cast<int>(out.size())) != 1) {
        throw std::runtime_error("RAND_bytes failed");
    }
}

}  // namespace cartpress::core
