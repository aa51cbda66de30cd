#pragma once

#include <cartpress/db/db_error.hpp>
#include <cartpress/rest/request_context.hpp>
#include <cartpress/rest/rest_error.hpp>

#include "errors.hpp"

namespace cartpress::plugins::fluent_cart {

// A database failure as the client sees it: 503 with Retry-After when the connection is gone,
// else FluentCart's generic plugin_exception (details to the log only).
inline rest::RestError db_failure(const db::DbError& error, const rest::RequestContext&) {
    if (error.kind == db::DbError::Kind::kConnectionLost) return rest::errors::db_unavailable();
    return plugin_exception("database error " + std::to_string(error.code) + ": " + error.message);
}

}  // namespace cartpress::plugins::fluent_cart
