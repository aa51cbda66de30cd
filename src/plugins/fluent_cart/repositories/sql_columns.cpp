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

Record read_record(const db::Rows::Row& row, std::size_t offset, std::size_t count) {
    Record r;
    r.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        auto v = row.get(offset + i);
        r.push_back(v ? std::optional<std::string>(std::string(*v)) : std::nullopt);
    }
    return r;
}

}  // namespace cartpress::plugins::fluent_cart
