#pragma once

#include <memory>
#include <string>

#include "support/mariadb_instance.hpp"
#include "support/nginx_instance.hpp"
#include "support/store_fixtures.hpp"

namespace cartpress::test {

// Started once for the e2e binary: one MariaDB with the reference store under `wp_` (plus the
// users the auth tests need) and a copy under `shop_`, a host and an nginx for each.
struct E2eWorld {
    E2eWorld();
    ~E2eWorld();
    static E2eWorld& get();

    std::unique_ptr<MariaDbInstance> db;
    std::string dir;
    std::unique_ptr<HostProcess> host;  // config file, database cp_ref, prefix wp_
    std::unique_ptr<NginxInstance> nginx;
    std::unique_ptr<HostProcess> shop_host;  // --wp-config, database cp_shop, prefix shop_
    std::unique_ptr<NginxInstance> shop_nginx;
    ReferenceCredentials creds;

    static constexpr const char* kManagerPassword = "Mngr 1234 abcd EFGH 5678 ijkl";
    static constexpr const char* kEditorPassword = "EditorPassword0123456789";
    static constexpr const char* kUsagePassword = "UsagePassword00000000000";
    static constexpr const char* kLegacyPassword = "Lgcy8PhpassAppPassword42";

    int port() const { return nginx->port(); }
};

}  // namespace cartpress::test
