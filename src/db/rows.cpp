#include <cartpress/db/rows.hpp>
#include <charconv>

namespace cartpress::db {

const std::optional<std::string>& Rows::Row::cell(std::size_t column) const {
    return rows_.cells_.at(index_ * rows_.width() + column);
}

std::optional<std::string_view> Rows::Row::get(std::size_t column) const {
    const auto& c = cell(column);
    if (!c) return std::nullopt;
    return std::string_view(*c);
}

std::string Rows::Row::str(std::size_t column) const { return cell(column).value_or(""); }

std::optional<std::int64_t> Rows::Row::opt_i64(std::size_t column) const {
    const auto& c = cell(column);
    if (!c) return std::nullopt;
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(c->data(), c->data() + c->size(), v);
    if (ec != std::errc()) return std::nullopt;
    return v;
}

std::int64_t Rows::Row::i64(std::size_t column) const { return opt_i64(column).value_or(0); }

}  // namespace cartpress::db
