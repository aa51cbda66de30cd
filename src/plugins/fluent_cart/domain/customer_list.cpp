#include "domain/customer_list.hpp"

namespace cartpress::plugins::fluent_cart {

CustomerListSearch parse_customer_search(std::string_view raw) {
    const OrderSearch parsed = parse_order_search(raw);
    if (const auto* c = std::get_if<ColumnSearch>(&parsed); c && c->column == SearchColumn::kId) {
        return *c;
    }
    const PlainSearch plain = plain_search(raw);
    if (plain.trimmed.empty() || plain.trimmed == "0") return std::monostate{};
    return CustomerTextSearch{plain.trimmed, plain.escaped, php_is_numeric(plain.trimmed),
                              plain.trimmed.find(' ') != std::string::npos};
}

}  // namespace cartpress::plugins::fluent_cart
