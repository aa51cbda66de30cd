#include <cartpress/auth/password_hash.hpp>
#include <cartpress/auth/verified_hash_cache.hpp>
#include <cartpress/core/digest.hpp>

namespace cartpress::auth {

VerifiedHashCache::VerifiedHashCache(std::size_t capacity, Verifier verifier)
    : capacity_(capacity), verifier_(verifier ? std::move(verifier) : Verifier(verify_password)) {}

bool VerifiedHashCache::verify(std::string_view stored_hash, std::string_view password) {
    const core::Sha256 digest = core::sha256(password);
    std::string key(stored_hash);
    key.push_back('\0');
    key.append(reinterpret_cast<const char*>(digest.data()), digest.size());
    {
        std::lock_guard lock(mutex_);
        if (entries_.count(key) > 0) return true;
    }
    if (!verifier_(password, stored_hash)) return false;
    std::lock_guard lock(mutex_);
    if (entries_.size() >= capacity_) entries_.clear();  // simple bound; refills in one pass
    entries_.insert(std::move(key));
    return true;
}

}  // namespace cartpress::auth
