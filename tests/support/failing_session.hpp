#pragma once

#include <cartpress/db/session.hpp>
#include <cctype>
#include <string>
#include <string_view>

namespace cartpress::test {

// Failure injection for atomicity tests: wraps a real session and makes its Nth write statement
// (INSERT, UPDATE, DELETE or REPLACE, sent through query() or execute()) fail without sending it,
// as a server error would. `fail_commit` makes COMMIT fail instead: the transaction is rolled
// back, as a COMMIT the server refuses ends it. Everything else is forwarded.
class FailingSession final : public db::Session {
public:
    explicit FailingSession(db::Session& inner, int fail_write = 0, bool fail_commit = false)
        : inner_(inner), fail_write_(fail_write), fail_commit_(fail_commit) {}

    // Writes seen so far (failed one included).
    int writes() const { return writes_; }
    bool injected() const { return injected_; }

    core::Result<db::Rows, db::DbError> query(std::string_view sql,
                                              std::span<const db::Param> params) override {
        if (should_fail(sql)) return core::fail(injected_error());
        return inner_.query(sql, params);
    }
    core::Result<db::ExecResult, db::DbError> execute(std::string_view sql,
                                                      std::span<const db::Param> params) override {
        if (should_fail(sql)) return core::fail(injected_error());
        return inner_.execute(sql, params);
    }
    core::Result<void, db::DbError> begin(db::Isolation level) override {
        return inner_.begin(level);
    }
    core::Result<void, db::DbError> commit() override {
        if (fail_commit_) {
            // A COMMIT the server refuses ends the transaction there: nothing of it stays.
            injected_ = true;
            (void)inner_.rollback();
            return core::fail(injected_error());
        }
        return inner_.commit();
    }
    core::Result<void, db::DbError> rollback() override { return inner_.rollback(); }
    core::Result<void, db::DbError> ping() override { return inner_.ping(); }
    bool broken() const override { return inner_.broken(); }
    bool in_transaction() const override { return inner_.in_transaction(); }
    std::uint64_t statements_run() const override { return inner_.statements_run(); }
    core::Result<std::uint64_t, db::DbError> last_insert_id() override {
        return inner_.last_insert_id();
    }
    core::Result<std::string, db::DbError> server_version() override {
        return inner_.server_version();
    }

    static bool is_write(std::string_view sql) {
        while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.front()))) {
            sql.remove_prefix(1);
        }
        for (std::string_view verb : {"INSERT", "UPDATE", "DELETE", "REPLACE"}) {
            if (sql.size() < verb.size()) continue;
            bool same = true;
            for (std::size_t i = 0; i < verb.size(); ++i) {
                same = same && std::toupper(static_cast<unsigned char>(sql[i])) == verb[i];
            }
            if (same) return true;
        }
        return false;
    }

private:
    bool should_fail(std::string_view sql) {
        if (!is_write(sql)) return false;
        ++writes_;
        if (writes_ != fail_write_) return false;
        injected_ = true;
        return true;
    }
    static db::DbError injected_error() {
        return db::DbError{db::DbError::Kind::kInternal, 1105, "injected failure"};
    }

    db::Session& inner_;
    int fail_write_ = 0;
    bool fail_commit_ = false;
    int writes_ = 0;
    bool injected_ = false;
};

}  // namespace cartpress::test
