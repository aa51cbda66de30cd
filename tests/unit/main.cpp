#define BOOST_TEST_MODULE cartpress unit tests
#include <boost/test/unit_test.hpp>
