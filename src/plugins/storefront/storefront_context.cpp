#include "storefront/storefront_context.hpp"

#include <cartpress/core/digest.hpp>
#include <charconv>

namespace cartpress::plugins::storefront {
namespace {

constexpr std::int64_t kMinTokenTtl = 300;
constexpr std::int64_t kMaxTokenTtl = 86400;
constexpr std::size_t kMinSecretBytes = 32;
constexpr std::string_view kTokenKeyLabel = "cartpress customer token v1";

std::string plugin_value(const config::Settings& s, const std::string& key, std::string fallback) {
    const auto it = s.plugin.find(key);
    return it == s.plugin.end() ? fallback : it->second;
}

}  // namespace

core::Result<StorefrontSettings, std::string> read_storefront_settings(const config::Settings& s) {
    StorefrontSettings out;
    const std::string ttl = plugin_value(s, "storefront.token_ttl", "3600");
    const auto [end, ec] = std::from_chars(ttl.data(), ttl.data() + ttl.size(), out.token_ttl);
    if (ec != std::errc() || end != ttl.data() + ttl.size() || out.token_ttl < kMinTokenTtl ||
        out.token_ttl > kMaxTokenTtl) {
        return core::fail(
            "storefront.token_ttl must be a whole number of seconds from 300 to 86400");
    }
    const std::string secret = plugin_value(s, "storefront.token_secret", "");
    if (!secret.empty()) {
        if (secret.size() < kMinSecretBytes) {
            return core::fail("storefront.token_secret must be at least 32 bytes");
        }
        out.token_key = secret;
    } else if (!s.salt.auth_key.empty() && !s.salt.auth_salt.empty()) {
        const auto k = core::hmac_sha256(s.salt.auth_key + s.salt.auth_salt, kTokenKeyLabel);
        out.token_key.assign(reinterpret_cast<const char*>(k.data()), k.size());
    }
    const std::string signup = plugin_value(s, "storefront.signup", "auto");
    if (signup == "auto") {
        out.signup = SignupMode::kAuto;
    } else if (signup == "open") {
        out.signup = SignupMode::kOpen;
    } else if (signup == "closed") {
        out.signup = SignupMode::kClosed;
    } else {
        return core::fail("storefront.signup must be auto, open or closed");
    }
    return out;
}

StorefrontContext::StorefrontContext(std::string prefix, std::string rest, const core::Clock& c,
                                     StorefrontSettings s, fluent_cart::Countries list)
    : table_prefix(std::move(prefix)),
      rest_prefix(std::move(rest)),
      clock(c),
      settings(std::move(s)),
      countries(std::move(list)),
      email_collation_query(
          "SELECT COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
          "AND TABLE_NAME = ? AND COLUMN_NAME = 'email'") {}

bool StorefrontContext::email_column_ci(db::Session& session) const {
    const int known = email_ci_.load(std::memory_order_relaxed);
    if (known >= 0) return known == 1;
    const std::string table = table_prefix + "fct_customers";
    auto rows = session.query(email_collation_query, {std::string_view(table)});
    if (!rows || rows->empty()) return false;  // LOWER(TRIM()) works for either; ask again later
    const std::string collation = (*rows)[0].str(0);
    const bool ci = collation.size() > 3 && collation.compare(collation.size() - 3, 3, "_ci") == 0;
    email_ci_.store(ci ? 1 : 0, std::memory_order_relaxed);
    return ci;
}

}  // namespace cartpress::plugins::storefront
