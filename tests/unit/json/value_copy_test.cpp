#include <boost/test/unit_test.hpp>
#include <cartpress/json/json_reader.hpp>
#include <cartpress/json/json_writer.hpp>

namespace cartpress::json {

BOOST_AUTO_TEST_SUITE(json)
BOOST_AUTO_TEST_SUITE(value_copy)

BOOST_AUTO_TEST_CASE(copies_deeply_into_the_target_allocator) {
    const std::string text =
        R"({"a":[1,-2,3.5,true,null,"x\/y"],"b":{"c":{},"d":[]},"e":"\u00e9"})";
    Value copied;
    Document target;
    {
        Document source;
        BOOST_REQUIRE(decode(text, source));
        copied = copy(source, target.GetAllocator());
        source["a"][5].SetString("changed", source.GetAllocator());
    }  // the source and its memory are gone: the copy must not point into them
    BOOST_TEST(*encode(copied) == text);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::json
