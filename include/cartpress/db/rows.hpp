#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cartpress::db {

// A fully read result set: repositories turn it into plain structs.
// NULL is kept apart from "" (Connector/C++ getString gives "" for NULL).
class Rows {
public:
    class Row {
    public:
        Row(const Rows& rows, std::size_t index) : rows_(rows), index_(index) {}
        bool is_null(std::size_t column) const { return !cell(column).has_value(); }
        std::optional<std::string_view> get(std::size_t column) const;
        std::string str(std::size_t column) const;   // "" for NULL
        std::int64_t i64(std::size_t column) const;  // 0 for NULL or non-numeric
        std::optional<std::int64_t> opt_i64(std::size_t column) const;

    private:
        const std::optional<std::string>& cell(std::size_t column) const;
        const Rows& rows_;
        std::size_t index_;
    };

    Rows() = default;
    explicit Rows(std::vector<std::string> columns) : columns_(std::move(columns)) {}

    std::size_t size() const { return columns_.empty() ? 0 : cells_.size() / columns_.size(); }
    bool empty() const { return size() == 0; }
    std::size_t width() const { return columns_.size(); }
    const std::vector<std::string>& columns() const { return columns_; }
    Row operator[](std::size_t i) const { return Row(*this, i); }

    void push_cell(std::optional<std::string> cell) { cells_.push_back(std::move(cell)); }

private:
    std::vector<std::string> columns_;
    std::vector<std::optional<std::string>> cells_;  // row-major
};

}  // namespace cartpress::db
