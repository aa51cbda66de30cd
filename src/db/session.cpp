#include <cppconn/connection.h>
#include <cppconn/datatype.h>
#include <cppconn/driver.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>
#include <cppconn/statement.h>

#include <algorithm>
#include <cartpress/db/session.hpp>
#include <charconv>
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace cartpress::db {
namespace {

sql::Driver* driver() {
    static sql::Driver* instance = get_driver_instance();
    return instance;
}

bool is_connection_error(int code) {
    switch (code) {
        case 1053:  // server shutdown in progress
        case 1927:  // connection was killed
        case 2002:  // can't connect through socket
        case 2003:  // can't connect to server
        case 2005:  // unknown host
        case 2006:  // server has gone away
        case 2013:  // lost connection during query
        case 2055:  // lost connection at handshake
            return true;
        default:
            return false;
    }
}

// The sql_mode values WordPress removes from every connection; with them, rows WordPress
// wrote (zero dates, loose GROUP BY) would fail.
constexpr std::string_view kIncompatibleModes[] = {"NO_ZERO_DATE",        "ONLY_FULL_GROUP_BY",
                                                   "STRICT_TRANS_TABLES", "STRICT_ALL_TABLES",
                                                   "TRADITIONAL",         "ANSI"};

std::string compatible_sql_mode(const std::string& current) {
    std::string out;
    std::size_t pos = 0;
    while (pos <= current.size()) {
        std::size_t comma = current.find(',', pos);
        if (comma == std::string::npos) comma = current.size();
        const std::string mode = current.substr(pos, comma - pos);
        pos = comma + 1;
        bool drop = mode.empty();
        for (auto bad : kIncompatibleModes) drop = drop || mode == bad;
        if (drop) continue;
        if (!out.empty()) out += ',';
        out += mode;
    }
    return out;
}

class MariaDbSession final : public Session {
public:
    explicit MariaDbSession(ConnectionSettings settings) : settings_(std::move(settings)) {}

    ~MariaDbSession() override {
        statement_index_.clear();
        statements_.clear();  // statements must go before their connection
        control_.reset();
        connection_.reset();
    }

    core::Result<Rows, DbError> query(std::string_view sql,
                                      std::span<const Param> params) override {
        return run<Rows>([&]() -> Rows {
            auto& stmt = prepare(sql);
            bind(stmt, params);
            std::unique_ptr<sql::ResultSet> rs(stmt.executeQuery());
            ++statements_run_;
            return read_all(*rs);
        });
    }

    core::Result<ExecResult, DbError> execute(std::string_view sql,
                                              std::span<const Param> params) override {
        return run<ExecResult>([&]() -> ExecResult {
            auto& stmt = prepare(sql);
            bind(stmt, params);
            const int affected = stmt.executeUpdate();
            ++statements_run_;
            return ExecResult{static_cast<std::uint64_t>(affected < 0 ? 0 : affected)};
        });
    }

    core::Result<void, DbError> begin(Isolation level) override {
        auto set = set_isolation(level);
        if (!set) return set;
        auto r = control("START TRANSACTION");
        if (r) in_transaction_ = true;
        return r;
    }

    core::Result<void, DbError> commit() override {
        in_transaction_ = false;
        return control("COMMIT");
    }

    core::Result<void, DbError> rollback() override {
        in_transaction_ = false;
        return control("ROLLBACK");
    }

    core::Result<void, DbError> ping() override {
        auto r = query("SELECT 1", std::span<const Param>{});
        if (!r) return core::fail(r.error());
        return {};
    }

    core::Result<std::uint64_t, DbError> last_insert_id() override {
        auto r = query("SELECT LAST_INSERT_ID()", std::span<const Param>{});
        if (!r) return core::fail(r.error());
        if (r->empty()) return std::uint64_t{0};
        return static_cast<std::uint64_t>((*r)[0].i64(0));
    }

    core::Result<std::string, DbError> server_version() override {
        auto r = query("SELECT VERSION()", std::span<const Param>{});
        if (!r) return core::fail(r.error());
        if (r->empty()) return std::string();
        return (*r)[0].str(0);
    }

    bool broken() const override { return broken_; }
    bool in_transaction() const override { return in_transaction_; }
    std::uint64_t statements_run() const override { return statements_run_; }

private:
    core::Result<void, DbError> set_isolation(Isolation level) {
        auto connected = run<bool>([&] { return true; });  // learns the server default
        if (!connected) return core::fail(connected.error());
        const std::string& wanted =
            level == Isolation::kReadCommitted ? kReadCommitted : default_isolation_;
        if (wanted == isolation_) return {};
        // "REPEATABLE-READ" → "REPEATABLE READ": the variable's spelling vs the statement's.
        std::string words = wanted;
        for (char& c : words) c = c == '-' ? ' ' : c;
        auto r = control(("SET SESSION TRANSACTION ISOLATION LEVEL " + words).c_str());
        if (r) isolation_ = wanted;
        return r;
    }

    // Transaction control goes over the text protocol: not every server prepares it.
    core::Result<void, DbError> control(const char* statement) {
        auto r = run<bool>([&]() -> bool {
            if (!control_) control_.reset(connection_->createStatement());
            control_->execute(statement);
            ++statements_run_;
            return true;
        });
        if (!r) return core::fail(r.error());
        return {};
    }

    template <class T, class Fn>
    core::Result<T, DbError> run(Fn&& fn) {
        if (broken_) {
            return core::fail(DbError{DbError::Kind::kConnectionLost, 2006, "session is broken"});
        }
        try {
            connect_if_needed();
            return fn();
        } catch (const sql::SQLException& e) {
            return core::fail(classify(e.getErrorCode(), e.what()));
        } catch (const std::exception& e) {
            return core::fail(DbError{DbError::Kind::kInternal, 0, e.what()});
        }
    }

    DbError classify(int code, std::string message) {
        DbError error{DbError::Kind::kInternal, code, std::move(message)};
        if (code == 1062) {
            error.kind = DbError::Kind::kConflict;
        } else if (code == 1213 || code == 1205) {
            error.kind = DbError::Kind::kRetry;
        } else if (is_connection_error(code) || !connection_) {
            error.kind = DbError::Kind::kConnectionLost;
            broken_ = true;
            in_transaction_ = false;
        }
        return error;
    }

    void connect_if_needed() {
        if (connection_) return;
        sql::ConnectOptionsMap options;
        if (!settings_.socket.empty()) {
            // The driver would turn "localhost" into TCP 127.0.0.1; name the socket explicitly.
            options["hostName"] = sql::SQLString("unix://" + settings_.socket);
        } else {
            options["hostName"] =
                sql::SQLString("tcp://" + settings_.host + ":" + std::to_string(settings_.port));
        }
        options["userName"] = sql::SQLString(settings_.user);
        options["password"] = sql::SQLString(settings_.password);
        options["schema"] = sql::SQLString(settings_.database);
        // Set both: the driver defaults each to 3-byte utf8 and would mangle 4-byte characters.
        options["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
        options["characterSetResults"] = sql::SQLString("utf8mb4");
        options["OPT_RECONNECT"] = false;
        options["OPT_CONNECT_TIMEOUT"] = settings_.connect_timeout_seconds;
        std::unique_ptr<sql::Connection> conn(driver()->connect(options));
        conn->setAutoCommit(true);
        {
            std::unique_ptr<sql::Statement> st(conn->createStatement());
            std::string mode;
            {
                std::unique_ptr<sql::ResultSet> rs(
                    st->executeQuery("SELECT @@SESSION.sql_mode, @@SESSION.tx_isolation"));
                if (rs->next()) {
                    mode = rs->getString(1);
                    default_isolation_ = rs->getString(2);
                    isolation_ = default_isolation_;
                }
            }
            const std::string wanted = compatible_sql_mode(mode);
            if (wanted != mode) {
                std::unique_ptr<sql::PreparedStatement> set(
                    conn->prepareStatement("SET SESSION sql_mode = ?"));
                set->setString(1, wanted);
                set->execute();
            }
        }
        connection_ = std::move(conn);
    }

    sql::PreparedStatement& prepare(std::string_view sql) {
        if (auto it = statement_index_.find(sql); it != statement_index_.end()) {
            statements_.splice(statements_.begin(), statements_, it->second);  // most recent
            return *it->second->statement;
        }
        std::unique_ptr<sql::PreparedStatement> stmt(
            connection_->prepareStatement(sql::SQLString(sql.data(), sql.size())));
        if (statements_.size() >= std::max<std::size_t>(settings_.statement_cache_size, 1)) {
            statement_index_.erase(statements_.back().sql);
            statements_.pop_back();  // closes it on the server
        }
        statements_.push_front(CachedStatement{std::string(sql), std::move(stmt)});
        statement_index_.emplace(statements_.front().sql, statements_.begin());
        return *statements_.front().statement;
    }

    static void bind(sql::PreparedStatement& stmt, std::span<const Param> params) {
        unsigned index = 1;
        for (const auto& p : params) {
            if (std::holds_alternative<std::nullptr_t>(p)) {
                stmt.setNull(index, 0);
            } else if (const auto* i = std::get_if<std::int64_t>(&p)) {
                stmt.setInt64(index, *i);
            } else {
                const auto s = std::get<std::string_view>(p);
                stmt.setString(index, sql::SQLString(s.data(), s.size()));
            }
            ++index;
        }
    }

    // How a column's cells are read. Connector/C++'s getString turns a binary-protocol integer
    // into text with snprintf and a heap string; the integer itself and std::to_chars give the
    // same digits with neither (host instructions per create-and-change −2.3 %, per GET
    // orders/1 −1.5 %, callgrind). Other types keep getString's formatting.
    enum class CellRead : unsigned char { kText, kSigned, kUnsigned };

    static CellRead cell_read(sql::ResultSetMetaData& meta, unsigned column) {
        switch (meta.getColumnType(column)) {
            case sql::DataType::TINYINT:
            case sql::DataType::SMALLINT:
            case sql::DataType::MEDIUMINT:
            case sql::DataType::INTEGER:
            case sql::DataType::BIGINT:
                return meta.isSigned(column) ? CellRead::kSigned : CellRead::kUnsigned;
            default:
                return CellRead::kText;
        }
    }

    static Rows read_all(sql::ResultSet& rs) {
        sql::ResultSetMetaData& meta = *rs.getMetaData();
        const unsigned width = meta.getColumnCount();
        std::vector<CellRead> how(width);
        for (unsigned c = 0; c < width; ++c) how[c] = cell_read(meta, c + 1);
        Rows rows(width);
        rows.reserve(rs.rowsCount(), 0);  // results are buffered: the count is known
        char digits[24];
        while (rs.next()) {
            for (unsigned c = 1; c <= width; ++c) {
                if (rs.isNull(c)) {
                    rows.push_null();
                    continue;
                }
                switch (how[c - 1]) {
                    case CellRead::kSigned: {
                        const auto end = std::to_chars(digits, digits + sizeof digits,
                                                       static_cast<std::int64_t>(rs.getInt64(c)));
                        rows.push_cell(std::string_view(digits, end.ptr - digits));
                        break;
                    }
                    case CellRead::kUnsigned: {
                        const auto end = std::to_chars(digits, digits + sizeof digits,
                                                       static_cast<std::uint64_t>(rs.getUInt64(c)));
                        rows.push_cell(std::string_view(digits, end.ptr - digits));
                        break;
                    }
                    case CellRead::kText: {
                        const sql::SQLString value = rs.getString(c);
                        rows.push_cell(std::string_view(value.c_str(), value.length()));
                        break;
                    }
                }
            }
        }
        return rows;
    }

    static inline const std::string kReadCommitted = "READ-COMMITTED";

    ConnectionSettings settings_;
    std::string default_isolation_;  // the connection's level when it was opened
    std::string isolation_;          // the session's level now
    std::unique_ptr<sql::Connection> connection_;
    struct CachedStatement {
        std::string sql;
        std::unique_ptr<sql::PreparedStatement> statement;
    };
    std::list<CachedStatement> statements_;  // most recently used first
    // Keys view the text held by the list node (nodes never move).
    std::unordered_map<std::string_view, std::list<CachedStatement>::iterator> statement_index_;
    std::unique_ptr<sql::Statement> control_;
    std::uint64_t statements_run_ = 0;
    bool broken_ = false;
    bool in_transaction_ = false;
};

}  // namespace

std::unique_ptr<Session> Session::create(ConnectionSettings settings) {
    return std::make_unique<MariaDbSession>(std::move(settings));
}

void initialize_driver() { (void)driver(); }

ThreadGuard::ThreadGuard() { driver()->threadInit(); }
ThreadGuard::~ThreadGuard() { driver()->threadEnd(); }

}  // namespace cartpress::db
