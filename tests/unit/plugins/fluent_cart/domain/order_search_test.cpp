#include "domain/order_search.hpp"

#include <boost/test/unit_test.hpp>
#include <string>

namespace {

using namespace cartpress::plugins::fluent_cart;

// A readable form of the parsed search.
std::string parsed(std::string_view raw) {
    const OrderSearch s = parse_order_search(raw);
    if (std::holds_alternative<std::monostate>(s)) return "none";
    if (const auto* p = std::get_if<PlainSearch>(&s))
        return "plain[" + p->trimmed + "|" + p->escaped + "]";
    if (const auto* c = std::get_if<CustomerSearch>(&s)) return "customer[" + c->term + "]";
    const auto& c = std::get<ColumnSearch>(s);
    const char* columns[] = {"id", "status", "payment_status", "payment_method"};
    const char* ops[] = {"=", "!=", ">", "<", "LIKE", "NOT LIKE", "BETWEEN"};
    std::string out = std::string(columns[static_cast<int>(c.column)]) + " " +
                      ops[static_cast<int>(c.op)] + " [" + c.value + "]";
    if (c.op == SearchOp::kBetween) out += " [" + c.upper + "]";
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_AUTO_TEST_SUITE(order_search)

BOOST_AUTO_TEST_CASE(operator_forms) {
    BOOST_TEST(parsed("id = 3") == "id = [3]");
    BOOST_TEST(parsed("  Id=3  ") == "id = [3]");
    BOOST_TEST(parsed("id != 3") == "id != [3]");
    BOOST_TEST(parsed("id > 5") == "id > [5]");
    BOOST_TEST(parsed("id < 5") == "id < [5]");
    BOOST_TEST(parsed("id >= 5") == "id > [= 5]");  // FluentCart's alternation order
    BOOST_TEST(parsed("id <= 5") == "id < [= 5]");
    BOOST_TEST(parsed("id :: 2-4") == "id BETWEEN [2] [4]");
    BOOST_TEST(parsed("id :: 2 - 4") == "id BETWEEN [2 ] [ 4]");  // explode('-') untrimmed
    BOOST_TEST(parsed("id :: 2-4-6") == "id = [::]");
    BOOST_TEST(parsed("id :: 5") == "id = [::]");
    BOOST_TEST(parsed("status = compl*") == "status LIKE [compl%]");
    BOOST_TEST(parsed("status = **pending") == "status LIKE [%pending]");
    BOOST_TEST(parsed("status = *") == "status LIKE [%%]");
    BOOST_TEST(parsed("status != *ing*") == "status NOT LIKE [%ing%]");
    BOOST_TEST(parsed("invoice = completed") == "status = [completed]");
    BOOST_TEST(parsed("payment = paid") == "payment_status = [paid]");
    BOOST_TEST(parsed("payment_by = stripe") == "payment_method = [stripe]");
    BOOST_TEST(parsed("status = a = b") == "status = [a]");  // explode's second part
    BOOST_TEST(parsed("customer = Bob") == "customer[Bob]");
    BOOST_TEST(parsed("customer > bob%") == "customer[bob%]");  // any operator, unescaped
    BOOST_TEST(parsed("id =") == "id = []");
}

BOOST_AUTO_TEST_CASE(equality_values_are_sanitized) {
    BOOST_TEST(parsed("status = <b>paid</b>") == "status = [paid]");
    BOOST_TEST(parsed("status = pa%41id") == "status = [paid]");
    BOOST_TEST(parsed("status = a\t\tb") == "status = [a b]");
    BOOST_TEST(parsed("id < a%41b") == "id < [a%41b]");  // only = and != are sanitized
}

BOOST_AUTO_TEST_CASE(plain_search) {
    BOOST_TEST(parsed("") == "none");
    BOOST_TEST(parsed("0") == "none");  // PHP empty()
    BOOST_TEST(parsed(" 0") == "plain[0|0]");
    BOOST_TEST(parsed("  Bob  ") == "plain[Bob|Bob]");
    BOOST_TEST(parsed("100%_a\\b") == "plain[100%_a\\b|100\\%\\_a\\\\b]");
    BOOST_TEST(parsed("foo = bar") == "plain[foo = bar|foo = bar]");  // unknown field
    BOOST_TEST(parsed("= 3") == "plain[= 3|= 3]");
    BOOST_TEST(parsed("id.column = 3") == "plain[id.column = 3|id.column = 3]");
    BOOST_TEST(is_operator_search(parse_order_search("id = 1")));
    BOOST_TEST(is_operator_search(parse_order_search("customer = x")));
    BOOST_TEST(!is_operator_search(parse_order_search("x = 1")));
}

BOOST_AUTO_TEST_CASE(sanitize_text_field_like_wordpress) {
    BOOST_TEST(sanitize_text_field("  a  b ") == "a b");
    BOOST_TEST(sanitize_text_field("a\r\n\tb") == "a b");
    BOOST_TEST(sanitize_text_field("<script>x()</script>ok") == "ok");
    BOOST_TEST(sanitize_text_field("<a href=\"x>y\">link</a>") == "link");
    BOOST_TEST(sanitize_text_field("1 < 2") == "1 &lt; 2");
    BOOST_TEST(sanitize_text_field("a<b") == "a&lt;b");
    BOOST_TEST(sanitize_text_field("50%25 off %zz") == "50 off %zz");
    BOOST_TEST(sanitize_text_field("%41%41b") == "b");
    BOOST_TEST(sanitize_text_field("\xff\xfe") == "");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
