#include "db/scratch_store.hpp"

#include "db/db_world.hpp"
#include "support/store_fixtures.hpp"

namespace cartpress::test {

ScratchStore::ScratchStore(std::string db_name, std::string table_prefix, bool reference)
    : database(std::move(db_name)), prefix(std::move(table_prefix)) {
    auto& db = *DbWorld::get().db;
    db.drop_database(database);
    db.create_store(database, prefix, reference);
    session = db::Session::create(db.connection(database));
}

ScratchStore::~ScratchStore() {
    session.reset();  // an open transaction would block DROP DATABASE
    DbWorld::get().db->drop_database(database);
}

std::string ScratchStore::value(const std::string& sql) const {
    return query_value(*DbWorld::get().db, database, sql);
}

void ScratchStore::exec(const std::string& sql) const { DbWorld::get().db->exec(database, sql); }

}  // namespace cartpress::test
