#pragma once

#include <atomic>
#include <cartpress/config/settings.hpp>
#include <cartpress/core/clock.hpp>
#include <cartpress/core/result.hpp>
#include <cartpress/db/session.hpp>
#include <cartpress/site/wordpress_user_writer.hpp>
#include <cstdint>
#include <string>

#include "fluent_cart/repositories/new_customer_writer.hpp"
#include "fluent_cart/serialization/countries.hpp"
#include "storefront/repositories/address_repository.hpp"
#include "storefront/repositories/cart_repository.hpp"
#include "storefront/repositories/customer_repository.hpp"
#include "storefront/repositories/order_repository.hpp"
#include "storefront/repositories/subscription_repository.hpp"
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
    StorefrontContext(std::string prefix, std::string rest_prefix, const core::Clock& c,
                      StorefrontSettings s, fluent_cart::Countries countries);

    std::string table_prefix;
    std::string rest_prefix;  // "wp-json": for the URLs in _links and Location
    const core::Clock& clock;
    StorefrontSettings settings;
    fluent_cart::Countries countries;
    config::HashFormat hash_format = config::HashFormat::kAuto;  // for accounts it creates
    TokenQueries token_queries{table_prefix};
    CustomerQueries customer_queries{table_prefix};
    fluent_cart::NewCustomerQueries lock_queries{table_prefix};  // the shared email lock
    fluent_cart::CustomerChangeQueries customer_change_queries{table_prefix};
    StoreOrderQueries store_order_queries{table_prefix};
    CartQueries cart_queries{table_prefix};
    AddressQueries address_queries{table_prefix};
    SubscriptionQueries subscription_queries{table_prefix};
    site::WordPressUserQueries wordpress_user_queries{table_prefix};
    std::string email_collation_query;  // information_schema: {p}fct_customers.email's collation

    // Whether {p}fct_customers.email compares case-insensitively (spec §4), read from
    // information_schema on first use and kept for the process (false until it could be read).
    bool email_column_ci(db::Session& session) const;

private:
    mutable std::atomic<int> email_ci_{-1};  // -1 unknown, 0 no, 1 yes
};

}  // namespace cartpress::plugins::storefront
