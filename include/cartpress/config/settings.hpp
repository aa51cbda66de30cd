#pragma once

// The host's settings. Each has a default; they are loaded, lowest to highest precedence, from
// defaults < wp-config.php (when a path is given) < the config file (--config) < command-line
// flags. Keys are listed in cartpress.conf.example at the repository root.

#include <cartpress/core/result.hpp>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace cartpress::config {

// What main should do once settings are loaded.
enum class Action {
    kRun,
    kHelp,     // --help: print usage_text(); nothing else was loaded or validated
    kVersion,  // --version: print version_text(); nothing else was loaded or validated
    kMigrate,  // --migrate: apply db::migrations() to the configured database and exit
    kCheck,    // --check-config: everything loaded and validated; print and exit
};

enum class EnvironmentType { kLocal, kDevelopment, kStaging, kProduction };
enum class HashFormat { kAuto, kModern, kLegacy };
enum class LogLevel { kDebug, kInfo, kWarn, kError };

// Database address: a non-empty socket means "connect through this Unix socket" and host/port
// are then unused; otherwise TCP to host:port. load_settings already applies the localhost rule
// (a port-less `localhost` becomes the default Debian socket), so the DB layer needs none.
struct DbSettings {
    std::string host = "localhost";
    int port = 3306;
    std::string socket;
    std::string name = "wordpress";
    std::string user = "root";
    std::string password;
    int idle_ping_seconds = 30;  // ping a connection idle longer than this before using it
};

struct AuthSettings {
    bool surface_app_password_errors = false;    // spec §11.8
    bool force_app_passwords_available = false;  // spec §11.7
    HashFormat hash_format = HashFormat::kAuto;  // spec §11.5
    int max_failures = 10;                       // per (IP, login); 0 disables throttling
    int failure_window_seconds = 300;
};

// Empty = unset: use the `<scheme>_key` / `<scheme>_salt` option instead (spec §1.3). Already
// filtered by the salt rule (placeholder phrase or a value shared by two salts = unset).
struct SaltSettings {
    std::string auth_key;
    std::string secure_auth_key;
    std::string logged_in_key;
    std::string nonce_key;
    std::string auth_salt;
    std::string secure_auth_salt;
    std::string logged_in_salt;
    std::string nonce_salt;
};

// WP_HOME / WP_SITEURL (trailing slashes removed, as WordPress does) and COOKIEHASH.
// Empty = unset: use the options.
struct WpSettings {
    std::string home;
    std::string siteurl;
    std::string cookiehash;
};

struct JsonpSettings {
    bool enabled = true;
};

struct CorsSettings {
    // {"*"} = any origin; otherwise exact origins (scheme://host[:port], lowercased); empty = none.
    std::vector<std::string> allowed_origins = {"*"};
};

struct LogSettings {
    LogLevel level = LogLevel::kInfo;
    std::string file;  // empty = stderr
};

// A key a plugin reads from the same config file (e.g. `storefront.token_ttl`). The loader only
// checks that the key is declared; the plugin parses and validates its value.
struct PluginKey {
    std::string key;
    std::string default_value;
    bool secret = false;  // masked by describe_settings
};

struct Settings {
    Action action = Action::kRun;

    std::string socket = "var/run/cartpress.sock";  // Unix path, or 127.0.0.1:PORT
    unsigned socket_mode = 0660;
    std::string socket_group;  // empty = leave the process's group
    int threads = 0;           // 0 = automatic, see worker_threads()
    int listen_backlog = 128;
    std::string wp_config;  // path; relative paths are relative to the working directory
    DbSettings db;
    std::string table_prefix = "wp_";
    std::size_t max_body_bytes = 1048576;
    std::string rest_prefix = "wp-json";  // without slashes
    EnvironmentType environment_type = EnvironmentType::kProduction;
    AuthSettings auth;
    JsonpSettings jsonp;
    CorsSettings cors;
    LogSettings log;
    std::string pid_file;  // empty = none
    int options_cache_seconds = 30;
    SaltSettings salt;
    WpSettings wp;

    std::map<std::string, std::string> plugin;  // every declared PluginKey, with its value
    std::set<std::string> secret_plugin_keys;

    std::string config_file;            // the --config path, empty when none
    std::vector<std::string> warnings;  // not fatal; log each once at startup

    // `threads`, or auto_thread_count(std::thread::hardware_concurrency()) when it is 0.
    int worker_threads() const;
};

// Hardware threads + 1, at least 2. A worker either runs or waits for MariaDB, which in the
// standard layout runs on the same cores: more workers than that only add context switches
// and contention inside MariaDB (measured on 2 cores: 3 workers read orders/1 with ~10 % less
// CPU per request than 4). With the database on another machine, set `threads` higher.
int auto_thread_count(unsigned hardware_concurrency);

// `args` are the command-line arguments without the program name (argv + 1). Flags:
// --config FILE, --wp-config PATH, --socket PATH, --threads N, --set KEY=VALUE (repeatable),
// --check-config, --help/-h, --version; `--flag value` and `--flag=value` both work, and a later
// flag wins over an earlier one. --help and --version return at once (action kHelp/kVersion).
// `plugin_keys` declares the extra keys plugins accept.
// The error is one line, naming the file and line, the flag or the wp-config.php constant.
core::Result<Settings, std::string> load_settings(const std::vector<std::string>& args,
                                                  const std::vector<PluginKey>& plugin_keys = {});

std::string usage_text();
std::string version_text();  // "cartpress <version>"

// Every key as `key = value`, one per line, in the order of cartpress.conf.example, then plugin
// keys; db.password, salt.* and secret plugin keys print as `***` when set.
std::string describe_settings(const Settings& settings);

}  // namespace cartpress::config
