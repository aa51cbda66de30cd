#include <boost/test/unit_test.hpp>
#include <cartpress/plugin/hooks.hpp>
#include <string>

namespace cartpress::plugin {

BOOST_AUTO_TEST_SUITE(plugin)
BOOST_AUTO_TEST_SUITE(hooks)

BOOST_AUTO_TEST_CASE(filter_runs_by_priority_then_insertion) {
    Filter<std::string, int> f;
    f.add(20, [](std::string v, int) { return v + "c"; });
    f.add(10, [](std::string v, int) { return v + "a"; });
    f.add(20, [](std::string v, int n) { return v + std::to_string(n); });
    f.add(10, [](std::string v, int) { return v + "b"; });
    BOOST_TEST(f.apply("", 7) == "abc7");
    BOOST_TEST(f.size() == 4u);
}

BOOST_AUTO_TEST_CASE(action_runs_every_callback) {
    Action<int&> a;
    a.add(5, [](int& x) { x *= 2; });
    a.add(1, [](int& x) { x += 3; });
    int x = 1;
    a.run(x);
    BOOST_TEST(x == 8);  // (1 + 3) * 2: priority 1 first
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::plugin
