#include "sql_columns.hpp"

namespace cartpress::plugins::fluent_cart {

std::string select_columns(ColumnList columns, std::string_view alias, bool as_text) {
    std::string out;
    for (const auto& c : columns) {
        if (!out.empty()) out += ", ";
        std::string ref = std::string(alias) + ".`" + std::string(c.name) + "`";
        out += as_text ? "CAST(" + ref + " AS CHAR)" : ref;
    }
    return out;
}

}  // namespace cartpress::plugins::fluent_cart
