#include <crypt.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/params.h>

#include <algorithm>
#include <array>
#include <cartpress/auth/password_hash.hpp>
#include <cartpress/core/base64.hpp>
#include <cartpress/core/digest.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>

namespace cartpress::auth {

namespace {

constexpr std::string_view kGenericPrefix = "$generic$";
constexpr std::string_view kFastHashKey = "wp_fast_hash_6.8+";
constexpr std::size_t kFastHashBytes = 30;
constexpr std::string_view kBcryptPrehashKey = "wp-sha384";
constexpr std::string_view kWpBcryptPrefix = "$wp";
constexpr unsigned long kWpBcryptCost = 10;
constexpr std::size_t kBcryptSaltBytes = 16;
// Stored values up to this length are legacy unsalted MD5 hex (WordPress < 2.5).
constexpr std::size_t kMaxMd5HashLength = 32;

// phpass: iteration counts outside 2^7..2^30 are refused, and WordPress writes 2^13 ('B').
constexpr int kPhpassMinLog2 = 7;
constexpr int kPhpassMaxLog2 = 30;
constexpr char kPhpassWriteLog2Char = 'B';
constexpr std::size_t kPhpassSaltChars = 8;
constexpr std::size_t kPhpassSaltBytes = 6;

constexpr std::string_view kPhpassAlphabet =
    "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

std::string_view as_chars(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

const unsigned char* as_bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

// phpass's encoding: bytes taken three at a time as a little-endian 24-bit number, emitted low
// 6 bits first; a final group of 1 or 2 bytes gives 2 or 3 characters.
std::string phpass_encode(std::string_view bytes) {
    std::string out;
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t group = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < group; ++k) {
            v |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(bytes[i + k])) << (8 * k);
        }
        for (std::size_t k = 0; k <= group; ++k) out += kPhpassAlphabet[(v >> (6 * k)) & 63];
        i += group;
    }
    return out;
}

struct EvpMdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct EvpMacFree {
    void operator()(EVP_MAC* mac) const { EVP_MAC_free(mac); }
};
struct EvpMacCtxFree {
    void operator()(EVP_MAC_CTX* ctx) const { EVP_MAC_CTX_free(ctx); }
};
struct EvpMdFree {
    void operator()(EVP_MD* md) const { EVP_MD_free(md); }
};

// Fetching an algorithm takes a lock in OpenSSL 3; fetch once and share (fetched objects are
// immutable and thread-safe). A missing algorithm is a broken install, reported by throwing.
const EVP_MD* md5_algorithm() {
    static const std::unique_ptr<EVP_MD, EvpMdFree> md(EVP_MD_fetch(nullptr, "MD5", nullptr));
    if (!md) throw std::runtime_error("OpenSSL: MD5 unavailable");
    return md.get();
}

EVP_MAC* blake2b_mac_algorithm() {
    static const std::unique_ptr<EVP_MAC, EvpMacFree> mac(
        EVP_MAC_fetch(nullptr, "BLAKE2BMAC", nullptr));
    if (!mac) throw std::runtime_error("OpenSSL: BLAKE2BMAC unavailable");
    return mac.get();
}

using Md5Digest = std::array<unsigned char, 16>;

// MD5 over the concatenation of parts, reusing one context across phpass's thousands of rounds.
class Md5 {
public:
    Md5() : ctx_(EVP_MD_CTX_new()) {
        if (!ctx_) throw std::runtime_error("OpenSSL: EVP_MD_CTX_new failed");
    }

    Md5Digest digest(std::string_view a, std::string_view b = {}) {
        Md5Digest out{};
        unsigned int len = 0;
        if (EVP_DigestInit_ex2(ctx_.get(), md5_algorithm(), nullptr) != 1 ||
            EVP_DigestUpdate(ctx_.get(), a.data(), a.size()) != 1 ||
            EVP_DigestUpdate(ctx_.get(), b.data(), b.size()) != 1 ||
            EVP_DigestFinal_ex(ctx_.get(), out.data(), &len) != 1 || len != out.size()) {
            throw std::runtime_error("OpenSSL: MD5 failed");
        }
        return out;
    }

private:
    std::unique_ptr<EVP_MD_CTX, EvpMdCtxFree> ctx_;
};

std::string md5_hex(std::string_view data) { return core::hex(Md5().digest(data)); }

// phpass portable hash of password under setting ("$P$" or "$H$", log2 char, 8 salt chars; more
// characters are ignored), or nullopt when the setting is unusable.
std::optional<std::string> phpass_crypt(std::string_view password, std::string_view setting) {
    if (setting.size() < 4 + kPhpassSaltChars) return std::nullopt;
    const std::string_view id = setting.substr(0, 3);
    if (id != "$P$" && id != "$H$") return std::nullopt;
    const std::size_t log2 = kPhpassAlphabet.find(setting[3]);
    if (log2 == std::string_view::npos || log2 < kPhpassMinLog2 || log2 > kPhpassMaxLog2) {
        return std::nullopt;
    }
    // Salt characters are used as they are, whatever alphabet they come from.
    const std::string_view salt = setting.substr(4, kPhpassSaltChars);

    Md5 md5;
    Md5Digest x = md5.digest(salt, password);
    for (std::uint64_t round = 0, count = std::uint64_t{1} << log2; round < count; ++round) {
        x = md5.digest(as_chars(x.data(), x.size()), password);
    }
    return std::string(setting.substr(0, 4 + kPhpassSaltChars)) +
           phpass_encode(as_chars(x.data(), x.size()));
}

// The system crypt (libxcrypt), thread-safe through a per-call crypt_data. nullopt on failure,
// including inputs with NUL bytes, which a C string would silently cut short.
std::optional<std::string> system_crypt(std::string_view phrase, std::string_view setting) {
    if (phrase.find('\0') != std::string_view::npos ||
        setting.find('\0') != std::string_view::npos) {
        return std::nullopt;
    }
    // ~32 KiB: too big for a worker thread's stack. Value-initialised, as crypt_rn requires.
    auto data = std::make_unique<crypt_data>();
    const std::string phrase_z(phrase);
    const std::string setting_z(setting);
    const char* result =
        crypt_rn(phrase_z.c_str(), setting_z.c_str(), data.get(), sizeof(crypt_data));
    // libxcrypt signals failure with NULL here, other crypts with a "*0"/"*1" marker.
    if (result == nullptr || result[0] == '*') return std::nullopt;
    return std::string(result);
}

bool verify_with_crypt(std::string_view phrase, std::string_view stored) {
    const auto computed = system_crypt(phrase, stored);
    return computed && constant_time_equals(*computed, stored);
}

}  // namespace

bool constant_time_equals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string normalize_app_password(std::string_view password) {
    std::string out;
    out.reserve(password.size());
    for (char c : password) {
        // Explicit ranges, not isalnum: the locale must not widen the set.
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        }
    }
    return out;
}

std::string wp_fast_hash(std::string_view message) {
    std::unique_ptr<EVP_MAC_CTX, EvpMacCtxFree> ctx(EVP_MAC_CTX_new(blake2b_mac_algorithm()));
    std::size_t size = kFastHashBytes;
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_size_t(OSSL_MAC_PARAM_SIZE, &size),
        OSSL_PARAM_construct_end(),
    };
    std::array<unsigned char, kFastHashBytes> mac{};
    std::size_t mac_len = 0;
    if (!ctx || EVP_MAC_init(ctx.get(), as_bytes(kFastHashKey), kFastHashKey.size(), params) != 1 ||
        EVP_MAC_update(ctx.get(), as_bytes(message), message.size()) != 1 ||
        EVP_MAC_final(ctx.get(), mac.data(), &mac_len, mac.size()) != 1 ||
        mac_len != kFastHashBytes) {
        throw std::runtime_error("OpenSSL: BLAKE2b MAC failed");
    }
    return std::string(kGenericPrefix) +
           core::base64_unpadded(as_chars(mac.data(), mac.size()), core::Base64Alphabet::kUrl);
}

std::string wp_bcrypt_prehash(std::string_view password) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int mac_len = 0;
    if (HMAC(EVP_sha384(), kBcryptPrehashKey.data(), static_cast<int>(kBcryptPrehashKey.size()),
             as_bytes(password), password.size(), mac.data(), &mac_len) == nullptr) {
        throw std::runtime_error("OpenSSL: HMAC-SHA384 failed");
    }
    // 48 bytes encode to exactly 64 characters, so there is no padding to drop.
    return core::base64_unpadded(as_chars(mac.data(), mac_len), core::Base64Alphabet::kStandard);
}

std::string hash_phpass(std::string_view password, core::Random& random) {
    const std::string salt_bytes = random.bytes(kPhpassSaltBytes);
    const std::string setting =
        std::string("$P$") + kPhpassWriteLog2Char + phpass_encode(salt_bytes);
    return *phpass_crypt(password, setting);
}

std::string hash_wp_bcrypt(std::string_view password, core::Random& random) {
    const std::string salt_bytes = random.bytes(kBcryptSaltBytes);
    std::array<char, CRYPT_GENSALT_OUTPUT_SIZE> setting{};
    if (crypt_gensalt_rn("$2y$", kWpBcryptCost, salt_bytes.data(),
                         static_cast<int>(salt_bytes.size()), setting.data(),
                         static_cast<int>(setting.size())) == nullptr) {
        throw std::runtime_error("crypt_gensalt_rn: bcrypt ($2y$) unavailable");
    }
    const auto hash = system_crypt(wp_bcrypt_prehash(password), setting.data());
    if (!hash) throw std::runtime_error("crypt_rn: bcrypt ($2y$) failed");
    return std::string(kWpBcryptPrefix) + *hash;
}

bool verify_password(std::string_view password, std::string_view stored_hash) {
    if (password.size() > kMaxPasswordBytes) return false;
    if (stored_hash.size() <= kMaxMd5HashLength) {
        return constant_time_equals(md5_hex(password), stored_hash);
    }
    if (stored_hash.starts_with(kGenericPrefix)) {
        return constant_time_equals(wp_fast_hash(password), stored_hash);
    }
    if (stored_hash.starts_with(kWpBcryptPrefix)) {
        return verify_with_crypt(wp_bcrypt_prehash(password),
                                 stored_hash.substr(kWpBcryptPrefix.size()));
    }
    if (stored_hash.starts_with("$P$") || stored_hash.starts_with("$H$")) {
        const auto computed = phpass_crypt(password, stored_hash);
        return computed && constant_time_equals(*computed, stored_hash);
    }
    return verify_with_crypt(password, stored_hash);
}

}  // namespace cartpress::auth
