#pragma once

#include <string>

namespace cartpress::db {

// Sorted by what the caller can do about it (as Drogon's ORM exceptions are).
struct DbError {
    enum class Kind {
        kConflict,        // 1062 duplicate key: a business rule, answer 409/422
        kRetry,           // 1213 deadlock, 1205 lock wait timeout: retry the transaction
        kConnectionLost,  // 2006/2013/...: the session is broken; a new one is built
        kInternal,        // anything else: a bug or a schema mismatch, answer 500
    };
    Kind kind = Kind::kInternal;
    int code = 0;
    std::string message;  // for logs only, never for response bodies
};

}  // namespace cartpress::db
