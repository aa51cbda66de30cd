#include <algorithm>
#include <array>
#include <cartpress/config/settings.hpp>
#include <cartpress/config/wp_config.hpp>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <optional>
#include <span>
#include <sstream>
#include <string_view>
#include <thread>

#ifndef CARTPRESS_VERSION
#define CARTPRESS_VERSION "0.0.0-dev"  // CMake defines the real one (cmake/CompilerOptions.cmake)
#endif

namespace cartpress::config {

namespace {

using Status = core::Result<void, std::string>;

// Where a value came from, lowest precedence first.
enum Layer : int { kDefaults = 0, kWpConfig = 1, kFile = 2, kFlags = 3 };

struct Assignment {
    std::string key;
    std::string value;
    Layer layer;
    std::string where;  // "cartpress.conf:12", "--set", "/srv/wp-config.php (DB_NAME)"
};

// A wp-config.php value Cartpress needs but cannot use; fatal unless a key in `keys` is set in
// the config file or by a flag.
struct Need {
    std::string constant;
    std::vector<std::string> keys;
    bool missing;  // not defined at all (else: defined, but not a literal)
};

struct KeyInfo {
    std::string key;
    std::string default_value;
    bool secret;
    std::function<Status(Settings&, std::string_view)> set;
    std::function<std::string(const Settings&)> get;
};

// Unix socket paths must fit sockaddr_un::sun_path (108 bytes with the terminating NUL).
constexpr std::size_t kMaxUnixPath = 107;
constexpr int kMaxThreads = 1024;
constexpr long long kMaxBodyBytes = 1LL << 30;  // bodies are held in memory
constexpr int kMaxOptionsCacheSeconds = 60;     // spec §1.3: options TTL ≤ 60 s

std::string_view trim(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

std::string lowercase(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

core::Result<long long, std::string> parse_integer(std::string_view v, long long min,
                                                   long long max) {
    long long n = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n < min || n > max) {
        return core::fail("expected an integer from " + std::to_string(min) + " to " +
                          std::to_string(max) + ", got '" + std::string(v) + "'");
    }
    return n;
}

Status set_int(int& target, std::string_view v, int min, int max) {
    auto n = parse_integer(v, min, max);
    if (!n) return core::fail(n.error());
    target = static_cast<int>(*n);
    return {};
}

Status set_bool(bool& target, std::string_view v) {
    const std::string l = lowercase(v);
    if (l == "true" || l == "1" || l == "yes" || l == "on") {
        target = true;
    } else if (l == "false" || l == "0" || l == "no" || l == "off") {
        target = false;
    } else {
        return core::fail("expected true or false, got '" + std::string(v) + "'");
    }
    return {};
}

std::string bool_text(bool b) { return b ? "true" : "false"; }

// One of `names` (exact, lowercase), as its index.
core::Result<int, std::string> parse_choice(std::string_view v,
                                            std::span<const std::string_view> names) {
    int i = 0;
    std::string list;
    for (const std::string_view name : names) {
        if (v == name) return i;
        list += (i++ == 0 ? "" : "|") + std::string(name);
    }
    return core::fail("expected " + list + ", got '" + std::string(v) + "'");
}

// In enum order.
constexpr std::array<std::string_view, 4> kEnvironmentNames = {"local", "development", "staging",
                                                               "production"};
constexpr std::array<std::string_view, 3> kHashFormatNames = {"auto", "modern", "legacy"};
constexpr std::array<std::string_view, 4> kLogLevelNames = {"debug", "info", "warn", "error"};

std::string choice_text(int index, std::span<const std::string_view> names) {
    return std::string(names[static_cast<std::size_t>(index)]);
}

Status check_unix_path(std::string_view v) {
    if (v.size() > kMaxUnixPath) {
        return core::fail("socket path longer than " + std::to_string(kMaxUnixPath) + " bytes");
    }
    return {};
}

// libfcgi binds "host:port" to TCP and anything else to a Unix socket.
Status check_listen_socket(std::string_view v) {
    if (v.empty()) return core::fail(std::string("must not be empty"));
    if (v.front() == ':') {
        return core::fail("'" + std::string(v) +
                          "' would listen on every interface; use 127.0.0.1:PORT or a path");
    }
    const std::size_t colon = v.rfind(':');
    if (v.find('/') == std::string_view::npos && colon != std::string_view::npos) {
        auto port = parse_integer(v.substr(colon + 1), 1, 65535);
        if (!port) return core::fail("TCP port: " + port.error());
        return {};
    }
    return check_unix_path(v);
}

Status set_socket_mode(unsigned& target, std::string_view v) {
    unsigned mode = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), mode, 8);
    if (v.empty() || v.size() > 5 || ec != std::errc() || end != v.data() + v.size() ||
        mode > 07777) {
        return core::fail("expected an octal mode such as 0660, got '" + std::string(v) + "'");
    }
    target = mode;
    return {};
}

std::string octal_text(unsigned mode) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04o", mode);
    return buffer;
}

Status set_cors(std::vector<std::string>& target, std::string_view v) {
    std::vector<std::string> origins;
    std::string_view rest = v;
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        const std::string_view item = trim(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        if (item.empty()) continue;
        if (item == "*") {
            origins.emplace_back("*");
            continue;
        }
        // Browsers send exactly scheme://host[:port]; anything longer would never match.
        const std::size_t scheme_end = item.find("://");
        const std::string_view scheme = item.substr(0, scheme_end);
        if (scheme_end == std::string_view::npos || (scheme != "http" && scheme != "https") ||
            item.size() == scheme_end + 3 || item.find('/', scheme_end + 3) != std::string::npos) {
            std::string message = "'";
            message.append(item);
            message.append("' is not an origin (scheme://host[:port], no path)");
            return core::fail(std::move(message));
        }
        origins.push_back(lowercase(item));
    }
    if (std::count(origins.begin(), origins.end(), "*") > 0 && origins.size() > 1) {
        return core::fail(std::string("'*' cannot be combined with other origins"));
    }
    target = std::move(origins);
    return {};
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += separator;
        out += items[i];
    }
    return out;
}

// WordPress untrailingslashit()s WP_HOME and WP_SITEURL before using them.
std::string untrailingslash(std::string_view v) {
    while (!v.empty() && (v.back() == '/' || v.back() == '\\')) v.remove_suffix(1);
    return std::string(v);
}

Status set_table_prefix(std::string& target, std::string_view v) {
    const bool ok = !v.empty() && std::all_of(v.begin(), v.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    });
    if (!ok) {
        return core::fail("'" + std::string(v) + "': only letters, digits and '_' are allowed");
    }
    target = std::string(v);
    return {};
}

Status set_rest_prefix(std::string& target, std::string_view v) {
    while (!v.empty() && v.front() == '/') v.remove_prefix(1);
    while (!v.empty() && v.back() == '/') v.remove_suffix(1);
    const bool ok = !v.empty() && std::all_of(v.begin(), v.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.' || c == '~' || c == '/';
    });
    if (!ok || v.find("//") != std::string_view::npos) {
        return core::fail("expected a URL path segment such as wp-json, got '" + std::string(v) +
                          "'");
    }
    target = std::string(v);
    return {};
}

Status set_db_host(std::string& target, std::string_view v) {
    if (v.size() > 2 && v.front() == '[' && v.back() == ']') v = v.substr(1, v.size() - 2);
    if (v.empty()) return core::fail(std::string("must not be empty"));
    target = std::string(v);
    return {};
}

// Salt keys use the constant names so that they read like wp-config.php.
std::vector<std::pair<std::string, std::string SaltSettings::*>> salt_members() {
    return {{"AUTH_KEY", &SaltSettings::auth_key},
            {"SECURE_AUTH_KEY", &SaltSettings::secure_auth_key},
            {"LOGGED_IN_KEY", &SaltSettings::logged_in_key},
            {"NONCE_KEY", &SaltSettings::nonce_key},
            {"AUTH_SALT", &SaltSettings::auth_salt},
            {"SECURE_AUTH_SALT", &SaltSettings::secure_auth_salt},
            {"LOGGED_IN_SALT", &SaltSettings::logged_in_salt},
            {"NONCE_SALT", &SaltSettings::nonce_salt}};
}

KeyInfo string_key(std::string key, std::string default_value, std::string Settings::*member) {
    return KeyInfo{std::move(key), std::move(default_value), false,
                   [member](Settings& s, std::string_view v) -> Status {
                       s.*member = std::string(v);
                       return {};
                   },
                   [member](const Settings& s) { return s.*member; }};
}

KeyInfo int_key(std::string key, std::string default_value, int Settings::*member, int min,
                int max) {
    return KeyInfo{std::move(key), std::move(default_value), false,
                   [member, min, max](Settings& s, std::string_view v) {
                       return set_int(s.*member, v, min, max);
                   },
                   [member](const Settings& s) { return std::to_string(s.*member); }};
}

template <class Enum>
KeyInfo choice_key(std::string key, std::string default_value, Enum Settings::*member,
                   std::span<const std::string_view> names) {
    return KeyInfo{std::move(key), std::move(default_value), false,
                   [member, names](Settings& s, std::string_view v) -> Status {
                       auto i = parse_choice(v, names);
                       if (!i) return core::fail(i.error());
                       s.*member = static_cast<Enum>(*i);
                       return {};
                   },
                   [member, names](const Settings& s) {
                       return choice_text(static_cast<int>(s.*member), names);
                   }};
}

// Every key, in the order of cartpress.conf.example. Defaults here must match the member
// initializers in settings.hpp (a unit test compares them).
const std::vector<KeyInfo>& keys() {
    static const std::vector<KeyInfo> table = [] {
        std::vector<KeyInfo> k;
        k.push_back({"socket", "var/run/cartpress.sock", false,
                     [](Settings& s, std::string_view v) -> Status {
                         if (auto r = check_listen_socket(v); !r) return r;
                         s.socket = std::string(v);
                         return {};
                     },
                     [](const Settings& s) { return s.socket; }});
        k.push_back(
            {"socket_mode", "0660", false,
             [](Settings& s, std::string_view v) { return set_socket_mode(s.socket_mode, v); },
             [](const Settings& s) { return octal_text(s.socket_mode); }});
        k.push_back(string_key("socket_group", "", &Settings::socket_group));
        k.push_back({"threads", "0", false,
                     [](Settings& s, std::string_view v) {
                         return v == "auto" ? set_int(s.threads, "0", 0, 0)
                                            : set_int(s.threads, v, 0, kMaxThreads);
                     },
                     [](const Settings& s) { return std::to_string(s.threads); }});
        k.push_back(int_key("listen_backlog", "128", &Settings::listen_backlog, 1, 65535));
        k.push_back(string_key("pid_file", "", &Settings::pid_file));
        k.push_back(string_key("wp_config", "", &Settings::wp_config));
        k.push_back(
            {"table_prefix", "wp_", false,
             [](Settings& s, std::string_view v) { return set_table_prefix(s.table_prefix, v); },
             [](const Settings& s) { return s.table_prefix; }});
        k.push_back(choice_key("environment_type", "production", &Settings::environment_type,
                               kEnvironmentNames));
        k.push_back({"wp.home", "", false,
                     [](Settings& s, std::string_view v) -> Status {
                         s.wp.home = untrailingslash(v);
                         return {};
                     },
                     [](const Settings& s) { return s.wp.home; }});
        k.push_back({"wp.siteurl", "", false,
                     [](Settings& s, std::string_view v) -> Status {
                         s.wp.siteurl = untrailingslash(v);
                         return {};
                     },
                     [](const Settings& s) { return s.wp.siteurl; }});
        k.push_back({"wp.cookiehash", "", false,
                     [](Settings& s, std::string_view v) -> Status {
                         s.wp.cookiehash = std::string(v);
                         return {};
                     },
                     [](const Settings& s) { return s.wp.cookiehash; }});
        k.push_back({"db.host", "localhost", false,
                     [](Settings& s, std::string_view v) { return set_db_host(s.db.host, v); },
                     [](const Settings& s) { return s.db.host; }});
        k.push_back(
            {"db.port", "3306", false,
             [](Settings& s, std::string_view v) { return set_int(s.db.port, v, 1, 65535); },
             [](const Settings& s) { return std::to_string(s.db.port); }});
        k.push_back({"db.socket", "", false,
                     [](Settings& s, std::string_view v) -> Status {
                         if (auto r = check_unix_path(v); !r) return r;
                         s.db.socket = std::string(v);
                         return {};
                     },
                     [](const Settings& s) { return s.db.socket; }});
        k.push_back({"db.name", "wordpress", false,
                     [](Settings& s, std::string_view v) -> Status {
                         if (v.empty()) return core::fail(std::string("must not be empty"));
                         s.db.name = std::string(v);
                         return {};
                     },
                     [](const Settings& s) { return s.db.name; }});
        k.push_back({"db.user", "root", false,
                     [](Settings& s, std::string_view v) -> Status {
                         s.db.user = std::string(v);
                         return {};
                     },
                     [](const Settings& s) { return s.db.user; }});
        k.push_back({"db.password", "", true,
                     [](Settings& s, std::string_view v) -> Status {
                         s.db.password = std::string(v);
                         return {};
                     },
                     [](const Settings& s) { return s.db.password; }});
        k.push_back({"db.idle_ping_seconds", "30", false,
                     [](Settings& s, std::string_view v) {
                         return set_int(s.db.idle_ping_seconds, v, 0, 86400);
                     },
                     [](const Settings& s) { return std::to_string(s.db.idle_ping_seconds); }});
        k.push_back(int_key("options_cache_seconds", "30", &Settings::options_cache_seconds, 0,
                            kMaxOptionsCacheSeconds));
        k.push_back(
            {"rest_prefix", "wp-json", false,
             [](Settings& s, std::string_view v) { return set_rest_prefix(s.rest_prefix, v); },
             [](const Settings& s) { return s.rest_prefix; }});
        k.push_back({"max_body_bytes", "1048576", false,
                     [](Settings& s, std::string_view v) -> Status {
                         auto n = parse_integer(v, 0, kMaxBodyBytes);
                         if (!n) return core::fail(n.error());
                         s.max_body_bytes = static_cast<std::size_t>(*n);
                         return {};
                     },
                     [](const Settings& s) { return std::to_string(s.max_body_bytes); }});
        k.push_back({"jsonp.enabled", "true", false,
                     [](Settings& s, std::string_view v) { return set_bool(s.jsonp.enabled, v); },
                     [](const Settings& s) { return bool_text(s.jsonp.enabled); }});
        k.push_back(
            {"cors.allowed_origins", "*", false,
             [](Settings& s, std::string_view v) { return set_cors(s.cors.allowed_origins, v); },
             [](const Settings& s) { return join(s.cors.allowed_origins, ","); }});
        k.push_back(
            {"auth.surface_app_password_errors", "false", false,
             [](Settings& s, std::string_view v) {
                 return set_bool(s.auth.surface_app_password_errors, v);
             },
             [](const Settings& s) { return bool_text(s.auth.surface_app_password_errors); }});
        k.push_back(
            {"auth.force_app_passwords_available", "false", false,
             [](Settings& s, std::string_view v) {
                 return set_bool(s.auth.force_app_passwords_available, v);
             },
             [](const Settings& s) { return bool_text(s.auth.force_app_passwords_available); }});
        k.push_back({"auth.hash_format", "auto", false,
                     [](Settings& s, std::string_view v) -> Status {
                         auto i = parse_choice(v, kHashFormatNames);
                         if (!i) return core::fail(i.error());
                         s.auth.hash_format = static_cast<HashFormat>(*i);
                         return {};
                     },
                     [](const Settings& s) {
                         return choice_text(static_cast<int>(s.auth.hash_format), kHashFormatNames);
                     }});
        k.push_back({"auth.max_failures", "10", false,
                     [](Settings& s, std::string_view v) {
                         return set_int(s.auth.max_failures, v, 0, 1000000);
                     },
                     [](const Settings& s) { return std::to_string(s.auth.max_failures); }});
        k.push_back(
            {"auth.failure_window_seconds", "300", false,
             [](Settings& s, std::string_view v) {
                 return set_int(s.auth.failure_window_seconds, v, 1, 86400);
             },
             [](const Settings& s) { return std::to_string(s.auth.failure_window_seconds); }});
        for (const auto& [name, member] : salt_members()) {
            k.push_back({"salt." + name, "", true,
                         [member = member](Settings& s, std::string_view v) -> Status {
                             s.salt.*member = std::string(v);
                             return {};
                         },
                         [member = member](const Settings& s) { return s.salt.*member; }});
        }
        k.push_back({"log.level", "info", false,
                     [](Settings& s, std::string_view v) -> Status {
                         auto i = parse_choice(v, kLogLevelNames);
                         if (!i) return core::fail(i.error());
                         s.log.level = static_cast<LogLevel>(*i);
                         return {};
                     },
                     [](const Settings& s) {
                         return choice_text(static_cast<int>(s.log.level), kLogLevelNames);
                     }});
        k.push_back({"log.file", "", false,
                     [](Settings& s, std::string_view v) -> Status {
                         s.log.file = std::string(v);
                         return {};
                     },
                     [](const Settings& s) { return s.log.file; }});
        return k;
    }();
    return table;
}

const KeyInfo* find_key(std::string_view key) {
    for (const KeyInfo& info : keys()) {
        if (info.key == key) return &info;
    }
    return nullptr;
}

core::Result<std::string, std::string> read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::fail(path + ": cannot open: " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return core::fail(path + ": read error");
    return text.str();
}

// `key = value` per line; `#` starts a comment only at the start of a line (passwords may
// contain '#'); a value in double quotes keeps its spaces and decodes \" and \\.
core::Result<std::vector<Assignment>, std::string> parse_config_file(const std::string& path) {
    auto text = read_text(path);
    if (!text) return core::fail("config file " + text.error());
    std::vector<Assignment> out;
    std::map<std::string, int> first_line;
    std::string_view rest = *text;
    if (starts_with(rest, "\xEF\xBB\xBF")) rest.remove_prefix(3);
    for (int line = 1; !rest.empty(); ++line) {
        const std::size_t nl = rest.find('\n');
        const std::string_view raw = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        const std::string_view content = trim(raw);
        const std::string where = path + ":" + std::to_string(line);
        if (content.empty() || content.front() == '#') continue;
        const std::size_t eq = content.find('=');
        if (eq == std::string_view::npos) {
            return core::fail(where + ": expected 'key = value', got '" + std::string(content) +
                              "'");
        }
        const std::string key(trim(content.substr(0, eq)));
        std::string_view value = trim(content.substr(eq + 1));
        if (key.empty()) return core::fail(where + ": missing key before '='");
        std::string decoded;
        if (!value.empty() && value.front() == '"') {
            std::size_t i = 1;
            bool closed = false;
            for (; i < value.size(); ++i) {
                if (value[i] == '\\' && i + 1 < value.size() &&
                    (value[i + 1] == '"' || value[i + 1] == '\\')) {
                    decoded += value[++i];
                } else if (value[i] == '"') {
                    closed = true;
                    break;
                } else {
                    decoded += value[i];
                }
            }
            const std::string_view after = trim(value.substr(std::min(i + 1, value.size())));
            if (!closed) return core::fail(where + ": unterminated quoted value");
            if (!after.empty() && after.front() != '#') {
                return core::fail(where + ": unexpected text after the closing quote");
            }
        } else {
            decoded = std::string(value);
        }
        if (const auto [it, inserted] = first_line.emplace(key, line); !inserted) {
            return core::fail(where + ": duplicate key '" + key + "' (first set on line " +
                              std::to_string(it->second) + ")");
        }
        out.push_back(Assignment{key, std::move(decoded), kFile, where});
    }
    return out;
}

struct Flags {
    std::string config_file;
    bool check = false;
    bool migrate = false;
    std::vector<Assignment> assignments;
};

core::Result<Flags, std::string> parse_flags(const std::vector<std::string>& args) {
    Flags flags;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!starts_with(arg, "--") || arg.size() == 2) {
            return core::fail("unexpected argument '" + arg + "' (see --help)");
        }
        const std::size_t eq = arg.find('=');
        const std::string name = arg.substr(2, eq == std::string::npos ? arg.npos : eq - 2);
        if (name == "check-config") {
            if (eq != std::string::npos) return core::fail("--check-config takes no value");
            flags.check = true;
            continue;
        }
        if (name == "migrate") {
            if (eq != std::string::npos) return core::fail("--migrate takes no value");
            flags.migrate = true;
            continue;
        }
        if (name != "config" && name != "wp-config" && name != "socket" && name != "threads" &&
            name != "set") {
            return core::fail("unknown option '--" + name + "' (see --help)");
        }
        std::string value;
        if (eq != std::string::npos) {
            value = arg.substr(eq + 1);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            return core::fail("--" + name + " needs a value");
        }
        const std::string where = "--" + name;
        if (name == "config") {
            flags.config_file = value;
        } else if (name == "wp-config") {
            flags.assignments.push_back({"wp_config", value, kFlags, where});
        } else if (name == "socket" || name == "threads") {
            flags.assignments.push_back({name, value, kFlags, where});
        } else {
            const std::size_t set_eq = value.find('=');
            if (set_eq == std::string::npos || set_eq == 0) {
                return core::fail("--set expects KEY=VALUE, got '" + value + "'");
            }
            flags.assignments.push_back(
                {value.substr(0, set_eq), value.substr(set_eq + 1), kFlags, where});
        }
    }
    return flags;
}

struct WpLayer {
    std::vector<Assignment> assignments;
    std::vector<Need> needs;
    std::optional<std::string> db_host_error;
    std::vector<std::string> warnings;
};

core::Result<WpLayer, std::string> wp_config_layer(const std::string& path) {
    auto parsed = read_wp_config(path);
    if (!parsed) return core::fail(parsed.error());
    const WpConfig& wp = *parsed;
    WpLayer layer;
    const auto add = [&](const std::string& key, const std::string& value,
                         const std::string& constant) {
        layer.assignments.push_back({key, value, kWpConfig, path + " (" + constant + ")"});
    };
    // Returns the literal value; records a Need when unresolved (or missing and required).
    const auto lookup = [&](const std::string& constant, std::vector<std::string> keys,
                            bool required) -> std::optional<std::string> {
        if (const auto it = wp.constants.find(constant); it != wp.constants.end()) {
            return it->second;
        }
        if (wp.unresolved.count(constant) != 0) {
            layer.needs.push_back({constant, std::move(keys), false});
        } else if (required) {
            layer.needs.push_back({constant, std::move(keys), true});
        }
        return std::nullopt;
    };

    if (const auto it = wp.constants.find("MULTISITE"); it != wp.constants.end()) {
        if (php_truthy(it->second)) {
            return core::fail(path +
                              ": MULTISITE is true: WordPress multisite is not supported by "
                              "Cartpress");
        }
    } else if (wp.unresolved.count("MULTISITE") != 0) {
        layer.warnings.push_back(path +
                                 ": MULTISITE is not a literal; assuming a single site (multisite "
                                 "is not supported)");
    }

    if (auto v = lookup("DB_NAME", {"db.name"}, true)) add("db.name", *v, "DB_NAME");
    if (auto v = lookup("DB_USER", {"db.user"}, true)) add("db.user", *v, "DB_USER");
    if (auto v = lookup("DB_PASSWORD", {"db.password"}, true))
        add("db.password", *v, "DB_PASSWORD");
    if (auto v = lookup("DB_HOST", {"db.host", "db.socket"}, false)) {
        auto parts = split_db_host(*v);
        if (!parts) {
            layer.db_host_error = path + ": " + parts.error();
        } else {
            if (!parts->host.empty()) add("db.host", parts->host, "DB_HOST");
            if (parts->port) add("db.port", std::to_string(*parts->port), "DB_HOST");
            if (!parts->socket.empty()) add("db.socket", parts->socket, "DB_HOST");
        }
    }

    if (wp.table_prefix_set) {
        add("table_prefix", wp.table_prefix, "$table_prefix");
    } else if (wp.unresolved.count(std::string(kTablePrefixVariable)) != 0) {
        layer.needs.push_back({std::string(kTablePrefixVariable), {"table_prefix"}, false});
    }

    // WordPress silently falls back to production for an unknown type (spec §11.7).
    if (auto v = lookup("WP_ENVIRONMENT_TYPE", {"environment_type"}, false)) {
        const bool known = std::find(kEnvironmentNames.begin(), kEnvironmentNames.end(), *v) !=
                           kEnvironmentNames.end();
        if (!known && !v->empty()) {
            layer.warnings.push_back(path + ": WP_ENVIRONMENT_TYPE '" + *v +
                                     "' is not local, development, staging or production; "
                                     "using production");
        }
        add("environment_type", known ? *v : "production", "WP_ENVIRONMENT_TYPE");
    }

    for (const std::string_view salt : kSaltConstants) {
        const std::string constant(salt);
        if (auto v = lookup(constant, {"salt." + constant}, false)) {
            add("salt." + constant, *v, constant);
        }
    }
    if (auto v = lookup("WP_HOME", {"wp.home"}, false)) add("wp.home", *v, "WP_HOME");
    if (auto v = lookup("WP_SITEURL", {"wp.siteurl"}, false)) add("wp.siteurl", *v, "WP_SITEURL");
    if (auto v = lookup("COOKIEHASH", {"wp.cookiehash"}, false)) {
        add("wp.cookiehash", *v, "COOKIEHASH");
    }
    return layer;
}

std::string list_text(const std::vector<std::string>& items) { return join(items, ", "); }

// One line naming every wp-config.php value that is needed and not overridden.
std::optional<std::string> unmet_needs(const std::string& path, const std::vector<Need>& needs,
                                       const std::map<std::string, int>& layer_of) {
    std::vector<std::string> unresolved, unresolved_keys, missing, missing_keys;
    for (const Need& need : needs) {
        const bool overridden = std::any_of(need.keys.begin(), need.keys.end(), [&](auto& key) {
            const auto it = layer_of.find(key);
            return it != layer_of.end() && it->second >= kFile;
        });
        if (overridden) continue;
        (need.missing ? missing : unresolved).push_back(need.constant);
        (need.missing ? missing_keys : unresolved_keys).push_back(need.keys.front());
    }
    std::string message;
    if (!unresolved.empty()) {
        message = path + ": " + list_text(unresolved) +
                  (unresolved.size() == 1 ? " is not a literal value" : " are not literal values") +
                  " (getenv(), concatenation, another constant or a condition); set " +
                  list_text(unresolved_keys) + " in the config file or with --set";
    }
    if (!missing.empty()) {
        message += (message.empty() ? path + ": " : "; ") + list_text(missing) +
                   (missing.size() == 1 ? " is" : " are") + " not defined; set " +
                   list_text(missing_keys) + " in the config file or with --set";
    }
    if (message.empty()) return std::nullopt;
    return message;
}

int layer_of_key(const std::map<std::string, int>& layer_of, const std::string& key) {
    const auto it = layer_of.find(key);
    return it == layer_of.end() ? kDefaults : it->second;
}

// db.host/db.port/db.socket behave as one address: whichever of host or socket was set at the
// highest layer decides between TCP and socket, and a port counts only if set at that layer or
// above. Then the localhost rule of resolve_db_address applies.
void resolve_address(Settings& s, const std::map<std::string, int>& layer_of) {
    const int host_layer = layer_of_key(layer_of, "db.host");
    const int port_layer = layer_of_key(layer_of, "db.port");
    const int socket_layer = layer_of_key(layer_of, "db.socket");
    const int base = std::max(host_layer, socket_layer);
    DbHostParts parts;
    parts.host = s.db.host;
    if (port_layer > kDefaults && port_layer >= base) parts.port = s.db.port;
    if (socket_layer == base) parts.socket = s.db.socket;
    const DbAddress address = resolve_db_address(parts, kDefaultMysqlSocket);
    s.db.host = address.host;
    s.db.port = address.port;
    s.db.socket = address.socket;
}

// The salt rule (spec §1.3) on the final values, whatever layer they came from: that is what
// WordPress does with the constants the config file mirrors.
void apply_salt_rule(Settings& s) {
    std::map<std::string, std::string> values;
    for (const auto& [name, member] : salt_members()) {
        if (!(s.salt.*member).empty()) values.emplace(name, s.salt.*member);
    }
    const auto usable = usable_salts(values);
    for (const auto& [name, member] : salt_members()) {
        if ((s.salt.*member).empty() || usable.count(name) != 0) continue;
        (s.salt.*member).clear();
        s.warnings.push_back(name +
                             " is the placeholder phrase or shares its value with another salt; "
                             "using the " +
                             lowercase(name) + " option instead");
    }
}

std::string quote_if_needed(const std::string& value) {
    const bool needs =
        !value.empty() && (value.front() == ' ' || value.back() == ' ' || value.front() == '\t' ||
                           value.back() == '\t' || value.front() == '"');
    if (!needs) return value;
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

}  // namespace

int auto_thread_count(unsigned hardware_concurrency) {
    return std::max(2, static_cast<int>(std::min(hardware_concurrency, 4096U)) + 1);
}

int Settings::worker_threads() const {
    return threads > 0 ? threads : auto_thread_count(std::thread::hardware_concurrency());
}

core::Result<Settings, std::string> load_settings(const std::vector<std::string>& args,
                                                  const std::vector<PluginKey>& plugin_keys) {
    Settings settings;
    // --help and --version win over everything, even over a bad argument elsewhere.
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") {
            settings.action = Action::kHelp;
            return settings;
        }
    }
    if (std::find(args.begin(), args.end(), "--version") != args.end()) {
        settings.action = Action::kVersion;
        return settings;
    }

    std::map<std::string, const PluginKey*> plugin;
    for (const PluginKey& key : plugin_keys) {
        if (find_key(key.key) != nullptr || key.key.find('.') == std::string::npos ||
            !plugin.emplace(key.key, &key).second) {
            return core::fail("plugin key '" + key.key +
                              "' is invalid (needs a 'plugin.' namespace) or declared twice");
        }
    }
    const auto known = [&](const std::string& key) {
        return find_key(key) != nullptr || plugin.count(key) != 0;
    };

    auto flags = parse_flags(args);
    if (!flags) return core::fail(flags.error());
    for (const Assignment& a : flags->assignments) {
        if (!known(a.key)) return core::fail(a.where + ": unknown key '" + a.key + "'");
    }
    std::vector<Assignment> file;
    if (!flags->config_file.empty()) {
        auto parsed = parse_config_file(flags->config_file);
        if (!parsed) return core::fail(parsed.error());
        file = std::move(*parsed);
        for (const Assignment& a : file) {
            if (!known(a.key)) return core::fail(a.where + ": unknown key '" + a.key + "'");
        }
    }
    settings.config_file = flags->config_file;

    // The wp-config.php path itself follows the precedence of file and flags.
    std::string wp_path;
    for (const auto* list : {&file, &flags->assignments}) {
        for (const Assignment& a : *list) {
            if (a.key == "wp_config") wp_path = a.value;
        }
    }
    WpLayer wp;
    if (!wp_path.empty()) {
        auto layer = wp_config_layer(wp_path);
        if (!layer) return core::fail(layer.error());
        wp = std::move(*layer);
    }

    std::vector<Assignment> all;
    for (const KeyInfo& info : keys()) {
        all.push_back({info.key, info.default_value, kDefaults, "default"});
    }
    for (const PluginKey& key : plugin_keys) {
        all.push_back({key.key, key.default_value, kDefaults, "default"});
        if (key.secret) settings.secret_plugin_keys.insert(key.key);
    }
    all.insert(all.end(), wp.assignments.begin(), wp.assignments.end());
    all.insert(all.end(), file.begin(), file.end());
    all.insert(all.end(), flags->assignments.begin(), flags->assignments.end());

    std::map<std::string, int> layer_of;
    for (const Assignment& a : all) {
        if (const KeyInfo* info = find_key(a.key)) {
            if (auto r = info->set(settings, a.value); !r) {
                return core::fail(a.where + ": " + a.key + ": " + r.error());
            }
        } else {
            settings.plugin[a.key] = a.value;
        }
        layer_of[a.key] = a.layer;
    }

    if (auto message = unmet_needs(wp_path, wp.needs, layer_of)) return core::fail(*message);
    if (wp.db_host_error && layer_of_key(layer_of, "db.host") < kFile &&
        layer_of_key(layer_of, "db.socket") < kFile) {
        return core::fail(*wp.db_host_error + "; set db.host in the config file or with --set");
    }
    resolve_address(settings, layer_of);
    settings.warnings = std::move(wp.warnings);
    apply_salt_rule(settings);
    settings.action = flags->check     ? Action::kCheck
                      : flags->migrate ? Action::kMigrate
                                       : Action::kRun;
    return settings;
}

std::string usage_text() {
    return "Usage: cartpress [options]\n"
           "\n"
           "Serves WordPress REST routes over FastCGI from a WordPress database.\n"
           "\n"
           "Options:\n"
           "  --config FILE      read settings from FILE (`key = value` lines, see\n"
           "                     cartpress.conf.example)\n"
           "  --wp-config PATH   read DB credentials, table prefix and salts from wp-config.php\n"
           "  --socket PATH      FastCGI socket: a Unix path or 127.0.0.1:PORT\n"
           "  --threads N        worker threads (0 or auto = CPU threads + 1, at least 2)\n"
           "  --set KEY=VALUE    set any config key (repeatable)\n"
           "  --check-config     load and validate the settings, print them, and exit\n"
           "  --migrate          create Cartpress's own tables ({prefix}cartpress_*) when "
           "missing,\n"
           "                     then exit (idempotent; FluentCart's and WordPress's tables are\n"
           "                     never touched)\n"
           "  --help, -h         print this help and exit\n"
           "  --version          print the version and exit\n"
           "\n"
           "Precedence, lowest first: defaults, wp-config.php, --config file, flags.\n"
           "Both `--flag value` and `--flag=value` work.\n";
}

std::string version_text() { return std::string("cartpress ") + CARTPRESS_VERSION; }

std::string describe_settings(const Settings& settings) {
    std::string out;
    const auto line = [&](const std::string& key, const std::string& value, bool secret) {
        const std::string shown = secret && !value.empty() ? "***" : quote_if_needed(value);
        out += key + (shown.empty() ? " =" : " = " + shown) + "\n";
    };
    for (const KeyInfo& info : keys()) line(info.key, info.get(settings), info.secret);
    for (const auto& [key, value] : settings.plugin) {
        line(key, value, settings.secret_plugin_keys.count(key) != 0);
    }
    return out;
}

}  // namespace cartpress::config
