#include "storefront/domain/customer_filter.hpp"

#include <boost/test/unit_test.hpp>
#include <string>
#include <variant>

namespace cartpress::plugins::storefront {
namespace {

// The WHERE text and its params, e.g. "c.`id` = ? [5]": one readable value per filter.
std::string sql(std::string_view filter, bool ci = true) {
    auto parsed = parse_customer_filter(filter);
    if (!parsed) return "error: " + parsed.error().message;
    const FilterSql out = customer_filter_sql(*parsed, FilterSqlOptions{ci});
    std::string text = out.where;
    for (const auto& p : out.params) {
        text += " [";
        if (const auto* i = std::get_if<std::int64_t>(&p)) {
            text += "int:" + std::to_string(*i);
        } else if (const auto* s = std::get_if<std::string_view>(&p)) {
            text += std::string(*s);
        } else {
            text += "NULL";
        }
        text += "]";
    }
    return text;
}

// The error message for a filter that must fail ("parsed" when it does not).
std::string error(std::string_view filter) {
    auto parsed = parse_customer_filter(filter);
    return parsed ? "parsed" : parsed.error().message;
}

std::size_t error_position(std::string_view filter) {
    auto parsed = parse_customer_filter(filter);
    return parsed ? std::string::npos : parsed.error().position;
}

// The bound text of a single like(email, …) condition.
std::string pattern(std::string_view value) {
    auto parsed = parse_customer_filter("like(email," + std::string(value) + ")");
    if (!parsed) return "error: " + parsed.error().message;
    return (*parsed)[0].text;
}

// "<op>(created_at,<value>)" rendered.
std::string date(std::string_view op, std::string_view value) {
    return sql(std::string(op) + "(created_at," + std::string(value) + ")");
}

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugins)
BOOST_AUTO_TEST_SUITE(storefront)
BOOST_AUTO_TEST_SUITE(customer_filter)

BOOST_AUTO_TEST_CASE(the_spec_example) {
    BOOST_TEST(sql("like(email,*@example.com):ge(created_at,2025-01-01)") ==
               "c.`email` LIKE ? ESCAPE '!' AND c.`created_at` >= ? [%@example.com] "
               "[2025-01-01 00:00:00]");
    auto parsed = parse_customer_filter("like(email,*@example.com):ge(created_at,2025-01-01)");
    BOOST_REQUIRE(parsed.has_value());
    BOOST_REQUIRE(parsed->size() == 2u);
    BOOST_TEST((parsed->at(0).field == FilterField::kEmail));
    BOOST_TEST((parsed->at(0).op == FilterOp::kLike));
    BOOST_TEST(parsed->at(0).position == 0u);
    BOOST_TEST((parsed->at(1).field == FilterField::kCreatedAt));
    BOOST_TEST((parsed->at(1).op == FilterOp::kGe));
    BOOST_TEST(parsed->at(1).date_only);
    BOOST_TEST(parsed->at(1).position == 26u);
}

BOOST_AUTO_TEST_CASE(email_eq_binds_the_key) {
    BOOST_TEST(sql("eq(email,Bob@Example.COM)") == "c.`email` = ? [bob@example.com]");
    BOOST_TEST(sql(R"(eq(email," Bob@Example.com "))") == "c.`email` = ? [bob@example.com]");
    BOOST_TEST(sql("eq(email,Bob@Example.COM)", false) ==
               "LOWER(TRIM(c.`email`)) = ? [bob@example.com]");
    // The key lower-cases ASCII only, as storefront-v1.md §4 says.
    BOOST_TEST(sql("eq(email,\xC3\x89@X.com)") == "c.`email` = ? [\xC3\x89@x.com]");
}

BOOST_AUTO_TEST_CASE(email_like_is_case_insensitive_either_way) {
    BOOST_TEST(sql("like(email,Bob*)") == "c.`email` LIKE ? ESCAPE '!' [Bob%]");
    // A case-sensitive column: both sides through LOWER(), so MariaDB lower-cases them alike.
    BOOST_TEST(sql("like(email,Bob*)", false) ==
               "LOWER(c.`email`) LIKE LOWER(?) ESCAPE '!' [Bob%]");
}

BOOST_AUTO_TEST_CASE(name_compares_the_trimmed_full_name) {
    const std::string name = "TRIM(CONCAT(c.`first_name`, ' ', c.`last_name`))";
    BOOST_TEST(sql("eq(name,Bob Brown)") == name + " = ? [Bob Brown]");
    BOOST_TEST(sql(R"(eq(name,"  Bob Brown  "))") == name + " = ? [Bob Brown]");
    BOOST_TEST(sql("eq(name,Bob Brown)", false) == "LOWER(" + name + ") = LOWER(?) [Bob Brown]");
    BOOST_TEST(sql("like(name,*own)") == name + " LIKE ? ESCAPE '!' [%own]");
    BOOST_TEST(sql("like(name,*own)", false) ==
               "LOWER(" + name + ") LIKE LOWER(?) ESCAPE '!' [%own]");
    // A like pattern keeps its spaces: they are part of what it matches.
    BOOST_TEST(sql(R"(like(name," Bob*"))") == name + " LIKE ? ESCAPE '!' [ Bob%]");
}

BOOST_AUTO_TEST_CASE(id_takes_every_comparison) {
    BOOST_TEST(sql("eq(id,5)") == "c.`id` = ? [int:5]");
    BOOST_TEST(sql("gt(id,5)") == "c.`id` > ? [int:5]");
    BOOST_TEST(sql("ge(id,5)") == "c.`id` >= ? [int:5]");
    BOOST_TEST(sql("lt(id,5)") == "c.`id` < ? [int:5]");
    BOOST_TEST(sql("le(id,5)") == "c.`id` <= ? [int:5]");
    BOOST_TEST(sql(R"(eq(id,"7"))") == "c.`id` = ? [int:7]");
}

BOOST_AUTO_TEST_CASE(id_bounds) {
    BOOST_TEST(sql("eq(id,1)") == "c.`id` = ? [int:1]");
    BOOST_TEST(sql("eq(id,9223372036854775807)") == "c.`id` = ? [int:9223372036854775807]");
    const std::string bad = "Expected an id from 1 to 9223372036854775807 at position 6.";
    BOOST_TEST(error("eq(id,0)") == bad);
    BOOST_TEST(error("eq(id,-1)") == bad);
    BOOST_TEST(error("eq(id,01)") == bad);
    BOOST_TEST(error("eq(id,+1)") == bad);
    BOOST_TEST(error("eq(id, 1)") == bad);
    BOOST_TEST(error("eq(id,1.0)") == bad);
    BOOST_TEST(error("eq(id,1e3)") == bad);
    BOOST_TEST(error("eq(id,9223372036854775808)") == bad);
    BOOST_TEST(error("eq(id,18446744073709551616)") == bad);
    BOOST_TEST(error("eq(id,99999999999999999999)") == bad);
    BOOST_TEST(error(R"(eq(id,""))") == bad);
}

BOOST_AUTO_TEST_CASE(full_datetimes_compare_as_written_after_utc_conversion) {
    BOOST_TEST(date("eq", R"("2025-03-01T09:15:00Z")") ==
               "c.`created_at` = ? [2025-03-01 09:15:00]");
    BOOST_TEST(date("gt", R"("2025-03-01T09:15:00Z")") ==
               "c.`created_at` > ? [2025-03-01 09:15:00]");
    BOOST_TEST(date("ge", R"("2025-03-01T09:15:00Z")") ==
               "c.`created_at` >= ? [2025-03-01 09:15:00]");
    BOOST_TEST(date("lt", R"("2025-03-01T09:15:00Z")") ==
               "c.`created_at` < ? [2025-03-01 09:15:00]");
    BOOST_TEST(date("le", R"("2025-03-01T09:15:00Z")") ==
               "c.`created_at` <= ? [2025-03-01 09:15:00]");
    BOOST_TEST(sql(R"(lt(updated_at,"2025-03-01T09:15:00Z"))") ==
               "c.`updated_at` < ? [2025-03-01 09:15:00]");
}

BOOST_AUTO_TEST_CASE(offsets_convert_to_utc) {
    BOOST_TEST(date("eq", R"("2025-03-01T09:15:00+02:00")") ==
               "c.`created_at` = ? [2025-03-01 07:15:00]");
    BOOST_TEST(date("eq", R"("2025-03-01T09:15:00-05:30")") ==
               "c.`created_at` = ? [2025-03-01 14:45:00]");
    BOOST_TEST(date("eq", R"("2025-03-01T09:15:00+00:00")") ==
               "c.`created_at` = ? [2025-03-01 09:15:00]");
    BOOST_TEST(date("eq", R"("2025-03-01T09:15:00-00:00")") ==
               "c.`created_at` = ? [2025-03-01 09:15:00]");
    // Day, month, year and leap-day rollovers.
    BOOST_TEST(date("eq", R"("2025-03-01T01:00:00+02:00")") ==
               "c.`created_at` = ? [2025-02-28 23:00:00]");
    BOOST_TEST(date("eq", R"("2024-03-01T01:00:00+02:00")") ==
               "c.`created_at` = ? [2024-02-29 23:00:00]");
    BOOST_TEST(date("eq", R"("2024-12-31T20:00:00-05:30")") ==
               "c.`created_at` = ? [2025-01-01 01:30:00]");
    BOOST_TEST(date("eq", R"("2025-01-01T00:00:00+00:01")") ==
               "c.`created_at` = ? [2024-12-31 23:59:00]");
    BOOST_TEST(date("eq", R"("2025-06-15T23:59:59Z")") ==
               "c.`created_at` = ? [2025-06-15 23:59:59]");
}

BOOST_AUTO_TEST_CASE(a_date_only_value_is_a_whole_utc_day) {
    BOOST_TEST(date("eq", "2025-01-31") ==
               "c.`created_at` >= ? AND c.`created_at` < ? [2025-01-31 00:00:00] "
               "[2025-02-01 00:00:00]");
    BOOST_TEST(date("ge", "2025-01-31") == "c.`created_at` >= ? [2025-01-31 00:00:00]");
    BOOST_TEST(date("gt", "2025-01-31") == "c.`created_at` >= ? [2025-02-01 00:00:00]");
    BOOST_TEST(date("lt", "2025-01-31") == "c.`created_at` < ? [2025-01-31 00:00:00]");
    BOOST_TEST(date("le", "2025-01-31") == "c.`created_at` < ? [2025-02-01 00:00:00]");
    BOOST_TEST(date("eq", "2024-12-31") ==
               "c.`created_at` >= ? AND c.`created_at` < ? [2024-12-31 00:00:00] "
               "[2025-01-01 00:00:00]");
    BOOST_TEST(date("eq", "2024-02-28") ==
               "c.`created_at` >= ? AND c.`created_at` < ? [2024-02-28 00:00:00] "
               "[2024-02-29 00:00:00]");
    BOOST_TEST(sql("eq(updated_at,2025-02-28)") ==
               "c.`updated_at` >= ? AND c.`updated_at` < ? [2025-02-28 00:00:00] "
               "[2025-03-01 00:00:00]");
}

BOOST_AUTO_TEST_CASE(invalid_dates) {
    const std::string format =
        "Expected a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS followed by Z, +HH:MM or -HH:MM "
        "at position 14.";
    BOOST_TEST(error("eq(created_at,2025-02-30)") == "Invalid calendar date at position 14.");
    BOOST_TEST(error("eq(created_at,2025-13-01)") == "Invalid calendar date at position 14.");
    BOOST_TEST(error("eq(created_at,2025-00-10)") == "Invalid calendar date at position 14.");
    BOOST_TEST(error("eq(created_at,2025-01-00)") == "Invalid calendar date at position 14.");
    BOOST_TEST(error("eq(created_at,2023-02-29)") == "Invalid calendar date at position 14.");
    BOOST_TEST(error("eq(created_at,2100-02-29)") == "Invalid calendar date at position 14.");
    BOOST_TEST(date("eq", "2000-02-29").find("[2000-02-29 00:00:00]") != std::string::npos);
    BOOST_TEST(error("eq(created_at,2025-1-01)") == format);
    BOOST_TEST(error("eq(created_at,25-01-01)") == format);
    BOOST_TEST(error("eq(created_at,2025/01/01)") == format);
    BOOST_TEST(error("eq(created_at,2025-01-01x)") == format);
    BOOST_TEST(error("eq(created_at,today)") == format);
    BOOST_TEST(error(R"(eq(created_at,"2025-01-01T10:00:00"))") == format);     // no zone
    BOOST_TEST(error(R"(eq(created_at,"2025-01-01 10:00:00Z"))") == format);    // space for T
    BOOST_TEST(error(R"(eq(created_at,"2025-01-01t10:00:00z"))") == format);    // lower case
    BOOST_TEST(error(R"(eq(created_at,"2025-01-01T10:00:00.5Z"))") == format);  // fraction
    BOOST_TEST(error(R"(eq(created_at,"2025-01-01T10:00:00+0200"))") == format);
    BOOST_TEST(error(R"(eq(created_at,"2025-01-01T10:00:00 02:00"))") == format);
    BOOST_TEST(error(R"(eq(created_at,"2025-01-01T24:00:00Z"))") ==
               "Invalid time of day at position 14.");
    BOOST_TEST(error(R"(eq(created_at,"2025-01-01T10:60:00Z"))") ==
               "Invalid time of day at position 14.");
    BOOST_TEST(error(R"(eq(created_at,"2025-01-01T10:00:60Z"))") ==
               "Invalid time of day at position 14.");
    BOOST_TEST(error(R"(eq(created_at,"2025-01-01T10:00:00+24:00"))") ==
               "Invalid UTC offset at position 14.");
    BOOST_TEST(error(R"(eq(created_at,"2025-01-01T10:00:00+01:60"))") ==
               "Invalid UTC offset at position 14.");
}

BOOST_AUTO_TEST_CASE(dates_stay_in_the_datetime_range) {
    const std::string range = "Date out of range (years 1000 to 9999 in UTC) at position 14.";
    BOOST_TEST(error("eq(created_at,0999-12-31)") == range);
    BOOST_TEST(error(R"(eq(created_at,"1000-01-01T00:30:00+01:00"))") == range);
    BOOST_TEST(error(R"(eq(created_at,"9999-12-31T23:30:00-01:00"))") == range);
    BOOST_TEST(date("ge", "1000-01-01") == "c.`created_at` >= ? [1000-01-01 00:00:00]");
    BOOST_TEST(date("eq", R"("9999-12-31T23:59:59Z")") ==
               "c.`created_at` = ? [9999-12-31 23:59:59]");
    // The last day has no next day to bound eq, gt and le with.
    BOOST_TEST(date("ge", "9999-12-31") == "c.`created_at` >= ? [9999-12-31 00:00:00]");
    BOOST_TEST(date("lt", "9999-12-31") == "c.`created_at` < ? [9999-12-31 00:00:00]");
    BOOST_TEST(error("eq(created_at,9999-12-31)") == range);
    BOOST_TEST(error("gt(created_at,9999-12-31)") == range);
    BOOST_TEST(error("le(created_at,9999-12-31)") == range);
}

BOOST_AUTO_TEST_CASE(like_translates_the_wildcard_and_escapes_the_rest) {
    BOOST_TEST(pattern("*@example.com") == "%@example.com");
    BOOST_TEST(pattern("bob*") == "bob%");
    BOOST_TEST(pattern("*ob*") == "%ob%");
    BOOST_TEST(pattern("b*b") == "b%b");
    BOOST_TEST(pattern("*") == "%");
    BOOST_TEST(pattern("100%") == "100!%");
    BOOST_TEST(pattern("a_b") == "a!_b");
    BOOST_TEST(pattern("a!b") == "a!!b");
    // Backslash is an ordinary character under ESCAPE '!', whatever sql_mode says.
    BOOST_TEST(pattern(R"(a\b)") == R"(a\b)");
    BOOST_TEST(pattern(R"("a\\b*")") == R"(a\b%)");
    BOOST_TEST(pattern("*_%!\\*") == "%!_!%!!\\%");
}

BOOST_AUTO_TEST_CASE(quoted_values_hold_separators_and_escapes) {
    BOOST_TEST(sql(R"(eq(name,"Brown, Bob"))") ==
               "TRIM(CONCAT(c.`first_name`, ' ', c.`last_name`)) = ? [Brown, Bob]");
    BOOST_TEST(sql(R"(eq(name,"a)b:c,d"))") ==
               "TRIM(CONCAT(c.`first_name`, ' ', c.`last_name`)) = ? [a)b:c,d]");
    BOOST_TEST(pattern(R"("say \"hi\"*")") == R"(say "hi"%)");
    BOOST_TEST(pattern(R"("back\\slash")") == R"(back\slash)");
    BOOST_TEST(pattern(R"("\\\"")") == R"(\")");
    // A separator inside quotes does not end the expression.
    BOOST_TEST(sql(R"x(eq(name,"x:eq(id,1)"):eq(id,2))x") ==
               "TRIM(CONCAT(c.`first_name`, ' ', c.`last_name`)) = ? AND c.`id` = ? "
               "[x:eq(id,1)] [int:2]");
    // Bare values may hold `(` and a `"` that does not start them, and no escapes.
    BOOST_TEST(pattern(R"(a"b(c)") == R"(a"b(c)");
    BOOST_TEST(pattern(R"(a\"b)") == R"(a\"b)");
}

BOOST_AUTO_TEST_CASE(all_conditions_are_anded_in_order) {
    BOOST_TEST(sql("ge(id,10):like(name,*x*):eq(email,a@b.c)") ==
               "c.`id` >= ? AND TRIM(CONCAT(c.`first_name`, ' ', c.`last_name`)) LIKE ? "
               "ESCAPE '!' AND c.`email` = ? [int:10] [%x%] [a@b.c]");
    const std::vector<FilterCondition> none;
    const FilterSql empty = customer_filter_sql(none, {});
    BOOST_TEST(empty.where.empty());
    BOOST_TEST(empty.params.empty());
}

BOOST_AUTO_TEST_CASE(params_survive_a_move_of_the_result) {
    auto parsed = parse_customer_filter("eq(name,a):like(email,b*):eq(created_at,2025-01-01)");
    BOOST_REQUIRE(parsed.has_value());
    FilterSql first = customer_filter_sql(*parsed, {});
    parsed->clear();  // the params do not view the conditions
    FilterSql moved = std::move(first);
    std::vector<std::string> texts;
    for (const auto& p : moved.params) texts.emplace_back(std::get<std::string_view>(p));
    const std::vector<std::string> want = {"a", "b%", "2025-01-01 00:00:00", "2025-01-02 00:00:00"};
    BOOST_TEST(texts == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ten_expressions_pass_eleven_fail) {
    const std::string ten = "gt(id,1)" + repeat(":gt(id,1)", 9);
    auto parsed = parse_customer_filter(ten);
    BOOST_REQUIRE(parsed.has_value());
    BOOST_TEST(parsed->size() == 10u);
    BOOST_TEST(parsed->back().position == 81u);
    BOOST_TEST(error(ten + ":gt(id,1)") == "Too many expressions (at most 10) at position 90.");
}

BOOST_AUTO_TEST_CASE(operators_and_fields_must_be_known_and_fit) {
    BOOST_TEST(error("eq(foo,1)") == R"(Unknown field "foo" at position 3.)");
    BOOST_TEST(error("ne(id,1)") == R"(Unknown operator "ne" at position 0.)");
    BOOST_TEST(error("EQ(id,1)") == R"(Unknown operator "EQ" at position 0.)");
    BOOST_TEST(error("eq(ID,1)") == R"(Unknown field "ID" at position 3.)");
    BOOST_TEST(error("eq(id,1):eq(email_key,a)") == R"(Unknown field "email_key" at position 12.)");
    BOOST_TEST(error(repeat("x", 40) + "(id,1)") ==
               "Unknown operator \"" + repeat("x", 32) + "...\" at position 0.");
    BOOST_TEST(error("like(id,1)") ==
               R"(Operator "like" does not apply to field "id" at position 0.)");
    BOOST_TEST(error("eq(id,1):like(created_at,2025*)") ==
               R"(Operator "like" does not apply to field "created_at" at position 9.)");
    BOOST_TEST(error("gt(email,a)") ==
               R"(Operator "gt" does not apply to field "email" at position 0.)");
    BOOST_TEST(error("le(name,a)") ==
               R"(Operator "le" does not apply to field "name" at position 0.)");
}

BOOST_AUTO_TEST_CASE(syntax_errors_name_their_position) {
    BOOST_TEST(error("") == "Filter is empty at position 0.");
    BOOST_TEST(error("eq") == R"(Expected "(" at position 2.)");
    BOOST_TEST(error("eq id,1)") == R"(Expected "(" at position 2.)");
    BOOST_TEST(error("(id,1)") == "Expected an operator at position 0.");
    BOOST_TEST(error(" eq(id,1)") == "Expected an operator at position 0.");
    BOOST_TEST(error("eq(id,1):") == "Expected an operator at position 9.");
    BOOST_TEST(error("eq(id,1)::eq(id,2)") == "Expected an operator at position 9.");
    BOOST_TEST(error("eq(,1)") == "Expected a field at position 3.");
    BOOST_TEST(error("eq( id,1)") == "Expected a field at position 3.");
    BOOST_TEST(error("eq(id)") == R"(Expected "," at position 5.)");
    BOOST_TEST(error("eq(id 1)") == R"(Expected "," at position 5.)");
    BOOST_TEST(error("eq(id,)") == "Expected a value at position 6.");
    BOOST_TEST(error("eq(id,") == "Expected a value at position 6.");
    BOOST_TEST(error("eq(id,1") == R"x(Expected ")" at position 7.)x");
    BOOST_TEST(error(R"(eq(name,"a"b))") == R"x(Expected ")" at position 11.)x");
    BOOST_TEST(error("eq(name,a,b)") ==
               R"x(Expected ")" (quote a value that contains "," or ":") at position 9.)x");
    BOOST_TEST(error("eq(created_at,2025-01-01T10:00:00Z)") ==
               R"x(Expected ")" (quote a value that contains "," or ":") at position 27.)x");
    BOOST_TEST(error("eq(id,1)x") == R"(Expected ":" at position 8.)");
    BOOST_TEST(error("eq(id,1) :eq(id,2)") == R"(Expected ":" at position 8.)");
    BOOST_TEST(error("eq(id,1),eq(id,2)") == R"(Expected ":" at position 8.)");
    BOOST_TEST(error_position("eq(id,1)x") == 8u);
}

BOOST_AUTO_TEST_CASE(quoting_errors_name_their_position) {
    BOOST_TEST(error(R"(eq(name,"abc)") == "Unterminated quoted value at position 8.");
    BOOST_TEST(error(R"(eq(name,"abc\")") == "Unterminated quoted value at position 8.");
    BOOST_TEST(error(R"x(eq(name,"abc\)"))x") == "Invalid escape at position 12.");
    BOOST_TEST(error(R"(eq(name,"abc\)") == "Unterminated quoted value at position 8.");
    BOOST_TEST(error(R"(eq(name,"a\nb"))") == "Invalid escape at position 10.");
    BOOST_TEST(error(R"(eq(name,"a\*b"))") == "Invalid escape at position 10.");
    BOOST_TEST(error(R"(eq(name,"\u0041"))") == "Invalid escape at position 9.");
}

BOOST_AUTO_TEST_CASE(text_values_must_be_non_empty) {
    BOOST_TEST(error(R"(eq(name,""))") == "Value is empty at position 8.");
    BOOST_TEST(error(R"(eq(name,"   "))") == "Value is empty at position 8.");
    BOOST_TEST(error(R"(eq(email," "))") == "Value is empty at position 9.");
    BOOST_TEST(error("eq(email, \t)") == "Value is empty at position 9.");
    BOOST_TEST(error(R"(like(email,""))") == "Value is empty at position 11.");
}

BOOST_AUTO_TEST_CASE(text_values_are_at_most_192_characters) {
    const std::string ok(192, 'a');
    BOOST_TEST(pattern(ok) == ok);
    BOOST_TEST(error("like(email," + ok + "a)") ==
               "Value longer than 192 characters at position 11.");
    BOOST_TEST(error("eq(name," + ok + "a)") == "Value longer than 192 characters at position 8.");
    // Characters, not bytes: 192 two-byte letters pass.
    const std::string umlauts = repeat("\xC3\xBC", 192);
    BOOST_TEST(pattern(umlauts) == umlauts);
    BOOST_TEST(error("like(name," + umlauts + "\xC3\xBC)") ==
               "Value longer than 192 characters at position 10.");
    // Escapes count once, as the character they stand for.
    BOOST_TEST(pattern("\"" + repeat(R"(\")", 192) + "\"") == std::string(192, '"'));
}

BOOST_AUTO_TEST_CASE(the_filter_is_at_most_4096_bytes) {
    // 4096 bytes of valid filter pass the length check (and fail only on the value's length).
    const std::string head = "like(name,";
    const std::string exact = head + std::string(kMaxFilterLength - head.size() - 1, 'a') + ")";
    BOOST_TEST(exact.size() == kMaxFilterLength);
    BOOST_TEST(error(exact) == "Value longer than 192 characters at position 10.");
    BOOST_TEST(error(exact + ":") == "Filter longer than 4096 bytes at position 4096.");
    BOOST_TEST(error(std::string(1'000'000, '(')) ==
               "Filter longer than 4096 bytes at position 4096.");
}

BOOST_AUTO_TEST_CASE(text_values_must_be_utf8) {
    BOOST_TEST(error("eq(name,ab\xFF)") == "Value is not valid UTF-8 at position 10.");
    BOOST_TEST(error("like(email,\xC3(x)") == "Value is not valid UTF-8 at position 11.");
    BOOST_TEST(error("eq(name,\xC0\xAF)") ==
               "Value is not valid UTF-8 at position 8.");  // overlong
    BOOST_TEST(error("eq(name,\xED\xA0\x80)") ==
               "Value is not valid UTF-8 at position 8.");  // surrogate
    BOOST_TEST(error(R"(eq(name,"\"\\)"
                     "\xFF\")") == "Value is not valid UTF-8 at position 13.");
    BOOST_TEST(error("eq(name,\"ok\xE2\x82\")") == "Value is not valid UTF-8 at position 11.");
    BOOST_TEST(sql("eq(name,\xF0\x9F\x98\x80)").find("[\xF0\x9F\x98\x80]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(errors_never_quote_the_value) {
    const std::string secret = "s3cr3t-value";
    for (const std::string& f : {"eq(id," + secret + ")", "eq(created_at," + secret + ")",
                                 "eq(name,\"" + secret + "\\x\")", "eq(name," + secret + ",x)"}) {
        const std::string e = error(f);
        BOOST_TEST(e != "parsed");
        BOOST_TEST(e.find(secret) == std::string::npos, e);
    }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::plugins::storefront
