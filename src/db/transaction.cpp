#include <cartpress/db/transaction.hpp>

namespace cartpress::db {

Transaction::Transaction(Session& session, Isolation level)
    : session_(session), started_(session.begin(level)) {}

Transaction::~Transaction() {
    if (!done_ && started_ && !session_.broken()) {
        (void)session_.rollback();
    }
}

core::Result<void, DbError> Transaction::commit() {
    if (!started_) return core::fail(started_.error());
    auto r = session_.commit();
    done_ = true;  // a failed COMMIT has already ended the transaction on the server
    return r;
}

}  // namespace cartpress::db
