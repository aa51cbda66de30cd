#include "domain/customer_list.hpp"

#include <boost/test/unit_test.hpp>
#include <string>

namespace {

using namespace cartpress::plugins::fluent_cart;

// A readable form of GET customers' parsed search: which of the three LIKEs apply.
std::string parsed(std::string_view raw) {
    const CustomerListSearch s = parse_customer_search(raw);
    if (std::holds_alternative<std::monostate>(s)) return "none";
    if (const auto* c = std::get_if<ColumnSearch>(&s)) {
        const char* ops[] = {"=", "!=", ">", "<", "LIKE", "NOT LIKE", "BETWEEN"};
        std::string out = std::string("id ") + ops[static_cast<int>(c->op)] + " [" + c->value + "]";
        if (c->op == SearchOp::kBetween) out += " [" + c->upper + "]";
        return out;
    }
    const auto& t = std::get<CustomerTextSearch>(s);
    return "name[" + t.escaped + "]" + (t.numeric ? " id[" + t.trimmed + "]" : "") +
           (t.has_space ? "" : " email[" + t.trimmed + "]");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_AUTO_TEST_SUITE(customer_list_search)

BOOST_AUTO_TEST_CASE(id_is_the_only_operator_field) {
    BOOST_TEST(parsed("id = 3") == "id = [3]");
    BOOST_TEST(parsed(" ID > 12 ") == "id > [12]");
    BOOST_TEST(parsed("id :: 2-4") == "id BETWEEN [2] [4]");
    BOOST_TEST(parsed("id = 1*") == "id LIKE [1%]");
    // Fields the orders list knows are plain text here, the operator included.
    BOOST_TEST(parsed("status = active") == "name[status = active]");
    BOOST_TEST(parsed("customer = bob") == "name[customer = bob]");
    BOOST_TEST(parsed("email=bob@x.test") == "name[email=bob@x.test] email[email=bob@x.test]");
}

BOOST_AUTO_TEST_CASE(text_searches_names_ids_when_numeric_and_emails_without_spaces) {
    BOOST_TEST(parsed("bob") == "name[bob] email[bob]");
    BOOST_TEST(parsed("  bob  ") == "name[bob] email[bob]");
    BOOST_TEST(parsed("Bob Brown") == "name[Bob Brown]");
    BOOST_TEST(parsed("12") == "name[12] id[12] email[12]");
    BOOST_TEST(parsed("1.5e3") == "name[1.5e3] id[1.5e3] email[1.5e3]");
    BOOST_TEST(parsed("12abc") == "name[12abc] email[12abc]");
    // Only the name's pattern is escaped; the id and email patterns take the text as it is.
    BOOST_TEST(parsed("100%_Off") == R"(name[100\%\_Off] email[100%_Off])");
    BOOST_TEST(parsed(R"(a\b c)") == R"(name[a\\b c])");
}

BOOST_AUTO_TEST_CASE(empty_and_zero_search_nothing) {
    BOOST_TEST(parsed("") == "none");
    BOOST_TEST(parsed("   ") == "none");
    BOOST_TEST(parsed("0") == "none");
    BOOST_TEST(parsed(" 0 ") == "none");
    BOOST_TEST(parsed("00") == "name[00] id[00] email[00]");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
