#include "e2e/e2e_world.hpp"

#include <boost/test/unit_test.hpp>

namespace cartpress::test {
namespace {
E2eWorld* g_world = nullptr;
}

E2eWorld::E2eWorld() {
    db = std::make_unique<MariaDbInstance>();
    creds = reference_credentials();
    dir = make_temp_dir("e2e");

    db->create_store("cp_ref", "wp_", true);
    add_role(*db, "cp_ref", "wp_", "custom_manager", "Custom Manager", {"read", "manage_options"});
    add_user(*db, "cp_ref", "wp_", 3, "manager1", "manager1@example.com", "custom_manager",
             kManagerPassword, HashKind::kGeneric);
    add_user(*db, "cp_ref", "wp_", 4, "editor1", "editor1@example.com", "editor", kEditorPassword,
             HashKind::kGeneric);
    add_user(*db, "cp_ref", "wp_", 5, "usage1", "usage1@example.com", "subscriber", kUsagePassword,
             HashKind::kGeneric);
    add_app_password(*db, "cp_ref", "wp_", 1, "legacy-phpass", kLegacyPassword, HashKind::kPhpass);

    host = std::make_unique<HostProcess>(dir, "ref",
                                         "db.socket = " + db->socket() +
                                             "\ndb.name = cp_ref\ndb.user = root\n"
                                             "table_prefix = wp_\nenvironment_type = local\n");
    nginx = std::make_unique<NginxInstance>(std::vector<std::string>{host->socket()});

    // The shop_ store is reached through a wp-config.php, as `scripts/run --wp-config` does.
    db->create_store("cp_shop", "shop_", true);
    write_file(dir + "/wp-config.php",
               "<?php\ndefine('DB_NAME', 'cp_shop');\ndefine('DB_USER', 'root');\n"
               "define('DB_PASSWORD', '');\ndefine('DB_HOST', 'localhost:" +
                   db->socket() +
                   "');\n$table_prefix = 'shop_';\ndefine('WP_ENVIRONMENT_TYPE', 'local');\n"
                   "require_once ABSPATH . 'wp-settings.php';\n");
    shop_host =
        std::make_unique<HostProcess>(dir, "shop", "wp_config = " + dir + "/wp-config.php\n");
    shop_nginx = std::make_unique<NginxInstance>(std::vector<std::string>{shop_host->socket()});
    g_world = this;
}

E2eWorld::~E2eWorld() {
    g_world = nullptr;
    shop_nginx.reset();
    shop_host.reset();
    nginx.reset();
    host.reset();
    db.reset();
    remove_tree(dir);
}

E2eWorld& E2eWorld::get() {
    if (!g_world) throw std::runtime_error("the e2e world is not running");
    return *g_world;
}

BOOST_TEST_GLOBAL_FIXTURE(E2eWorld);

}  // namespace cartpress::test
