#pragma once

#include <cartpress/db/session.hpp>
#include <memory>
#include <string>

#include "support/process.hpp"

namespace cartpress::test {

// A throwaway mariadbd in a short temp dir: --no-defaults, its own socket, TCP on 127.0.0.1
// only with a probed free port. Start it once per test binary (a global fixture): CI has 2
// cores.
class MariaDbInstance {
public:
    MariaDbInstance();
    ~MariaDbInstance();

    const std::string& socket() const { return socket_; }
    int port() const { return port_; }
    const std::string& dir() const { return dir_; }

    // Runs SQL text through the mariadb client (fixtures only; the product uses prepared
    // statements). Throws with the client's output on failure.
    void exec(const std::string& database, const std::string& sql) const;
    // A new database with sql/schema.sql and the migrations under `prefix`; with
    // `reference_store`, the rows of shared/reference/store.sql too (its wp_ names rewritten
    // when prefix differs).
    void create_store(const std::string& database, const std::string& prefix,
                      bool reference_store) const;
    // The same with the rows of sql/demo.sql (what scripts/run serves).
    void create_demo_store(const std::string& database, const std::string& prefix) const;
    void drop_database(const std::string& database) const;
    db::ConnectionSettings connection(const std::string& database) const;

    // Stops and restarts the server on the same data (for reconnect tests).
    void restart();

private:
    void start();
    std::string dir_;
    std::string socket_;
    int port_ = 0;
    std::unique_ptr<Process> server_;
};

// shared/reference, found beside the repository (CI copies shared/ next to the clone).
std::string reference_dir();
// The reference store's rows rewritten for another table prefix.
std::string reference_store_sql(const std::string& prefix);

}  // namespace cartpress::test
