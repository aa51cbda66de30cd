#pragma once

#include <cstddef>
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
    explicit VerifiedHashCache(std::size_t capacity = 4096) : capacity_(capacity) {}

    bool contains(std::string_view stored_hash, std::string_view password) const;
    void insert(std::string_view stored_hash, std::string_view password);

private:
    static std::string key(std::string_view stored_hash, std::string_view password);

    std::size_t capacity_;
    mutable std::mutex mutex_;
    std::unordered_set<std::string> entries_;
};

}  // namespace cartpress::auth
