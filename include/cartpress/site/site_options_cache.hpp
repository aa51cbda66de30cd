#pragma once

#include <cartpress/core/clock.hpp>
#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cartpress/site/site_options.hpp>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace cartpress::site {

// Reads the options of §1.3 in one statement.
core::Result<SiteOptions, db::DbError> load_site_options(db::Session& session,
                                                         const std::string& table_prefix);

// Parses <prefix>user_roles (a PHP-serialized map); a corrupt value gives no roles.
std::unordered_map<std::string, RoleDefinition> parse_user_roles(std::string_view serialized);

// Settings that override options, as WP_HOME / WP_SITEURL do.
struct OptionOverrides {
    std::optional<std::string> home;
    std::optional<std::string> siteurl;
};

// Process-wide cache with a short TTL (≤ 60 s by the spec), shared by the worker threads.
// A failed reload keeps serving the last good copy; with none, defaults marked !loaded.
class SiteOptionsCache {
public:
    SiteOptionsCache(std::string table_prefix, std::chrono::seconds ttl, OptionOverrides overrides);

    std::shared_ptr<const SiteOptions> get(db::Session& session, const core::Clock& clock);
    void invalidate();

private:
    std::string table_prefix_;
    std::chrono::seconds ttl_;
    OptionOverrides overrides_;
    std::mutex mutex_;
    std::shared_ptr<const SiteOptions> current_;
    std::chrono::steady_clock::time_point loaded_at_{};
};

}  // namespace cartpress::site
