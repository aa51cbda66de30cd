#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace cartpress::site {

using CapabilitySet = std::unordered_set<std::string>;

// One role of <prefix>user_roles: its capabilities with their stored truth value.
struct RoleDefinition {
    std::string name;
    std::map<std::string, bool> capabilities;
    // The effective capabilities of a user whose map grants this role and nothing else, built
    // once with the roles (auth::sole_role_capabilities): nearly every user holds one role, so
    // a request shares this set instead of merging ~70 capabilities. Null: not built.
    std::shared_ptr<const CapabilitySet> sole_holder_capabilities;
};

// The WordPress options the host reads (wordpress-rest.md §1.3), as of one load.
struct SiteOptions {
    std::string siteurl;
    std::string home;
    std::string blogname;
    std::string blogdescription;
    std::string gmt_offset = "0";
    std::string timezone_string;
    std::int64_t page_for_posts = 0;
    std::int64_t page_on_front = 0;
    std::string show_on_front = "posts";
    std::string permalink_structure;
    std::string blog_charset = "UTF-8";
    std::int64_t db_version = 0;
    bool using_application_passwords = false;
    std::string avatar_default = "mystery";
    std::string avatar_rating = "G";
    std::string fluent_cart_store_settings;  // raw option value; empty when absent
    // Permalink of FluentCart's receipt page (store setting receipt_page_id) when that is a
    // published page; empty otherwise. Resolved with the options, so it follows their TTL.
    std::string fluent_cart_receipt_page_url;
    std::unordered_map<std::string, RoleDefinition> roles;
    bool loaded = false;  // false: the database could not be read; values are defaults

    // <home>/wp-json/ or <home>/index.php?rest_route=/ (§2).
    std::string rest_root(const std::string& rest_prefix) const;
    // The REST URL of a route such as "/cartpress/v1/status".
    std::string rest_url(const std::string& rest_prefix, const std::string& route) const;
    // Charset for Content-Type: utf8/UTF8 → UTF-8.
    std::string content_charset() const;
};

}  // namespace cartpress::site
