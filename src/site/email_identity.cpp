#include <openssl/evp.h>

#include <array>
#include <cartpress/site/email_identity.hpp>
#include <stdexcept>

namespace cartpress::site {
namespace {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string email_key(std::string_view email) {
    while (!email.empty() && is_ascii_space(email.front())) email.remove_prefix(1);
    while (!email.empty() && is_ascii_space(email.back())) email.remove_suffix(1);
    std::string key(email);
    for (char& c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return key;
}

std::string email_lock_name(std::string_view key) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(key.data(), key.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("OpenSSL: sha256 failed");
    }
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string name = "cartpress:email:";
    for (unsigned int i = 0; i < 20; ++i) {
        name += kHex[digest[i] >> 4];
        name += kHex[digest[i] & 0x0f];
    }
    return name;
}

}  // namespace cartpress::site
