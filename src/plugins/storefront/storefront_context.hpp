#pragma once

#include <atomic>
#include <cartpress/config/settings.hpp>
#include <cartpress/core/clock.hpp>
#include <cartpress/core/result.hpp>
#include <cartpress/db/session.hpp>
#include <cstdint>
#include <string>

#include "storefront/repositories/token_repository.hpp"

namespace cartpress::plugins::storefront {

// Who may sign up without staff credentials (config storefront.signup, spec §8).
enum class SignupMode {
    kAuto,    // as WordPress's option users_can_register says
    kOpen,    // always
    kClosed,  // never
};

// The plugin's settings (storefront.* config keys), validated at startup.
struct StorefrontSettings {
    std::int64_t token_ttl = 3600;  // seconds, 300–86400 (spec §6)
    // The HMAC key K of §6: storefront.token_secret as given, else HMAC-SHA256(AUTH_KEY‖AUTH_SALT,
    // "cartpress customer token v1"). Empty when neither is configured: token routes then
    // answer 500 and the log says why.
    std::string token_key;
    SignupMode signup = SignupMode::kAuto;
};

// Errors name the key and the rule.
core::Result<StorefrontSettings, std::string> read_storefront_settings(
    const config::Settings& settings);

// What every storefront handler shares: built once at startup, read-only afterwards.
struct StorefrontContext {
    StorefrontContext(std::string prefix, const core::Clock& c, StorefrontSettings s);

    std::string table_prefix;
    const core::Clock& clock;
    StorefrontSettings settings;
    TokenQueries token_queries{table_prefix};
    std::string email_collation_query;  // information_schema: {p}fct_customers.email's collation

    // Whether {p}fct_customers.email compares case-insensitively (spec §4), read from
    // information_schema on first use and kept for the process (false until it could be read).
    bool email_column_ci(db::Session& session) const;

private:
    mutable std::atomic<int> email_ci_{-1};  // -1 unknown, 0 no, 1 yes
};

}  // namespace cartpress::plugins::storefront
