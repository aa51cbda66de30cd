#include <cartpress/auth/capabilities.hpp>
#include <cartpress/core/php_serialize.hpp>
#include <cartpress/site/page_permalink.hpp>
#include <cartpress/site/site_options_cache.hpp>
#include <charconv>

namespace cartpress::site {
namespace {

std::int64_t to_int(std::string_view s) {
    std::int64_t v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

// PHP's truthiness of an option stored as text.
bool truthy_text(std::string_view s) { return !s.empty() && s != "0"; }

}  // namespace

std::unordered_map<std::string, RoleDefinition> parse_user_roles(std::string_view serialized) {
    std::unordered_map<std::string, RoleDefinition> roles;
    auto parsed = core::php_unserialize(serialized);
    if (!parsed || !parsed->is_array()) return roles;
    for (const auto& [key, value] : parsed->as_array()) {
        if (!key.is_string() || !value.is_array()) continue;
        RoleDefinition role;
        if (const auto* name = value.find("name"); name && name->is_string()) {
            role.name = name->as_string();
        }
        if (const auto* caps = value.find("capabilities"); caps && caps->is_array()) {
            for (const auto& [cap, granted] : caps->as_array()) {
                const std::string cap_name =
                    cap.is_string() ? cap.as_string() : std::to_string(cap.as_int());
                role.capabilities[cap_name] = granted.truthy();
            }
        }
        role.sole_holder_capabilities = auth::sole_role_capabilities(key.as_string(), role);
        roles.emplace(key.as_string(), std::move(role));
    }
    return roles;
}

core::Result<SiteOptions, db::DbError> load_site_options(db::Session& session,
                                                         const std::string& table_prefix) {
    const std::string sql = "SELECT option_name, option_value FROM " + table_prefix +
                            "options WHERE option_name IN ('siteurl', 'home', 'blogname', "
                            "'blogdescription', 'gmt_offset', 'timezone_string', "
                            "'page_for_posts', 'page_on_front', 'show_on_front', "
                            "'permalink_structure', 'blog_charset', 'db_version', "
                            "'using_application_passwords', 'avatar_default', 'avatar_rating', "
                            "'fluent_cart_store_settings', ?)";
    const std::string roles_option = table_prefix + "user_roles";
    auto rows = session.query(sql, {std::string_view(roles_option)});
    if (!rows) return core::fail(rows.error());
    SiteOptions o;
    o.loaded = true;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const auto row = (*rows)[i];
        const std::string name = row.str(0);
        std::string value = row.str(1);
        if (name == "siteurl")
            o.siteurl = std::move(value);
        else if (name == "home")
            o.home = std::move(value);
        else if (name == "blogname")
            o.blogname = std::move(value);
        else if (name == "blogdescription")
            o.blogdescription = std::move(value);
        else if (name == "gmt_offset")
            o.gmt_offset = std::move(value);
        else if (name == "timezone_string")
            o.timezone_string = std::move(value);
        else if (name == "page_for_posts")
            o.page_for_posts = to_int(value);
        else if (name == "page_on_front")
            o.page_on_front = to_int(value);
        else if (name == "show_on_front")
            o.show_on_front = std::move(value);
        else if (name == "permalink_structure")
            o.permalink_structure = std::move(value);
        else if (name == "blog_charset")
            o.blog_charset = std::move(value);
        else if (name == "db_version")
            o.db_version = to_int(value);
        else if (name == "using_application_passwords")
            o.using_application_passwords = truthy_text(value);
        else if (name == "avatar_default")
            o.avatar_default = std::move(value);
        else if (name == "avatar_rating")
            o.avatar_rating = std::move(value);
        else if (name == "fluent_cart_store_settings")
            o.fluent_cart_store_settings = std::move(value);
        else if (name == roles_option)
            o.roles = parse_user_roles(value);
    }
    if (const auto page = fluent_cart_receipt_page_id(o.fluent_cart_store_settings); page > 0) {
        auto url = published_page_permalink(session, table_prefix, o, page);
        if (!url) return core::fail(url.error());
        o.fluent_cart_receipt_page_url = std::move(*url);
    }
    return o;
}

SiteOptionsCache::SiteOptionsCache(std::string table_prefix, std::chrono::seconds ttl,
                                   OptionOverrides overrides)
    : table_prefix_(std::move(table_prefix)), ttl_(ttl), overrides_(std::move(overrides)) {}

std::shared_ptr<const SiteOptions> SiteOptionsCache::get(db::Session& session,
                                                         const core::Clock& clock) {
    const auto now = clock.steady_now();
    {
        std::lock_guard lock(mutex_);
        if (current_ && now - loaded_at_ < ttl_) return current_;
    }
    // Loaded outside the lock: two workers may both reload, which is harmless and cheaper
    // than making every worker wait for one slow query.
    auto loaded = load_site_options(session, table_prefix_);
    std::lock_guard lock(mutex_);
    if (!loaded) {
        if (current_) return current_;
        auto defaults = std::make_shared<SiteOptions>();
        if (overrides_.home) defaults->home = *overrides_.home;
        if (overrides_.siteurl) defaults->siteurl = *overrides_.siteurl;
        return defaults;
    }
    if (overrides_.home) loaded->home = *overrides_.home;
    if (overrides_.siteurl) loaded->siteurl = *overrides_.siteurl;
    current_ = std::make_shared<const SiteOptions>(std::move(*loaded));
    loaded_at_ = now;
    return current_;
}

void SiteOptionsCache::invalidate() {
    std::lock_guard lock(mutex_);
    current_.reset();
}

}  // namespace cartpress::site
