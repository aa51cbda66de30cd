#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cartpress/core/digest.hpp>
#include <memory>
#include <stdexcept>

namespace cartpress::core {
namespace {

struct MdFree {
    void operator()(EVP_MD* md) const { EVP_MD_free(md); }
};

// Each algorithm is fetched once (thread-safe static init); a fetched EVP_MD is immutable and
// shared by every thread.
const EVP_MD* sha256_algorithm() {
    static const std::unique_ptr<EVP_MD, MdFree> md(EVP_MD_fetch(nullptr, "SHA256", nullptr));
    return md.get();
}

const EVP_MD* md5_algorithm() {
    static const std::unique_ptr<EVP_MD, MdFree> md(EVP_MD_fetch(nullptr, "MD5", nullptr));
    return md.get();
}

template <typename Digest>
Digest digest(const EVP_MD* md, std::string_view name, std::string_view data) {
    Digest out{};
    unsigned int length = 0;
    if (md == nullptr ||
        EVP_Digest(data.data(), data.size(), out.data(), &length, md, nullptr) != 1 ||
        length != out.size()) {
        throw std::runtime_error("OpenSSL: " + std::string(name) + " failed");
    }
    return out;
}

}  // namespace

Sha256 sha256(std::string_view data) { return digest<Sha256>(sha256_algorithm(), "sha256", data); }

Sha256 hmac_sha256(std::string_view key, std::string_view data) {
    Sha256 out{};
    unsigned int length = 0;
    if (HMAC(sha256_algorithm(), key.data(), static_cast<int>(key.size()),
             reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data(),
             &length) == nullptr ||
        length != out.size()) {
        throw std::runtime_error("OpenSSL: HMAC-SHA256 failed");
    }
    return out;
}

Md5 md5(std::string_view data) { return digest<Md5>(md5_algorithm(), "md5", data); }

std::string hex(std::span<const unsigned char> bytes, std::size_t count) {
    static constexpr std::string_view kHex = "0123456789abcdef";
    const std::size_t n = std::min(count, bytes.size());
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out += kHex[bytes[i] >> 4];
        out += kHex[bytes[i] & 0x0f];
    }
    return out;
}

}  // namespace cartpress::core
