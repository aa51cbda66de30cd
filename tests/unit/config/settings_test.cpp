#include <stdlib.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cartpress/config/settings.hpp>
#include <fstream>
#include <string>
#include <vector>

namespace cfg = cartpress::config;

namespace {

// A private directory for the files one test writes; removed with everything in it.
class TempDir {
public:
    TempDir() {
        char pattern[] = "/tmp/cartpress-settings-XXXXXX";
        const char* made = ::mkdtemp(pattern);
        BOOST_TEST_REQUIRE(made != nullptr);
        path_ = made;
    }
    ~TempDir() {
        for (const std::string& file : files_) ::unlink(file.c_str());
        ::rmdir(path_.c_str());
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string write(const std::string& name, const std::string& content) {
        const std::string file = path_ + "/" + name;
        std::ofstream(file, std::ios::binary) << content;
        files_.push_back(file);
        return file;
    }

private:
    std::string path_;
    std::vector<std::string> files_;
};

constexpr const char* kWpConfig = R"php(<?php
define('DB_NAME', 'fct_wp');
define('DB_USER', 'fct');
define('DB_PASSWORD', 'fctpass');
define('DB_HOST', '127.0.0.1:3306');
define('AUTH_KEY',         'fct-peer-auth-key-0001');
define('SECURE_AUTH_KEY',  'fct-peer-secure-auth-key-0002');
define('LOGGED_IN_KEY',    'fct-peer-logged-in-key-0003');
define('NONCE_KEY',        'fct-peer-nonce-key-0004');
define('AUTH_SALT',        'fct-peer-auth-salt-0005');
define('SECURE_AUTH_SALT', 'fct-peer-secure-auth-salt-0006');
define('LOGGED_IN_SALT',   'fct-peer-logged-in-salt-0007');
define('NONCE_SALT',       'fct-peer-nonce-salt-0008');
$table_prefix = 'shop_';
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', 'https://shop.example/');
)php";

// wp-config.php with just the DB credentials and `extra` appended.
std::string wp_config_with(const std::string& db_host, const std::string& extra = "") {
    return "<?php\ndefine('DB_NAME', 'n');\ndefine('DB_USER', 'u');\n"
           "define('DB_PASSWORD', 'p');\ndefine('DB_HOST', '" +
           db_host + "');\n" + extra;
}

cfg::Settings load_ok(const std::vector<std::string>& args,
                      const std::vector<cfg::PluginKey>& plugin_keys = {}) {
    auto result = cfg::load_settings(args, plugin_keys);
    BOOST_TEST_REQUIRE(result.has_value(),
                       "load_settings failed: " << (result ? std::string() : result.error()));
    return *result;
}

std::string load_error(const std::vector<std::string>& args,
                       const std::vector<cfg::PluginKey>& plugin_keys = {}) {
    auto result = cfg::load_settings(args, plugin_keys);
    BOOST_TEST_REQUIRE(!result.has_value());
    return result.error();
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(config)
BOOST_AUTO_TEST_SUITE(settings)

BOOST_AUTO_TEST_CASE(defaults_without_any_input) {
    const cfg::Settings s = load_ok({});
    BOOST_TEST((s.action == cfg::Action::kRun));
    BOOST_TEST(s.socket == "var/run/cartpress.sock");
    BOOST_TEST(s.socket_mode == 0660u);
    BOOST_TEST(s.threads == 0);
    BOOST_TEST(s.listen_backlog == 128);
    BOOST_TEST(s.db.name == "wordpress");
    BOOST_TEST(s.db.user == "root");
    BOOST_TEST(s.db.password == "");
    // A port-less localhost means the socket, as for DB_HOST.
    BOOST_TEST(s.db.host == "localhost");
    BOOST_TEST(s.db.socket == "/run/mysqld/mysqld.sock");
    BOOST_TEST(s.table_prefix == "wp_");
    BOOST_TEST(s.max_body_bytes == 1048576u);
    BOOST_TEST(s.rest_prefix == "wp-json");
    BOOST_TEST((s.environment_type == cfg::EnvironmentType::kProduction));
    BOOST_TEST((s.auth.hash_format == cfg::HashFormat::kAuto));
    BOOST_TEST(s.auth.max_failures == 10);
    BOOST_TEST(s.auth.failure_window_seconds == 300);
    BOOST_TEST(s.jsonp.enabled);
    BOOST_TEST(s.cors.allowed_origins == std::vector<std::string>{"*"});
    BOOST_TEST((s.log.level == cfg::LogLevel::kInfo));
    BOOST_TEST(s.options_cache_seconds == 30);
    BOOST_TEST(s.db.idle_ping_seconds == 30);
    BOOST_TEST(s.salt.auth_key == "");
    BOOST_TEST(s.wp.home == "");
    BOOST_TEST(s.warnings.empty());
}

BOOST_AUTO_TEST_CASE(key_table_defaults_match_the_struct) {
    // Loaded defaults and a default-constructed Settings agree on every key except the DB
    // address, which loading resolves (localhost -> socket).
    const auto without_address = [](const std::string& text) {
        std::string out;
        std::size_t start = 0;
        while (start < text.size()) {
            const std::size_t end = text.find('\n', start);
            const std::string line = text.substr(start, end - start);
            if (line.rfind("db.socket", 0) != 0) out += line + "\n";
            start = end + 1;
        }
        return out;
    };
    BOOST_TEST(without_address(cfg::describe_settings(load_ok({}))) ==
               without_address(cfg::describe_settings(cfg::Settings{})));
}

BOOST_AUTO_TEST_CASE(help_version_and_check_actions) {
    BOOST_TEST((load_ok({"--help"}).action == cfg::Action::kHelp));
    BOOST_TEST((load_ok({"-h"}).action == cfg::Action::kHelp));
    BOOST_TEST((load_ok({"--bogus", "--help"}).action == cfg::Action::kHelp));
    BOOST_TEST((load_ok({"--version"}).action == cfg::Action::kVersion));
    BOOST_TEST((load_ok({"--check-config"}).action == cfg::Action::kCheck));
    BOOST_TEST(contains(cfg::usage_text(), "--wp-config PATH"));
    BOOST_TEST(cfg::version_text().rfind("cartpress ", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(reads_wp_config) {
    TempDir dir;
    const std::string wp = dir.write("wp-config.php", kWpConfig);
    const cfg::Settings s = load_ok({"--wp-config", wp});
    BOOST_TEST(s.wp_config == wp);
    BOOST_TEST(s.db.name == "fct_wp");
    BOOST_TEST(s.db.user == "fct");
    BOOST_TEST(s.db.password == "fctpass");
    BOOST_TEST(s.db.host == "127.0.0.1");
    BOOST_TEST(s.db.port == 3306);
    BOOST_TEST(s.db.socket == "");
    BOOST_TEST(s.table_prefix == "shop_");
    BOOST_TEST((s.environment_type == cfg::EnvironmentType::kLocal));
    BOOST_TEST(s.salt.auth_key == "fct-peer-auth-key-0001");
    BOOST_TEST(s.salt.logged_in_salt == "fct-peer-logged-in-salt-0007");
    BOOST_TEST(s.salt.nonce_salt == "fct-peer-nonce-salt-0008");
    BOOST_TEST(s.wp.home == "https://shop.example");  // untrailingslashed, as WordPress does
    BOOST_TEST(s.wp.siteurl == "");
}

BOOST_AUTO_TEST_CASE(precedence_wp_config_then_file_then_flags) {
    TempDir dir;
    const std::string wp = dir.write("wp-config.php", kWpConfig);
    const std::string conf = dir.write("cartpress.conf", "wp_config = " + wp +
                                                             "\n"
                                                             "db.name = from_file\n"
                                                             "db.user = file_user\n"
                                                             "socket = /tmp/file.sock\n"
                                                             "threads = 3\n");
    const cfg::Settings s = load_ok({"--config", conf, "--set", "db.name=from_flag", "--socket",
                                     "/tmp/flag.sock", "--threads=5", "--threads", "6"});
    BOOST_TEST(s.config_file == conf);
    BOOST_TEST(s.db.name == "from_flag");      // flag > file > wp-config
    BOOST_TEST(s.db.user == "file_user");      // file > wp-config
    BOOST_TEST(s.db.password == "fctpass");    // wp-config > default
    BOOST_TEST(s.socket == "/tmp/flag.sock");  // flag > file
    BOOST_TEST(s.threads == 6);                // the later flag wins
    BOOST_TEST(s.worker_threads() == 6);
    BOOST_TEST(s.table_prefix == "shop_");
}

BOOST_AUTO_TEST_CASE(wp_config_flag_beats_the_file_path) {
    TempDir dir;
    const std::string file_wp = dir.write("a.php", wp_config_with("h1"));
    const std::string flag_wp = dir.write("b.php", wp_config_with("h2"));
    const std::string conf = dir.write("c.conf", "wp_config = " + file_wp + "\n");
    BOOST_TEST(load_ok({"--config", conf}).db.host == "h1");
    BOOST_TEST(load_ok({"--config", conf, "--wp-config=" + flag_wp}).db.host == "h2");
}

BOOST_AUTO_TEST_CASE(config_file_syntax) {
    TempDir dir;
    const std::string conf =
        dir.write("c.conf",
                  "\xEF\xBB\xBF# comment line\r\n"
                  "\r\n"
                  "   # indented comment\n"
                  "db.password = \"  p#ss \\\"q\\\" \\\\ \"  # note\n"
                  "db.user=plain # not a comment\n"
                  "log.level = \"debug\"\n"
                  "cors.allowed_origins = https://A.example, http://b.example:8080\n"
                  "socket_mode = 660\n"
                  "jsonp.enabled = off\n");
    const cfg::Settings s = load_ok({"--config", conf});
    BOOST_TEST(s.db.password == "  p#ss \"q\" \\ ");
    BOOST_TEST(s.db.user == "plain # not a comment");
    BOOST_TEST((s.log.level == cfg::LogLevel::kDebug));
    BOOST_TEST(s.cors.allowed_origins ==
               (std::vector<std::string>{"https://a.example", "http://b.example:8080"}));
    BOOST_TEST(s.socket_mode == 0660u);
    BOOST_TEST(!s.jsonp.enabled);
}

BOOST_AUTO_TEST_CASE(unknown_key_in_file_names_file_and_line) {
    TempDir dir;
    const std::string conf = dir.write("c.conf", "threads = 2\n\n# x\nthreadz = 4\n");
    const std::string error = load_error({"--config", conf});
    BOOST_TEST(contains(error, conf + ":4"), error);
    BOOST_TEST(contains(error, "unknown key 'threadz'"), error);
}

BOOST_AUTO_TEST_CASE(bad_values_are_errors) {
    TempDir dir;
    const std::string conf = dir.write("c.conf", "log.level = info\nthreads = abc\n");
    std::string error = load_error({"--config", conf});
    BOOST_TEST(contains(error, conf + ":2: threads:"), error);
    BOOST_TEST(contains(error, "'abc'"), error);

    for (const char* bad :
         {"threads=-1", "threads=1025", "socket_mode=0999", "socket_mode=17777", "listen_backlog=0",
          "db.port=70000", "max_body_bytes=-5", "options_cache_seconds=61",
          "auth.hash_format=bcrypt", "log.level=verbose", "jsonp.enabled=maybe",
          "environment_type=Local", "table_prefix=wp-", "cors.allowed_origins=https://a/path",
          "cors.allowed_origins=*,https://a", "rest_prefix=/", "socket=:9000", "db.name="}) {
        const std::string key = std::string(bad).substr(0, std::string(bad).find('='));
        error = load_error({"--set", bad});
        BOOST_TEST(contains(error, "--set: " + key + ":"), error);
    }
    error = load_error({"--threads", "many"});
    BOOST_TEST(contains(error, "--threads: threads:"), error);
}

BOOST_AUTO_TEST_CASE(good_edge_values) {
    const cfg::Settings s =
        load_ok({"--set", "threads=auto", "--set", "rest_prefix=/api/", "--set",
                 "socket=127.0.0.1:9000", "--set", "cors.allowed_origins=", "--set",
                 "auth.max_failures=0", "--set", "db.host=[::1]"});
    BOOST_TEST(s.threads == 0);
    BOOST_TEST(s.rest_prefix == "api");
    BOOST_TEST(s.socket == "127.0.0.1:9000");
    BOOST_TEST(s.cors.allowed_origins.empty());
    BOOST_TEST(s.auth.max_failures == 0);
    BOOST_TEST(s.db.host == "::1");
}

BOOST_AUTO_TEST_CASE(duplicate_key_in_file_is_an_error) {
    TempDir dir;
    const std::string conf = dir.write("c.conf", "threads = 2\nthreads = 3\n");
    const std::string error = load_error({"--config", conf});
    BOOST_TEST(contains(error, conf + ":2: duplicate key 'threads' (first set on line 1)"), error);
}

BOOST_AUTO_TEST_CASE(malformed_file_lines) {
    TempDir dir;
    BOOST_TEST(contains(load_error({"--config", dir.write("a.conf", "threads 2\n")}), ":1:"));
    BOOST_TEST(contains(load_error({"--config", dir.write("b.conf", "= 2\n")}), "missing key"));
    BOOST_TEST(contains(load_error({"--config", dir.write("c.conf", "db.password = \"open\n")}),
                        "unterminated"));
    BOOST_TEST(contains(load_error({"--config", dir.write("d.conf", "db.user = \"a\" b\n")}),
                        "after the closing quote"));
    BOOST_TEST(contains(load_error({"--config", "/nonexistent/cartpress.conf"}),
                        "/nonexistent/cartpress.conf"));
}

BOOST_AUTO_TEST_CASE(bad_command_lines) {
    BOOST_TEST(contains(load_error({"--bogus"}), "unknown option '--bogus'"));
    BOOST_TEST(contains(load_error({"stray"}), "unexpected argument 'stray'"));
    BOOST_TEST(contains(load_error({"--config"}), "--config needs a value"));
    BOOST_TEST(contains(load_error({"--set", "threads"}), "KEY=VALUE"));
    BOOST_TEST(contains(load_error({"--set", "nope=1"}), "unknown key 'nope'"));
    BOOST_TEST(contains(load_error({"--check-config=yes"}), "takes no value"));
    // --set=KEY=VALUE: the first '=' ends the flag name.
    BOOST_TEST(load_ok({"--set=db.password=a=b"}).db.password == "a=b");
}

BOOST_AUTO_TEST_CASE(unresolved_needed_value_is_an_error_unless_overridden) {
    TempDir dir;
    const std::string wp = dir.write(
        "wp-config.php",
        "<?php\ndefine('DB_NAME', 'n');\ndefine('DB_USER', getenv('DB_USER'));\n"
        "define('DB_PASSWORD', getenv('DB_PASSWORD'));\ndefine('DB_HOST', 'localhost');\n");
    const std::string error = load_error({"--wp-config", wp});
    BOOST_TEST(contains(error, "DB_USER, DB_PASSWORD are not literal values"), error);
    BOOST_TEST(contains(error, "set db.user, db.password"), error);
    BOOST_TEST(error.find('\n') == std::string::npos);  // one log line

    const std::string conf = dir.write("c.conf", "db.user = app\ndb.password = secret\n");
    const cfg::Settings s = load_ok({"--wp-config", wp, "--config", conf});
    BOOST_TEST(s.db.user == "app");
    BOOST_TEST(s.db.password == "secret");
    // Overriding only one still names the other.
    const std::string partial = load_error({"--wp-config", wp, "--set", "db.user=app"});
    BOOST_TEST(contains(partial, "DB_PASSWORD is not a literal value"), partial);
    BOOST_TEST(!contains(partial, "DB_USER"), partial);
}

BOOST_AUTO_TEST_CASE(unresolved_unneeded_values_are_fine) {
    TempDir dir;
    const std::string wp =
        dir.write("wp-config.php", wp_config_with("db",
                                                  "define('WP_MEMORY_LIMIT', getenv('M'));\n"
                                                  "define('ABSPATH', __DIR__ . '/');\n"));
    BOOST_TEST(load_ok({"--wp-config", wp}).db.host == "db");
}

BOOST_AUTO_TEST_CASE(unresolved_table_prefix_and_salt_are_needed) {
    TempDir dir;
    const std::string wp = dir.write(
        "wp-config.php",
        wp_config_with("db", "$table_prefix = getenv('P');\ndefine('NONCE_KEY', getenv('N'));\n"));
    const std::string error = load_error({"--wp-config", wp});
    BOOST_TEST(contains(error, "$table_prefix"), error);
    BOOST_TEST(contains(error, "NONCE_KEY"), error);
    const cfg::Settings s = load_ok(
        {"--wp-config", wp, "--set", "table_prefix=t_", "--set", "salt.NONCE_KEY=from-flag"});
    BOOST_TEST(s.table_prefix == "t_");
    BOOST_TEST(s.salt.nonce_key == "from-flag");
}

BOOST_AUTO_TEST_CASE(missing_required_constant_is_an_error) {
    TempDir dir;
    const std::string wp =
        dir.write("wp-config.php", "<?php define('DB_USER', 'u'); define('DB_PASSWORD', '');");
    const std::string error = load_error({"--wp-config", wp});
    BOOST_TEST(contains(error, "DB_NAME is not defined; set db.name"), error);
    BOOST_TEST(load_ok({"--wp-config", wp, "--set", "db.name=x"}).db.name == "x");
}

BOOST_AUTO_TEST_CASE(multisite_is_refused) {
    TempDir dir;
    const std::string on = dir.write("on.php", wp_config_with("db", "define('MULTISITE', true);"));
    BOOST_TEST(contains(load_error({"--wp-config", on}), "MULTISITE is true"));
    const std::string off =
        dir.write("off.php", wp_config_with("db", "define('MULTISITE', false);"));
    BOOST_TEST(load_ok({"--wp-config", off}).warnings.empty());
    const std::string env =
        dir.write("env.php", wp_config_with("db", "define('MULTISITE', getenv('MS'));"));
    const cfg::Settings s = load_ok({"--wp-config", env});
    BOOST_TEST_REQUIRE(s.warnings.size() == 1u);
    BOOST_TEST(contains(s.warnings[0], "MULTISITE"));
}

BOOST_AUTO_TEST_CASE(db_host_through_the_layers) {
    TempDir dir;
    const std::string local = dir.write("local.php", wp_config_with("localhost"));
    cfg::Settings s = load_ok({"--wp-config", local});
    BOOST_TEST(s.db.socket == "/run/mysqld/mysqld.sock");

    // A port from a higher layer turns a port-less localhost into TCP.
    s = load_ok({"--wp-config", local, "--set", "db.port=3307"});
    BOOST_TEST(s.db.socket == "");
    BOOST_TEST(s.db.host == "127.0.0.1");
    BOOST_TEST(s.db.port == 3307);

    const std::string sock = dir.write("sock.php", wp_config_with("localhost:/tmp/wp.sock"));
    BOOST_TEST(load_ok({"--wp-config", sock}).db.socket == "/tmp/wp.sock");
    // A host from a higher layer replaces wp-config's socket.
    s = load_ok({"--wp-config", sock, "--set", "db.host=10.0.0.5"});
    BOOST_TEST(s.db.socket == "");
    BOOST_TEST(s.db.host == "10.0.0.5");
    BOOST_TEST(s.db.port == 3306);

    const std::string tcp = dir.write("tcp.php", wp_config_with("10.0.0.5:3310"));
    s = load_ok({"--wp-config", tcp});
    BOOST_TEST(s.db.host == "10.0.0.5");
    BOOST_TEST(s.db.port == 3310);
    BOOST_TEST(load_ok({"--wp-config", tcp, "--set", "db.socket=/s.sock"}).db.socket == "/s.sock");
    // A host from a higher layer replaces the whole address, port included...
    BOOST_TEST(load_ok({"--wp-config", tcp, "--set", "db.host=db2"}).db.port == 3306);
    // ...so a bare `localhost` there means the socket again.
    BOOST_TEST(load_ok({"--wp-config", tcp, "--set", "db.host=localhost"}).db.socket ==
               "/run/mysqld/mysqld.sock");

    const std::string v6 = dir.write("v6.php", wp_config_with("[::1]:3308"));
    s = load_ok({"--wp-config", v6});
    BOOST_TEST(s.db.host == "::1");
    BOOST_TEST(s.db.port == 3308);

    const std::string bad = dir.write("bad.php", wp_config_with("db:port"));
    BOOST_TEST(contains(load_error({"--wp-config", bad}), "invalid port 'port'"));
    BOOST_TEST(load_ok({"--wp-config", bad, "--set", "db.host=db"}).db.host == "db");
}

BOOST_AUTO_TEST_CASE(salt_rule_applies_to_the_final_values) {
    TempDir dir;
    const std::string wp = dir.write(
        "wp-config.php", wp_config_with("db",
                                        "define('AUTH_KEY', 'put your unique phrase here');\n"
                                        "define('SECURE_AUTH_KEY', 'dup');\n"
                                        "define('LOGGED_IN_KEY', 'dup');\n"
                                        "define('NONCE_KEY', 'fine');\n"));
    cfg::Settings s = load_ok({"--wp-config", wp});
    BOOST_TEST(s.salt.auth_key == "");
    BOOST_TEST(s.salt.secure_auth_key == "");
    BOOST_TEST(s.salt.logged_in_key == "");
    BOOST_TEST(s.salt.nonce_key == "fine");
    BOOST_TEST(s.warnings.size() == 3u);
    // Fixing one duplicate in the config file makes both usable.
    s = load_ok({"--wp-config", wp, "--set", "salt.LOGGED_IN_KEY=other"});
    BOOST_TEST(s.salt.secure_auth_key == "dup");
    BOOST_TEST(s.salt.logged_in_key == "other");
}

BOOST_AUTO_TEST_CASE(environment_type_from_wp_config) {
    TempDir dir;
    const std::string staging =
        dir.write("s.php", wp_config_with("db", "define('WP_ENVIRONMENT_TYPE', 'staging');"));
    BOOST_TEST(
        (load_ok({"--wp-config", staging}).environment_type == cfg::EnvironmentType::kStaging));
    // WordPress compares exactly and falls back to production.
    const std::string odd =
        dir.write("o.php", wp_config_with("db", "define('WP_ENVIRONMENT_TYPE', 'Local');"));
    const cfg::Settings s = load_ok({"--wp-config", odd});
    BOOST_TEST((s.environment_type == cfg::EnvironmentType::kProduction));
    BOOST_TEST(s.warnings.size() == 1u);
}

BOOST_AUTO_TEST_CASE(describe_masks_secrets) {
    TempDir dir;
    const std::string wp = dir.write("wp-config.php", kWpConfig);
    const cfg::Settings s =
        load_ok({"--wp-config", wp, "--set", "storefront.token_secret=plugin-secret-value"},
                {{"storefront.token_secret", "", true}, {"storefront.token_ttl", "3600", false}});
    const std::string text = cfg::describe_settings(s);
    BOOST_TEST(contains(text, "db.password = ***\n"), text);
    BOOST_TEST(contains(text, "salt.AUTH_KEY = ***\n"), text);
    BOOST_TEST(contains(text, "salt.NONCE_SALT = ***\n"), text);
    BOOST_TEST(contains(text, "storefront.token_secret = ***\n"), text);
    BOOST_TEST(!contains(text, "fctpass"), text);
    BOOST_TEST(!contains(text, "fct-peer-"), text);
    BOOST_TEST(!contains(text, "plugin-secret-value"), text);
    BOOST_TEST(contains(text, "db.name = fct_wp\n"), text);
    BOOST_TEST(contains(text, "db.user = fct\n"), text);
    BOOST_TEST(contains(text, "socket_mode = 0660\n"), text);
    BOOST_TEST(contains(text, "storefront.token_ttl = 3600\n"), text);
    BOOST_TEST(contains(text, "wp.siteurl =\n"), text);
    // Unset secrets print empty, not as ***.
    BOOST_TEST(contains(cfg::describe_settings(load_ok({})), "db.password =\n"));
}

BOOST_AUTO_TEST_CASE(plugin_keys) {
    TempDir dir;
    const std::vector<cfg::PluginKey> keys = {{"storefront.token_ttl", "3600", false}};
    const std::string conf = dir.write("c.conf", "storefront.token_ttl = 600\n");
    BOOST_TEST(load_ok({}, keys).plugin.at("storefront.token_ttl") == "3600");
    BOOST_TEST(load_ok({"--config", conf}, keys).plugin.at("storefront.token_ttl") == "600");
    BOOST_TEST(contains(load_error({"--config", conf}), "unknown key 'storefront.token_ttl'"));
    BOOST_TEST(contains(load_error({}, {{"threads", "1", false}}), "plugin key 'threads'"));
}

BOOST_AUTO_TEST_CASE(thread_count) {
    BOOST_TEST(cfg::auto_thread_count(0) == 2);
    BOOST_TEST(cfg::auto_thread_count(1) == 2);
    BOOST_TEST(cfg::auto_thread_count(2) == 3);
    BOOST_TEST(cfg::auto_thread_count(4) == 5);
    cfg::Settings s;
    BOOST_TEST(s.worker_threads() >= 2);
    s.threads = 3;
    BOOST_TEST(s.worker_threads() == 3);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
