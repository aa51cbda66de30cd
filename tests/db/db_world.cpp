#include "db/db_world.hpp"

#include <boost/test/unit_test.hpp>

namespace cartpress::test {
namespace {
DbWorld* g_world = nullptr;
}

DbWorld::DbWorld() {
    db::initialize_driver();
    db = std::make_unique<MariaDbInstance>();
    db->create_store("cp_db", "wp_", true);
    g_world = this;
}

DbWorld::~DbWorld() {
    g_world = nullptr;
    db.reset();
}

DbWorld& DbWorld::get() { return *g_world; }

std::unique_ptr<db::Session> DbWorld::session() {
    return db::Session::create(db->connection("cp_db"));
}

BOOST_TEST_GLOBAL_FIXTURE(DbWorld);

}  // namespace cartpress::test
