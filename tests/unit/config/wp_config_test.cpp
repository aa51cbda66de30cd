#include <boost/test/unit_test.hpp>
#include <cartpress/config/wp_config.hpp>
#include <string>

namespace cfg = cartpress::config;

namespace {

// shared/reference/wp-config.php of the reference store, verbatim (test data).
constexpr std::string_view kReferenceWpConfig =
    R"php(<?php
// wp-config.php of the reference store (test data): DB credentials of the peer database )php"
    R"php(and fixed salts, for --wp-config and cookie/nonce tests.
define('DB_NAME', 'fct_wp');
define('DB_USER', 'fct');
define('DB_PASSWORD', 'fctpass');
define('DB_HOST', '127.0.0.1:3306');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('AUTH_KEY',         'fct-peer-auth-key-0001');
define('SECURE_AUTH_KEY',  'fct-peer-secure-auth-key-0002');
define('LOGGED_IN_KEY',    'fct-peer-logged-in-key-0003');
define('NONCE_KEY',        'fct-peer-nonce-key-0004');
define('AUTH_SALT',        'fct-peer-auth-salt-0005');
define('SECURE_AUTH_SALT', 'fct-peer-secure-auth-salt-0006');
define('LOGGED_IN_SALT',   'fct-peer-logged-in-salt-0007');
define('NONCE_SALT',       'fct-peer-nonce-salt-0008');
$table_prefix = 'wp_';
define('WP_DEBUG', false);
define('WP_DEBUG_DISPLAY', false);
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
)php";

cfg::WpConfig parse_ok(std::string_view source) {
    auto result = cfg::parse_wp_config(source);
    BOOST_TEST_REQUIRE(result.has_value(),
                       "parse failed: " << (result ? std::string() : result.error()));
    return *result;
}

std::string parse_error(std::string_view source) {
    auto result = cfg::parse_wp_config(source);
    BOOST_TEST_REQUIRE(!result.has_value());
    return result.error();
}

// The value of a resolved constant, or a marker that makes a failed comparison readable.
std::string value_of(const cfg::WpConfig& config, const std::string& name) {
    const auto it = config.constants.find(name);
    if (it != config.constants.end()) return it->second;
    return config.unresolved.count(name) ? "<unresolved>" : "<missing>";
}

cfg::DbAddress address_ok(std::string_view db_host,
                          std::string_view socket = cfg::kDefaultMysqlSocket) {
    auto result = cfg::parse_db_host(db_host, socket);
    BOOST_TEST_REQUIRE(result.has_value(),
                       "parse_db_host failed: " << (result ? std::string() : result.error()));
    return *result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(config)
BOOST_AUTO_TEST_SUITE(wp_config)

BOOST_AUTO_TEST_CASE(reads_the_reference_wp_config) {
    const cfg::WpConfig c = parse_ok(kReferenceWpConfig);
    BOOST_TEST(value_of(c, "DB_NAME") == "fct_wp");
    BOOST_TEST(value_of(c, "DB_USER") == "fct");
    BOOST_TEST(value_of(c, "DB_PASSWORD") == "fctpass");
    BOOST_TEST(value_of(c, "DB_HOST") == "127.0.0.1:3306");
    BOOST_TEST(value_of(c, "DB_CHARSET") == "utf8mb4");
    BOOST_TEST(value_of(c, "DB_COLLATE") == "");
    BOOST_TEST(value_of(c, "AUTH_KEY") == "fct-peer-auth-key-0001");
    BOOST_TEST(value_of(c, "NONCE_SALT") == "fct-peer-nonce-salt-0008");
    BOOST_TEST(value_of(c, "WP_DEBUG") == "");  // false prints as ""
    BOOST_TEST(value_of(c, "DISABLE_WP_CRON") == "1");
    BOOST_TEST(value_of(c, "WP_ENVIRONMENT_TYPE") == "local");
    BOOST_TEST(c.constants.size() == 20u);
    // Guarded by its own `! defined`, but the value is a concatenation.
    BOOST_TEST(c.unresolved == std::set<std::string>{"ABSPATH"});
    BOOST_TEST(c.table_prefix == "wp_");
    BOOST_TEST(c.table_prefix_set);
    for (const std::string_view salt : cfg::kSaltConstants) {
        BOOST_TEST(cfg::effective_salt(c, salt).has_value(), salt);
    }
}

BOOST_AUTO_TEST_CASE(comments_hide_defines) {
    const cfg::WpConfig c = parse_ok(R"php(<?php
// define('LINE', 'x');
# define('HASH', 'x');
/* define('BLOCK', 'x');
   define('BLOCK2', 'x'); */
/* inline */ define('AFTER_BLOCK', 'yes'); // trailing define('TRAILING', 'x');
define('URL', 'http://example.com/#frag'); # the // and # above are inside a string
#[Attribute] function f() { define('IN_ATTRIBUTED_FUNCTION', 'x'); }
define('AFTER_ATTRIBUTE', 'yes');
)php");
    BOOST_TEST(value_of(c, "LINE") == "<missing>");
    BOOST_TEST(value_of(c, "HASH") == "<missing>");
    BOOST_TEST(value_of(c, "BLOCK") == "<missing>");
    BOOST_TEST(value_of(c, "BLOCK2") == "<missing>");
    BOOST_TEST(value_of(c, "TRAILING") == "<missing>");
    BOOST_TEST(value_of(c, "AFTER_BLOCK") == "yes");
    BOOST_TEST(value_of(c, "URL") == "http://example.com/#frag");
    BOOST_TEST(value_of(c, "AFTER_ATTRIBUTE") == "yes");
    BOOST_TEST(value_of(c, "IN_ATTRIBUTED_FUNCTION") == "<unresolved>");
}

BOOST_AUTO_TEST_CASE(only_code_inside_php_tags_counts) {
    const cfg::WpConfig c = parse_ok(
        "define('BEFORE', 'html');\n"
        "<?php define('INSIDE', 'a'); // a line comment ends at ?> define('HTML', 'x');\n"
        "<?PHP\ndefine('AGAIN', 'b'); ?>\n"
        "<?php define('CLOSED', 'c')?>");
    BOOST_TEST(value_of(c, "BEFORE") == "<missing>");
    BOOST_TEST(value_of(c, "INSIDE") == "a");
    BOOST_TEST(value_of(c, "HTML") == "<missing>");
    BOOST_TEST(value_of(c, "AGAIN") == "b");
    BOOST_TEST(value_of(c, "CLOSED") == "c");
}

BOOST_AUTO_TEST_CASE(a_file_without_php_tag_is_an_error) {
    BOOST_TEST(parse_error("define('DB_NAME', 'x');").find("<?php") != std::string::npos);
    BOOST_TEST(parse_error("<?phpdefine('X', 1);").find("<?php") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(first_define_wins) {
    const cfg::WpConfig c = parse_ok(R"php(<?php
define('A', 'first');
define('A', 'second');
define('B', getenv('B'));
define('B', 'literal later');
define('C', 'literal first');
define('C', getenv('C'));
)php");
    BOOST_TEST(value_of(c, "A") == "first");
    BOOST_TEST(value_of(c, "B") == "<unresolved>");
    BOOST_TEST(value_of(c, "C") == "literal first");
    BOOST_TEST(c.unresolved.count("C") == 0u);
}

BOOST_AUTO_TEST_CASE(single_quoted_escapes) {
    const cfg::WpConfig c = parse_ok(R"php(<?php
define('QUOTE', 'it\'s');
define('BACKSLASH', 'back\\slash');
define('OTHER', 'keep\n\t\x41 $dollar');
define('MIXED', 'a\\\'b');
define('TRAILING_BACKSLASH', 'end\\');
)php");
    BOOST_TEST(value_of(c, "QUOTE") == "it's");
    BOOST_TEST(value_of(c, "BACKSLASH") == "back\\slash");
    BOOST_TEST(value_of(c, "OTHER") == "keep\\n\\t\\x41 $dollar");
    BOOST_TEST(value_of(c, "MIXED") == "a\\'b");
    BOOST_TEST(value_of(c, "TRAILING_BACKSLASH") == "end\\");
}

BOOST_AUTO_TEST_CASE(double_quoted_escapes) {
    const cfg::WpConfig c = parse_ok(R"php(<?php
define("DQ_NAME", "tab\there");
define('QUOTE', "say \"hi\"");
define('BACKSLASH', "back\\slash");
define('DOLLAR', "cost \$5");
define('NEWLINES', "a\nb\rc");
define('NUMERIC', "\x41\101\u{e9}");
define('UNKNOWN', "keep \q and \{ and \x");
define('SINGLE_QUOTE', "it's");
)php");
    BOOST_TEST(value_of(c, "DQ_NAME") == "tab\there");
    BOOST_TEST(value_of(c, "QUOTE") == "say \"hi\"");
    BOOST_TEST(value_of(c, "BACKSLASH") == "back\\slash");
    BOOST_TEST(value_of(c, "DOLLAR") == "cost $5");
    BOOST_TEST(value_of(c, "NEWLINES") == "a\nb\rc");
    BOOST_TEST(value_of(c, "NUMERIC") == "AA\xC3\xA9");
    BOOST_TEST(value_of(c, "UNKNOWN") == "keep \\q and \\{ and \\x");
    BOOST_TEST(value_of(c, "SINGLE_QUOTE") == "it's");
}

BOOST_AUTO_TEST_CASE(dollar_in_double_quotes_is_unresolved) {
    const cfg::WpConfig c = parse_ok(R"php(<?php
define('VAR', "pa$word");
define('BRACES', "x{$y}z");
define('LONE', "price 5$");
define('DOLLARS', "pa$$word");
define('ESCAPED', "pa\$\$word");
)php");
    BOOST_TEST(value_of(c, "VAR") == "<unresolved>");
    BOOST_TEST(value_of(c, "BRACES") == "<unresolved>");
    BOOST_TEST(value_of(c, "LONE") == "<unresolved>");
    BOOST_TEST(value_of(c, "DOLLARS") == "<unresolved>");
    BOOST_TEST(value_of(c, "ESCAPED") == "pa$$word");
}

BOOST_AUTO_TEST_CASE(non_literal_values_are_unresolved) {
    const cfg::WpConfig c = parse_ok(R"php(<?php
define( 'DB_PASSWORD', getenv( 'DB_PASSWORD' ) );
define( 'DB_USER', getenv_docker('WORDPRESS_DB_USER', 'example username') );
define('CONCAT', 'a' . 'b');
define('CONCAT_TIGHT', 'a'.'b');
define('OTHER_CONSTANT', ABSPATH);
define('TERNARY', getenv('X') ?: 'fallback');
define('ARITHMETIC', 60 * 60);
define('FLOAT', 1.5);
define('CAST', (string) 'x');
define('PARENS', ('x'));
define('HEREDOC', <<<EOT
heredoc text
EOT);
define('BACKTICK', `hostname`);
define('ENV', $_ENV['X']);
)php");
    for (const char* name :
         {"DB_PASSWORD", "DB_USER", "CONCAT", "CONCAT_TIGHT", "OTHER_CONSTANT", "TERNARY",
          "ARITHMETIC", "FLOAT", "CAST", "PARENS", "HEREDOC", "BACKTICK", "ENV"}) {
        BOOST_TEST(value_of(c, name) == "<unresolved>", name);
    }
    BOOST_TEST(c.constants.empty());
}

BOOST_AUTO_TEST_CASE(literal_kinds_print_like_php_string_cast) {
    const cfg::WpConfig c = parse_ok(R"php(<?php
define('INT', 42);
define('NEGATIVE', -7);
define('PLUS', +8);
define('MINUS_ZERO', -0);
define('HEX', 0x1F);
define('BINARY', 0b101);
define('OCTAL', 0o17);
define('LEGACY_OCTAL', 017);
define('SEPARATED', 1_000_000);
define('TOO_BIG', 9223372036854775808);
define('T', true);
define('T_UPPER', TRUE);
define('F', False);
define('N', NULL);
define('NAMESPACED', \true);
define('CASE_ARG', 'v', true);
define('TRAILING_COMMA', 'v',);
)php");
    BOOST_TEST(value_of(c, "INT") == "42");
    BOOST_TEST(value_of(c, "NEGATIVE") == "-7");
    BOOST_TEST(value_of(c, "PLUS") == "8");
    BOOST_TEST(value_of(c, "MINUS_ZERO") == "0");
    BOOST_TEST(value_of(c, "HEX") == "31");
    BOOST_TEST(value_of(c, "BINARY") == "5");
    BOOST_TEST(value_of(c, "OCTAL") == "15");
    BOOST_TEST(value_of(c, "LEGACY_OCTAL") == "15");
    BOOST_TEST(value_of(c, "SEPARATED") == "1000000");
    BOOST_TEST(value_of(c, "TOO_BIG") == "<unresolved>");
    BOOST_TEST(value_of(c, "T") == "1");
    BOOST_TEST(value_of(c, "T_UPPER") == "1");
    BOOST_TEST(value_of(c, "F") == "");
    BOOST_TEST(value_of(c, "N") == "");
    BOOST_TEST(value_of(c, "NAMESPACED") == "1");
    BOOST_TEST(value_of(c, "CASE_ARG") == "v");
    BOOST_TEST(value_of(c, "TRAILING_COMMA") == "v");
}

BOOST_AUTO_TEST_CASE(define_call_forms) {
    const cfg::WpConfig c = parse_ok(
        "<?php\n"
        "DEFINE('UPPER', 'u');\n"
        "\\define('ROOT_NS', 'r');\n"
        "@define('SILENCED', 's');\n"
        "define\n(\n  \"SPREAD\"\n  ,\n  'over lines'\n)\n;\n"
        "define(  'SPACES'  ,'tight'  )  ;\n"
        "Config::define('STATIC_METHOD', 'x');\n"
        "$config->define('METHOD', 'x');\n"
        "Foo\\define('OTHER_NS', 'x');\n"
        "define($name, 'x');\n"
        "define('NO_SEMICOLON', 'last')");
    BOOST_TEST(value_of(c, "UPPER") == "u");
    BOOST_TEST(value_of(c, "ROOT_NS") == "r");
    BOOST_TEST(value_of(c, "SILENCED") == "s");
    BOOST_TEST(value_of(c, "SPREAD") == "over lines");
    BOOST_TEST(value_of(c, "SPACES") == "tight");
    BOOST_TEST(value_of(c, "STATIC_METHOD") == "<missing>");
    BOOST_TEST(value_of(c, "METHOD") == "<missing>");
    BOOST_TEST(value_of(c, "OTHER_NS") == "<missing>");
    BOOST_TEST(value_of(c, "NO_SEMICOLON") == "last");
    BOOST_TEST(c.constants.size() == 6u);
    BOOST_TEST(c.unresolved.empty());
}

BOOST_AUTO_TEST_CASE(conditional_defines) {
    const cfg::WpConfig c = parse_ok(R"php(<?php
if ( getenv( 'STAGING' ) ) {
    define( 'IN_IF', 'x' );
} else {
    define( 'IN_ELSE', 'y' );
}
if ( ! defined( 'GUARDED' ) ) {
    define( 'GUARDED', 'g' );
    define( 'BESIDE_GUARD', 'b' );
}
if ( ! defined( 'BRACELESS' ) ) define( 'BRACELESS', 'bl' );
if ( ! defined( 'OTHER' ) ) { define( 'WRONG_GUARD', 'w' ); }
defined( 'SHORT' ) || define( 'SHORT', 's' );
defined( 'ONE' ) or define( 'TWO', 't' );
if ( isset( $_SERVER['HTTPS'] ) ): define( 'ALT', 'a' ); endif;
function setup() { define( 'IN_FUNCTION', 'f' ); }
foreach ( $list as $item ) { define( 'IN_LOOP', 'l' ); }
switch ( $x ) { case 'a': define( 'IN_SWITCH', 's' ); break; }
try { define( 'IN_TRY', 't' ); } catch ( Exception $e ) {}
$ok = true && define( 'IN_EXPRESSION', 'e' );
define( 'AFTER_ALL', 'done' );
)php");
    BOOST_TEST(value_of(c, "IN_IF") == "<unresolved>");
    BOOST_TEST(value_of(c, "IN_ELSE") == "<unresolved>");
    BOOST_TEST(value_of(c, "GUARDED") == "g");
    BOOST_TEST(value_of(c, "BESIDE_GUARD") == "<unresolved>");
    BOOST_TEST(value_of(c, "BRACELESS") == "bl");
    BOOST_TEST(value_of(c, "WRONG_GUARD") == "<unresolved>");
    BOOST_TEST(value_of(c, "SHORT") == "s");
    BOOST_TEST(value_of(c, "TWO") == "<unresolved>");
    BOOST_TEST(value_of(c, "ALT") == "<unresolved>");
    BOOST_TEST(value_of(c, "IN_FUNCTION") == "<unresolved>");
    BOOST_TEST(value_of(c, "IN_LOOP") == "<unresolved>");
    BOOST_TEST(value_of(c, "IN_SWITCH") == "<unresolved>");
    BOOST_TEST(value_of(c, "IN_TRY") == "<unresolved>");
    BOOST_TEST(value_of(c, "IN_EXPRESSION") == "<unresolved>");
    BOOST_TEST(value_of(c, "AFTER_ALL") == "done");
}

BOOST_AUTO_TEST_CASE(other_statements_are_skipped_robustly) {
    const cfg::WpConfig c = parse_ok(R"php(<?php
$x = array( 'a;b)', "c)d;", 'e}' );
foo( ');', ')' ); define( 'AFTER_CALL', 1 );
$text = <<<EOT
  define('IN_HEREDOC', 1); ) ; }
  EOT;
$raw = <<<'NOW'
define('IN_NOWDOC', 1);
NOW;
$cb = function ( $a ) { return $a . ';'; };
abstract class Foo { public function bar() { return "}"; } }
define( 'AFTER_CLASS', 'c' );
switch ( $y ) { case 1: $z = 2; break; default: break; }
$s = `echo ;`;
define( 'LAST', 'l' );
)php");
    BOOST_TEST(value_of(c, "AFTER_CALL") == "1");
    BOOST_TEST(value_of(c, "IN_HEREDOC") == "<missing>");
    BOOST_TEST(value_of(c, "IN_NOWDOC") == "<missing>");
    BOOST_TEST(value_of(c, "AFTER_CLASS") == "c");
    BOOST_TEST(value_of(c, "LAST") == "l");
    BOOST_TEST(c.unresolved.empty());
}

BOOST_AUTO_TEST_CASE(top_level_return_and_halt_compiler_end_the_file) {
    const cfg::WpConfig a = parse_ok("<?php define('A', 1); return; define('B', 2);");
    BOOST_TEST(value_of(a, "A") == "1");
    BOOST_TEST(value_of(a, "B") == "<missing>");
    const cfg::WpConfig b =
        parse_ok("<?php if ($x) { return; } define('B', 2); __halt_compiler(); define('C', 3);");
    BOOST_TEST(value_of(b, "B") == "2");
    BOOST_TEST(value_of(b, "C") == "<missing>");
}

BOOST_AUTO_TEST_CASE(top_level_const_defines_constants) {
    const cfg::WpConfig c = parse_ok(R"php(<?php
const DB_NAME = 'from_const', DB_USER = "user";
const COMPUTED = OTHER . 'x';
class K { const IN_CLASS = 1; }
namespace App;
const IN_NAMESPACE = 'ns';
)php");
    BOOST_TEST(value_of(c, "DB_NAME") == "from_const");
    BOOST_TEST(value_of(c, "DB_USER") == "user");
    BOOST_TEST(value_of(c, "COMPUTED") == "<unresolved>");
    BOOST_TEST(value_of(c, "IN_CLASS") == "<missing>");
    BOOST_TEST(value_of(c, "App\\IN_NAMESPACE") == "ns");
}

BOOST_AUTO_TEST_CASE(table_prefix_forms) {
    const cfg::WpConfig shop = parse_ok("<?php\n$table_prefix  = 'shop_';\n");
    BOOST_TEST(shop.table_prefix == "shop_");
    BOOST_TEST(shop.table_prefix_set);

    const cfg::WpConfig dq = parse_ok("<?php $table_prefix = \"Store2_\";");
    BOOST_TEST(dq.table_prefix == "Store2_");

    const cfg::WpConfig last = parse_ok("<?php $table_prefix = 'a_'; $table_prefix = 'b_';");
    BOOST_TEST(last.table_prefix == "b_");

    const cfg::WpConfig absent = parse_ok("<?php define('X', 1);");
    BOOST_TEST(absent.table_prefix == "wp_");
    BOOST_TEST(!absent.table_prefix_set);
    BOOST_TEST(absent.unresolved.empty());

    for (const char* source :
         {"<?php $table_prefix = getenv('PREFIX');", "<?php $table_prefix = 'wp' . '_';",
          "<?php $table_prefix = 'wp_'; $table_prefix .= 'x';",
          "<?php $table_prefix = 'wp_'; if ($a) { $table_prefix = 'b_'; }"}) {
        const cfg::WpConfig c = parse_ok(source);
        BOOST_TEST(c.unresolved.count(std::string(cfg::kTablePrefixVariable)) == 1u, source);
        BOOST_TEST(!c.table_prefix_set, source);
        BOOST_TEST(c.table_prefix == "wp_", source);
    }
    // A later literal assignment wins again, as for any PHP variable.
    const cfg::WpConfig again =
        parse_ok("<?php $table_prefix = getenv('P'); $table_prefix = 'z_';");
    BOOST_TEST(again.table_prefix == "z_");
    BOOST_TEST(again.unresolved.empty());
}

BOOST_AUTO_TEST_CASE(invalid_table_prefix_is_an_error) {
    BOOST_TEST(parse_error("<?php $table_prefix = 'wp-shop';").find("wp-shop") !=
               std::string::npos);
    BOOST_TEST(parse_error("<?php $table_prefix = '';").find("$table_prefix") != std::string::npos);
    BOOST_TEST(!cfg::parse_wp_config("<?php $table_prefix = 'bad prefix';").has_value());
    // Only the final value matters.
    BOOST_TEST(
        cfg::parse_wp_config("<?php $table_prefix = 'bad-'; $table_prefix = 'ok_';").has_value());
}

BOOST_AUTO_TEST_CASE(unterminated_tokens_are_errors_with_a_line) {
    BOOST_TEST(parse_error("<?php\n\ndefine('X', 'open);\n").find("line 3") != std::string::npos);
    BOOST_TEST(parse_error("<?php\ndefine('X', \"open);\n").find("line 2") != std::string::npos);
    BOOST_TEST(parse_error("<?php\n$a = <<<EOT\nno end\n").find("heredoc") != std::string::npos);
    // PHP itself only warns about an unterminated comment.
    BOOST_TEST(cfg::parse_wp_config("<?php define('A', 1); /* open").has_value());
}

BOOST_AUTO_TEST_CASE(db_host_forms) {
    cfg::DbAddress a = address_ok("localhost");
    BOOST_TEST(a.host == "localhost");
    BOOST_TEST(a.port == 3306);
    BOOST_TEST(a.socket == "/run/mysqld/mysqld.sock");

    BOOST_TEST(address_ok("LocalHost").socket == "/run/mysqld/mysqld.sock");
    BOOST_TEST(address_ok("").socket == "/run/mysqld/mysqld.sock");
    BOOST_TEST(address_ok("localhost", "/tmp/custom.sock").socket == "/tmp/custom.sock");

    a = address_ok("localhost:3307");
    BOOST_TEST(a.host == "127.0.0.1");
    BOOST_TEST(a.port == 3307);
    BOOST_TEST(a.socket == "");

    a = address_ok("localhost:/var/lib/mysql/mysql.sock");
    BOOST_TEST(a.socket == "/var/lib/mysql/mysql.sock");
    BOOST_TEST(a.host == "localhost");

    a = address_ok("127.0.0.1");
    BOOST_TEST(a.host == "127.0.0.1");
    BOOST_TEST(a.port == 3306);
    BOOST_TEST(a.socket == "");

    a = address_ok("db.example.com:3310");
    BOOST_TEST(a.host == "db.example.com");
    BOOST_TEST(a.port == 3310);
    BOOST_TEST(a.socket == "");

    a = address_ok("db.example.com:/run/other.sock");
    BOOST_TEST(a.socket == "/run/other.sock");

    a = address_ok("db:3307:/run/with-port.sock");
    BOOST_TEST(a.socket == "/run/with-port.sock");
    BOOST_TEST(a.port == 3307);

    a = address_ok("[::1]:3308");
    BOOST_TEST(a.host == "::1");
    BOOST_TEST(a.port == 3308);
    BOOST_TEST(a.socket == "");

    a = address_ok("[2001:db8::5]");
    BOOST_TEST(a.host == "2001:db8::5");
    BOOST_TEST(a.port == 3306);

    a = address_ok("fe80::1");
    BOOST_TEST(a.host == "fe80::1");
    BOOST_TEST(a.port == 3306);

    a = address_ok(":/tmp/only.sock");
    BOOST_TEST(a.host == "localhost");
    BOOST_TEST(a.socket == "/tmp/only.sock");

    a = address_ok("localhost", "");
    BOOST_TEST(a.host == "127.0.0.1");
    BOOST_TEST(a.socket == "");
}

BOOST_AUTO_TEST_CASE(invalid_db_hosts_are_errors) {
    for (const char* bad : {"db:", "db:abc", "db:0", "db:65536", "db:3306x", "db:-1", "[::1",
                            "[::1]x", "[]:3306", "[::1]:"}) {
        auto r = cfg::parse_db_host(bad);
        BOOST_TEST(!r.has_value(), bad);
        if (!r.has_value()) BOOST_TEST(r.error().find(bad) != std::string::npos, r.error());
    }
}

BOOST_AUTO_TEST_CASE(split_db_host_keeps_what_is_written) {
    auto parts = cfg::split_db_host("localhost");
    BOOST_TEST_REQUIRE(parts.has_value());
    BOOST_TEST(parts->host == "localhost");
    BOOST_TEST(!parts->port.has_value());
    BOOST_TEST(parts->socket == "");
    parts = cfg::split_db_host("[::1]:3307");
    BOOST_TEST_REQUIRE(parts.has_value());
    BOOST_TEST(parts->host == "::1");
    BOOST_TEST(parts->port.value_or(0) == 3307);
}

BOOST_AUTO_TEST_CASE(salt_rule) {
    const cfg::WpConfig c = parse_ok(R"php(<?php
define('AUTH_KEY', 'unique-1');
define('SECURE_AUTH_KEY', 'put your unique phrase here');
define('LOGGED_IN_KEY', 'same');
define('NONCE_KEY', 'same');
define('AUTH_SALT', '');
define('SECURE_AUTH_SALT', getenv('S'));
define('LOGGED_IN_SALT', 'unique-2');
define('NOT_A_SALT', 'same');
)php");
    BOOST_TEST(cfg::effective_salt(c, "AUTH_KEY").value_or("<unset>") == "unique-1");
    BOOST_TEST(cfg::effective_salt(c, "LOGGED_IN_SALT").value_or("<unset>") == "unique-2");
    BOOST_TEST(!cfg::effective_salt(c, "SECURE_AUTH_KEY").has_value());   // placeholder
    BOOST_TEST(!cfg::effective_salt(c, "LOGGED_IN_KEY").has_value());     // shared value
    BOOST_TEST(!cfg::effective_salt(c, "NONCE_KEY").has_value());         // shared value
    BOOST_TEST(!cfg::effective_salt(c, "AUTH_SALT").has_value());         // empty
    BOOST_TEST(!cfg::effective_salt(c, "SECURE_AUTH_SALT").has_value());  // unresolved
    BOOST_TEST(!cfg::effective_salt(c, "NONCE_SALT").has_value());        // missing
    BOOST_TEST(!cfg::effective_salt(c, "NOT_A_SALT").has_value());        // not a salt name
}

BOOST_AUTO_TEST_CASE(usable_salts_counts_only_the_eight) {
    const auto usable = cfg::usable_salts({{"AUTH_KEY", "x"},
                                           {"NONCE_SALT", "x"},
                                           {"LOGGED_IN_KEY", "y"},
                                           {"OTHER", "y"},
                                           {"NONCE_KEY", "z"}});
    BOOST_TEST(usable.size() == 2u);
    BOOST_TEST(usable.count("LOGGED_IN_KEY") == 1u);
    BOOST_TEST(usable.count("NONCE_KEY") == 1u);
}

BOOST_AUTO_TEST_CASE(php_truthiness) {
    BOOST_TEST(cfg::php_truthy("1"));
    BOOST_TEST(cfg::php_truthy("yes"));
    BOOST_TEST(cfg::php_truthy("0.0"));
    BOOST_TEST(!cfg::php_truthy(""));
    BOOST_TEST(!cfg::php_truthy("0"));
}

BOOST_AUTO_TEST_CASE(read_wp_config_names_the_path) {
    auto r = cfg::read_wp_config("/nonexistent/cartpress/wp-config.php");
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error().find("/nonexistent/cartpress/wp-config.php") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
