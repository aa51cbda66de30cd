#pragma once

#include <memory>

#include "support/mariadb_instance.hpp"

namespace cartpress::test {

// One MariaDB for the db test binary, with the reference store loaded as `cp_db` (prefix wp_).
struct DbWorld {
    DbWorld();
    ~DbWorld();
    static DbWorld& get();
    std::unique_ptr<MariaDbInstance> db;
    std::unique_ptr<db::Session> session();
};

}  // namespace cartpress::test
