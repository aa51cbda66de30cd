#include <cartpress/core/strings.hpp>
#include <cartpress/db/migrations.hpp>

#include "cartpress_migrations/0001_storefront_tables_sql.hpp"

namespace cartpress::db {
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = {
        {"0001_storefront_tables.sql", embedded::kMigration0001},
    };
    return all;
}

std::vector<std::string> migration_statements(std::string_view sql, std::string_view prefix) {
    std::vector<std::string> statements;
    std::string current;
    while (!sql.empty()) {
        const std::size_t nl = sql.find('\n');
        std::string_view line = sql.substr(0, nl);
        sql.remove_prefix(nl == std::string_view::npos ? sql.size() : nl + 1);
        if (core::php_trim(line).substr(0, 2) == "--") continue;
        for (std::size_t at = 0;;) {  // {prefix} -> the table prefix
            const std::size_t p = line.find("{prefix}", at);
            current.append(line.substr(at, p == std::string_view::npos ? line.npos : p - at));
            if (p == std::string_view::npos) break;
            current.append(prefix);
            at = p + 8;
        }
        current.push_back('\n');
        const std::string_view t = core::php_trim(line);
        if (!t.empty() && t.back() == ';') {
            std::string_view statement = core::php_trim(current);
            statement.remove_suffix(1);  // the ";"
            statements.emplace_back(statement);
            current.clear();
        }
    }
    if (!core::php_trim(current).empty()) statements.emplace_back(core::php_trim(current));
    return statements;
}

core::Result<std::size_t, DbError> apply_migrations(Session& session, std::string_view prefix) {
    std::size_t ran = 0;
    for (const Migration& m : migrations()) {
        for (const std::string& statement : migration_statements(m.sql, prefix)) {
            if (auto r = session.execute(statement, {}); !r) return core::fail(r.error());
            ++ran;
        }
    }
    return ran;
}

}  // namespace cartpress::db
