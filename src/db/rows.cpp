#include <cartpress/db/rows.hpp>
#include <charconv>

namespace cartpress::db {

std::optional<std::string_view> Rows::Row::get(std::size_t column) const {
    const auto& c = cell(column);
    if (c.null) return std::nullopt;
    return std::string_view(rows_.data_).substr(c.offset, c.length);
}

std::string Rows::Row::str(std::size_t column) const {
    return std::string(get(column).value_or(std::string_view()));
}

std::optional<std::int64_t> Rows::Row::opt_i64(std::size_t column) const {
    const auto v = get(column);
    if (!v) return std::nullopt;
    std::int64_t out = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc()) return std::nullopt;
    return out;
}

std::int64_t Rows::Row::i64(std::size_t column) const { return opt_i64(column).value_or(0); }

}  // namespace cartpress::db
