#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>

namespace cartpress::auth {

// Remembers (stored hash, SHA-256 of the supplied password) pairs that verified, so a phpass
// hash (8,192 MD5 rounds) is computed once per process, not per request. The stored hash is
// still read from the database on every request: a revoked or changed password stops working
// at once because its hash is no longer there to look up.
class VerifiedHashCache {
public:
    // (password, stored hash) -> matches; auth::verify_password unless a test counts calls.
    using Verifier = std::function<bool(std::string_view, std::string_view)>;

    explicit VerifiedHashCache(std::size_t capacity = 4096, Verifier verifier = {});

    // verify_password(password, stored_hash), from memory when the pair verified before; a
    // pair that verifies now is remembered. A failed check is never remembered.
    bool verify(std::string_view stored_hash, std::string_view password);

private:
    std::size_t capacity_;
    Verifier verifier_;
    mutable std::mutex mutex_;
    std::unordered_set<std::string> entries_;
};

}  // namespace cartpress::auth
