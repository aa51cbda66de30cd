#include <openssl/evp.h>

#include <cartpress/core/digest.hpp>
#include <memory>
#include <stdexcept>

namespace cartpress::core {
namespace {

struct MdFree {
    void operator()(EVP_MD* md) const { EVP_MD_free(md); }
};

const EVP_MD* sha256_algorithm() {
    static const std::unique_ptr<EVP_MD, MdFree> md(EVP_MD_fetch(nullptr, "SHA256", nullptr));
    return md.get();
}

}  // namespace

Sha256 sha256(std::string_view data) {
    Sha256 digest{};
    unsigned int length = 0;
    const EVP_MD* md = sha256_algorithm();
    if (md == nullptr ||
        EVP_Digest(data.data(), data.size(), digest.data(), &length, md, nullptr) != 1 ||
        length != digest.size()) {
        throw std::runtime_error("OpenSSL: sha256 failed");
    }
    return digest;
}

std::string hex(const Sha256& digest, std::size_t bytes) {
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string out;
    out.reserve(bytes * 2);
    for (std::size_t i = 0; i < bytes && i < digest.size(); ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0x0f];
    }
    return out;
}

}  // namespace cartpress::core
