#include <boost/test/unit_test.hpp>
#include <cartpress/db/json_array_rows.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace {

using cartpress::db::expand_json_array_rows;
using cartpress::db::Rows;

// Rows of (kind, array text) as a UNION of JSON_ARRAY branches returns them.
Rows packed(std::initializer_list<std::pair<std::string_view, std::string_view>> rows) {
    Rows out(2);
    for (const auto& [kind, array] : rows) {
        out.push_cell(kind);
        out.push_cell(array);
    }
    return out;
}

std::optional<std::string> at(const Rows& rows, std::size_t r, std::size_t c) {
    const auto v = rows[r].get(c);
    return v ? std::optional<std::string>(std::string(*v)) : std::nullopt;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(db)
BOOST_AUTO_TEST_SUITE(json_array_rows)

BOOST_AUTO_TEST_CASE(every_element_becomes_the_text_a_cast_would_give) {
    // What MariaDB's JSON_ARRAY writes for a VARCHAR with escapes, a DECIMAL(10,4), an INT, a
    // DOUBLE, NULL, a boolean expression both ways, UTF-8 text and a NUL byte.
    const Rows in = packed({{"1", R"(["a\"b\\c\n\u00e9", 1.5000, -3, 1e20, null, true, false, )"
                                  R"("Zoë Ågren 山田", "x\u0000y"])"}});
    const auto out = expand_json_array_rows(in, 10);
    BOOST_REQUIRE(out);
    BOOST_TEST(out->size() == 1u);
    BOOST_TEST(*at(*out, 0, 0) == "1");
    BOOST_TEST(*at(*out, 0, 1) == "a\"b\\c\n\xc3\xa9");
    BOOST_TEST(*at(*out, 0, 2) == "1.5000");
    BOOST_TEST(*at(*out, 0, 3) == "-3");
    BOOST_TEST(*at(*out, 0, 4) == "1e20");
    BOOST_TEST(!at(*out, 0, 5).has_value());
    BOOST_TEST(*at(*out, 0, 6) == "1");
    BOOST_TEST(*at(*out, 0, 7) == "0");
    BOOST_TEST(*at(*out, 0, 8) == "Zoë Ågren 山田");
    BOOST_TEST(*at(*out, 0, 9) == std::string("x\0y", 3));
}

BOOST_AUTO_TEST_CASE(a_nested_value_keeps_its_original_text) {
    // A JSON-typed column arrives unquoted; its stored text (spacing, number forms, brackets
    // inside strings) must come back byte for byte.
    const Rows in = packed({{"3", R"([{ "a" : 1.50 ,"s":"]}[{"},   [1,  [2, {}]]  , "after"])"}});
    const auto out = expand_json_array_rows(in, 4);
    BOOST_REQUIRE(out);
    BOOST_TEST(*at(*out, 0, 1) == R"({ "a" : 1.50 ,"s":"]}[{"})");
    BOOST_TEST(*at(*out, 0, 2) == "[1,  [2, {}]]");
    BOOST_TEST(*at(*out, 0, 3) == "after");
}

BOOST_AUTO_TEST_CASE(short_rows_are_padded_with_null_and_leading_cells_kept) {
    Rows in(3);
    in.push_cell("7");
    in.push_null();
    in.push_cell(R"(["x"])");
    in.push_cell("8");
    in.push_cell("42");
    in.push_cell("[]");
    const auto out = expand_json_array_rows(in, 5);
    BOOST_REQUIRE(out);
    BOOST_TEST(out->width() == 5u);
    BOOST_TEST(out->size() == 2u);
    BOOST_TEST(*at(*out, 0, 0) == "7");
    BOOST_TEST(!at(*out, 0, 1).has_value());
    BOOST_TEST(*at(*out, 0, 2) == "x");
    BOOST_TEST(!at(*out, 0, 3).has_value());
    BOOST_TEST(!at(*out, 0, 4).has_value());
    BOOST_TEST(*at(*out, 1, 1) == "42");
    for (std::size_t c = 2; c < 5; ++c) BOOST_TEST(!at(*out, 1, c).has_value());
}

BOOST_AUTO_TEST_CASE(no_rows_give_no_rows) {
    const auto out = expand_json_array_rows(Rows(), 4);
    BOOST_REQUIRE(out);
    BOOST_TEST(out->empty());
    BOOST_TEST(out->width() == 4u);
}

BOOST_AUTO_TEST_CASE(anything_but_a_well_formed_array_that_fits_is_an_error) {
    BOOST_TEST(!expand_json_array_rows(packed({{"1", R"({"a":1})"}}), 4).has_value());
    BOOST_TEST(!expand_json_array_rows(packed({{"1", R"(["a", )"}}), 4).has_value());
    BOOST_TEST(!expand_json_array_rows(packed({{"1", R"(["a"] x)"}}), 4).has_value());
    BOOST_TEST(!expand_json_array_rows(packed({{"1", ""}}), 4).has_value());
    BOOST_TEST(
        !expand_json_array_rows(packed({{"1", R"([1, 2, 3, 4])"}}), 4).has_value());  // 1 + 4 > 4
    BOOST_TEST(expand_json_array_rows(packed({{"1", R"([1, 2, 3])"}}), 4).has_value());
    Rows null_array(2);
    null_array.push_cell("1");
    null_array.push_null();
    BOOST_TEST(!expand_json_array_rows(null_array, 4).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
