#define BOOST_TEST_MODULE cartpress db tests
#include <boost/test/unit_test.hpp>
