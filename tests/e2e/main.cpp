#define BOOST_TEST_MODULE cartpress e2e tests
#include <boost/test/unit_test.hpp>
