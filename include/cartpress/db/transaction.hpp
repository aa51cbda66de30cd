#pragma once

#include <cartpress/db/session.hpp>

namespace cartpress::db {

// Rolls back on destruction unless commit() succeeded: an early return or a thrown error
// can never leave half a write behind.
class Transaction {
public:
    explicit Transaction(Session& session, Isolation level = Isolation::kServerDefault);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Whether BEGIN itself succeeded; check it before the first statement.
    const core::Result<void, DbError>& started() const { return started_; }
    [[nodiscard]] core::Result<void, DbError> commit();

private:
    Session& session_;
    core::Result<void, DbError> started_;
    bool done_ = false;
};

}  // namespace cartpress::db
