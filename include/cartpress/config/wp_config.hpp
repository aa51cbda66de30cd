#pragma once

// A static reading of WordPress's wp-config.php (spec §1.3). Cartpress never executes PHP: it
// tokenizes the file and keeps only what is certain without running it.

#include <array>
#include <cartpress/core/result.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace cartpress::config {

// Key used in WpConfig::unresolved when `$table_prefix` is assigned something that is not a
// literal (or assigned inside a condition): the variable has no constant name of its own.
inline constexpr std::string_view kTablePrefixVariable = "$table_prefix";

struct WpConfig {
    // Constants whose first definition is a literal. Values are what PHP's string cast prints:
    // true -> "1", false and null -> "", integers in decimal. That keeps PHP truthiness exact
    // (see php_truthy), so no typed variant is needed.
    std::map<std::string, std::string> constants;
    // Constants whose first definition cannot be known without running PHP: getenv(),
    // concatenation, other constants, function calls, heredocs, or a define() that only runs
    // under a condition. A name is never in both sets.
    std::set<std::string> unresolved;
    // The last unconditional literal assignment to `$table_prefix`, else "wp_". When the final
    // assignment is not a literal, kTablePrefixVariable is in `unresolved` and this is "wp_".
    std::string table_prefix = "wp_";
    bool table_prefix_set = false;
};

// What the file defines, as far as a static reading can tell. Errors only for a file PHP itself
// would reject or WordPress would refuse: no `<?php` tag, an unterminated string or heredoc, a
// `$table_prefix` outside ^[A-Za-z0-9_]+$.
//
// Rules beyond the spec's list (PHP semantics, so a static reading agrees with PHP):
// - function names and true/false/null are case-insensitive; `\define` and `@define` count;
// - double-quoted strings also decode \v \e \f, octal, \xHH and \u{...}; an unknown escape keeps
//   its backslash; any unescaped `$` makes the value unresolved (even where PHP would print it);
// - integers may be hex, octal, binary or use `_`; a leading sign is accepted; floats and
//   integers beyond int64 are unresolved;
// - a define() inside `if`, a loop, a function, `try` or an expression is conditional and makes
//   the constant unresolved, except under its own guard: `if ( ! defined( 'X' ) )` (braced or
//   not) or `defined( 'X' ) || define( 'X', … )`, which behave exactly like a plain define;
// - top-level `const NAME = literal;` defines a constant too (namespaced when inside a namespace);
// - text outside `<?php … ?>` is HTML; `return`, `exit` or `die` at top level, and
//   `__halt_compiler()`, end the reading. Files pulled in by include/require are not followed.
core::Result<WpConfig, std::string> parse_wp_config(std::string_view php_source);

// Reads and parses the file; error messages start with the path.
core::Result<WpConfig, std::string> read_wp_config(const std::string& path);

// PHP's truthiness of a value stored in WpConfig::constants ("" and "0" are false).
bool php_truthy(std::string_view value);

inline constexpr std::string_view kDefaultMysqlSocket = "/run/mysqld/mysqld.sock";
inline constexpr int kDefaultMysqlPort = 3306;

// Where the database server is. A non-empty socket means "connect through this Unix socket";
// host and port are then informational. Otherwise TCP to host:port.
struct DbAddress {
    std::string host;
    int port = kDefaultMysqlPort;
    std::string socket;
};

// DB_HOST split into what it literally says, before the localhost rule.
struct DbHostParts {
    std::string host;         // brackets of an IPv6 literal removed; may be empty (":/path")
    std::optional<int> port;  // only when written
    std::string socket;       // only when written (":/path")
};

// Accepts host, host:port, host:/socket, host:port:/socket, [v6], [v6]:port, a bare IPv6 literal
// (two or more colons, no brackets) and ":/socket". Error for an empty or invalid port
// (not 1..65535) or a malformed bracket.
core::Result<DbHostParts, std::string> split_db_host(std::string_view db_host);

// Applies the localhost rule. An explicit socket wins. `localhost` (any case, or an empty host)
// without a port means default_socket, as MySQL clients do. `localhost:PORT` means TCP to
// 127.0.0.1:PORT: spec §1.3 only gives the socket meaning to a port-less localhost, and a written
// port shows that a TCP server is meant (mysqlnd would ignore the port and still use the socket;
// where that matters, set db.socket). An empty default_socket makes a bare localhost TCP
// 127.0.0.1:3306.
DbAddress resolve_db_address(const DbHostParts& parts, std::string_view default_socket);

// split_db_host + resolve_db_address.
core::Result<DbAddress, std::string> parse_db_host(
    std::string_view db_host, std::string_view default_socket = kDefaultMysqlSocket);

// The eight salt constants, in the order WordPress lists them.
inline constexpr std::array<std::string_view, 8> kSaltConstants = {
    "AUTH_KEY",  "SECURE_AUTH_KEY",  "LOGGED_IN_KEY",  "NONCE_KEY",
    "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"};
inline constexpr std::string_view kSaltPlaceholder = "put your unique phrase here";

// Of the salt constants in `values` (other names are ignored), those that count as set: not
// empty, not the placeholder phrase, and not shared with another of the eight.
std::map<std::string, std::string> usable_salts(const std::map<std::string, std::string>& values);

// The value of salt constant `name` when it counts as set (see usable_salts), else nullopt.
// nullopt also for a name that is not one of kSaltConstants and for an unresolved salt: callers
// that must tell "unresolved" apart check WpConfig::unresolved.
std::optional<std::string> effective_salt(const WpConfig& config, std::string_view name);

}  // namespace cartpress::config
