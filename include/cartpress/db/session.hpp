#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/rows.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace cartpress::db {

struct ConnectionSettings {
    std::string host = "localhost";
    int port = 3306;
    std::string socket;  // a unix socket path wins over host:port
    std::string user;
    std::string password;
    std::string database;
    int connect_timeout_seconds = 5;
    // Prepared statements kept per connection, least recently used evicted first: statement
    // shapes vary (IN lists, filters), and the server caps prepared statements across all
    // connections (max_prepared_stmt_count, 16,382 by default).
    std::size_t statement_cache_size = 256;
};

// The isolation level of a transaction. kServerDefault is whatever the server gives a new
// connection (REPEATABLE READ unless the operator configured otherwise).
enum class Isolation { kServerDefault, kReadCommitted };

// A bound parameter of a prepared statement.
using Param = std::variant<std::nullptr_t, std::int64_t, std::string_view>;

struct ExecResult {
    std::uint64_t affected_rows = 0;
};

// One database connection and its prepared-statement cache, owned by one worker thread.
// Connects lazily. After a lost connection it stays broken (no silent reconnect: that would
// drop the open transaction and every prepared statement); the owner builds a new Session.
class Session {
public:
    static std::unique_ptr<Session> create(ConnectionSettings settings);
    virtual ~Session() = default;

    virtual core::Result<Rows, DbError> query(std::string_view sql,
                                              std::span<const Param> params = {}) = 0;
    virtual core::Result<ExecResult, DbError> execute(std::string_view sql,
                                                      std::span<const Param> params = {}) = 0;

    // START TRANSACTION at `level`. The level is set for the session and remembered, so a
    // connection that keeps using one level pays the SET once, not once per transaction.
    virtual core::Result<void, DbError> begin(Isolation level) = 0;
    core::Result<void, DbError> begin() { return begin(Isolation::kServerDefault); }
    virtual core::Result<void, DbError> commit() = 0;
    virtual core::Result<void, DbError> rollback() = 0;
    virtual core::Result<void, DbError> ping() = 0;

    virtual bool broken() const = 0;
    virtual bool in_transaction() const = 0;
    // Statements sent since the session was created (tests count them per request).
    virtual std::uint64_t statements_run() const = 0;
    // LAST_INSERT_ID() of this connection (a round trip: Connector/C++ 1.1 does not expose it).
    virtual core::Result<std::uint64_t, DbError> last_insert_id() = 0;
    // The server's version string, e.g. 10.11.19-MariaDB-0+deb12u1.
    virtual core::Result<std::string, DbError> server_version() = 0;

    // Convenience for the common call shape: query(sql, {a, b}).
    core::Result<Rows, DbError> query(std::string_view sql, std::initializer_list<Param> params) {
        return query(sql, std::span<const Param>(params.begin(), params.size()));
    }
    core::Result<ExecResult, DbError> execute(std::string_view sql,
                                              std::initializer_list<Param> params) {
        return execute(sql, std::span<const Param>(params.begin(), params.size()));
    }
};

// Must run once before any worker thread touches the driver.
void initialize_driver();

// Per-thread driver set-up/tear-down (Connector/C++ threadInit/threadEnd), RAII.
class ThreadGuard {
public:
    ThreadGuard();
    ~ThreadGuard();
    ThreadGuard(const ThreadGuard&) = delete;
    ThreadGuard& operator=(const ThreadGuard&) = delete;
};

}  // namespace cartpress::db
