#pragma once

// Cartpress's own tables ({prefix}cartpress_*), created by the SQL files of sql/migrations/,
// which are compiled into the binary: `cartpress-fcgi --migrate` needs no repository files.
// Every migration is idempotent (CREATE TABLE IF NOT EXISTS) and never touches a table of
// WordPress or FluentCart, so it is safe to apply on a live store at every start.

#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cartpress::db {

struct Migration {
    std::string_view name;  // the file name, e.g. "0001_storefront_tables.sql"
    std::string_view sql;   // with the {prefix} placeholder
};

// In the order they are applied (file name order).
const std::vector<Migration>& migrations();

// The statements of one migration file for a table prefix: "--" comment lines dropped, split at
// each ";" that ends a line. (Our migration files keep one statement per ";"-terminated block
// and never put ";" at the end of a line inside a string.)
std::vector<std::string> migration_statements(std::string_view sql, std::string_view prefix);

// Applies every migration, statement by statement, and returns how many statements ran.
core::Result<std::size_t, DbError> apply_migrations(Session& session, std::string_view prefix);

}  // namespace cartpress::db
