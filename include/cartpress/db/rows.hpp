#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cartpress::db {

// A fully read result set: repositories turn it into plain structs.
// NULL is kept apart from "" (Connector/C++ getString gives "" for NULL). All cell bytes live
// in one buffer: a graph of a few thousand cells costs a handful of allocations, not one each.
class Rows {
    struct Cell {
        std::size_t offset;
        std::size_t length;
        bool null;
    };

public:
    class Row {
    public:
        Row(const Rows& rows, std::size_t index) : rows_(rows), index_(index) {}
        bool is_null(std::size_t column) const { return cell(column).null; }
        std::optional<std::string_view> get(std::size_t column) const;
        std::string str(std::size_t column) const;   // "" for NULL
        std::int64_t i64(std::size_t column) const;  // 0 for NULL or non-numeric
        std::optional<std::int64_t> opt_i64(std::size_t column) const;

    private:
        const Cell& cell(std::size_t column) const {
            return rows_.cells_.at(index_ * rows_.width_ + column);
        }
        const Rows& rows_;
        std::size_t index_;
    };

    Rows() = default;
    explicit Rows(std::size_t width) : width_(width) {}

    std::size_t size() const { return width_ == 0 ? 0 : cells_.size() / width_; }
    bool empty() const { return size() == 0; }
    std::size_t width() const { return width_; }
    std::size_t bytes() const { return data_.size(); }  // of all cells' text
    Row operator[](std::size_t i) const { return Row(*this, i); }

    // Room for `rows` more rows holding `bytes` more bytes in all, so that filling a known
    // result does not grow the buffers step by step.
    void reserve(std::size_t rows, std::size_t bytes) {
        cells_.reserve(cells_.size() + rows * width_);
        data_.reserve(data_.size() + bytes);
    }

    void push_null() { cells_.push_back({data_.size(), 0, true}); }
    void push_cell(std::string_view value) {
        cells_.push_back({data_.size(), value.size(), false});
        data_.append(value);
    }

private:
    std::size_t width_ = 0;
    std::string data_;
    std::vector<Cell> cells_;  // row-major
};

}  // namespace cartpress::db
