#pragma once

#include <cartpress/db/session.hpp>

namespace cartpress::test {

// A database that is down: every call fails as a lost connection. Enough for the stages of
// the dispatcher that must work without a database (routing, errors, anonymous requests).
class UnreachableSession final : public db::Session {
public:
    core::Result<db::Rows, db::DbError> query(std::string_view,
                                              std::span<const db::Param>) override {
        return core::fail(lost());
    }
    core::Result<db::ExecResult, db::DbError> execute(std::string_view,
                                                      std::span<const db::Param>) override {
        return core::fail(lost());
    }
    core::Result<void, db::DbError> begin(db::Isolation) override { return core::fail(lost()); }
    core::Result<void, db::DbError> commit() override { return core::fail(lost()); }
    core::Result<void, db::DbError> rollback() override { return core::fail(lost()); }
    core::Result<void, db::DbError> ping() override { return core::fail(lost()); }
    core::Result<std::uint64_t, db::DbError> last_insert_id() override {
        return core::fail(lost());
    }
    core::Result<std::string, db::DbError> server_version() override { return core::fail(lost()); }
    bool broken() const override { return true; }
    bool in_transaction() const override { return false; }
    std::uint64_t statements_run() const override { return 0; }

private:
    static db::DbError lost() { return {db::DbError::Kind::kConnectionLost, 2002, "unreachable"}; }
};

}  // namespace cartpress::test
