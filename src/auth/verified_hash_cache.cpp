#include <openssl/evp.h>

#include <cartpress/auth/verified_hash_cache.hpp>

namespace cartpress::auth {

std::string VerifiedHashCache::key(std::string_view stored_hash, std::string_view password) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(password.data(), password.size(), digest, &length, EVP_sha256(), nullptr);
    std::string k(stored_hash);
    k.push_back('\0');
    k.append(reinterpret_cast<const char*>(digest), length);
    return k;
}

bool VerifiedHashCache::contains(std::string_view stored_hash, std::string_view password) const {
    const std::string k = key(stored_hash, password);
    std::lock_guard lock(mutex_);
    return entries_.count(k) > 0;
}

void VerifiedHashCache::insert(std::string_view stored_hash, std::string_view password) {
    std::string k = key(stored_hash, password);
    std::lock_guard lock(mutex_);
    if (entries_.size() >= capacity_) entries_.clear();  // simple bound; refills in one pass
    entries_.insert(std::move(k));
}

}  // namespace cartpress::auth
