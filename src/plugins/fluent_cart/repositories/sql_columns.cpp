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

std::string customer_photo_sql(const std::string& p, std::string_view alias) {
    return "(SELECT um.meta_value FROM " + p +
           "usermeta um WHERE um.user_id = " + std::string(alias) +
           ".user_id AND um.meta_key = 'fc_customer_photo_url' ORDER BY um.umeta_id LIMIT 1)";
}

CustomerRecord read_customer_record(const db::Rows::Row& row, std::size_t offset) {
    CustomerRecord c;
    c.customer = read_record(row, offset, kCustomerColumns.size());
    if (auto photo = row.get(offset + kCustomerColumns.size())) c.photo_url = std::string(*photo);
    return c;
}

}  // namespace cartpress::plugins::fluent_cart
