#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cartpress/db/json_array_rows.hpp>
#include <string_view>

namespace cartpress::db {
namespace {

// SAX handler for one row's array: every element at depth 1 becomes a cell; a nested object or
// array is copied as the text between its brackets.
class CellWriter : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, CellWriter> {
public:
    CellWriter(Rows& out, std::string_view text, const rapidjson::MemoryStream& stream)
        : out_(out), text_(text), stream_(stream) {}

    std::size_t cells() const { return cells_; }

    bool Null() { return depth_ > 1 || push(std::nullopt); }
    bool Bool(bool b) { return depth_ > 1 || push(b ? "1" : "0"); }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
        return depth_ > 1 || push(std::string_view(s, n));
    }
    bool String(const char* s, rapidjson::SizeType n, bool) {
        return depth_ > 1 || push(std::string_view(s, n));
    }
    bool Key(const char*, rapidjson::SizeType, bool) { return true; }
    bool StartObject() { return open(); }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool StartArray() { return open(); }
    bool EndArray(rapidjson::SizeType) { return close(); }

private:
    bool open() {
        if (depth_ == 1) nested_begin_ = stream_.Tell() - 1;  // the bracket was just taken
        ++depth_;
        return true;
    }
    bool close() {
        --depth_;
        if (depth_ != 1) return true;
        return push(text_.substr(nested_begin_, stream_.Tell() - nested_begin_));
    }
    bool push(std::optional<std::string_view> cell) {
        if (cell) {
            out_.push_cell(*cell);
        } else {
            out_.push_null();
        }
        ++cells_;
        return true;
    }

    Rows& out_;
    std::string_view text_;
    const rapidjson::MemoryStream& stream_;
    int depth_ = 0;
    std::size_t nested_begin_ = 0;
    std::size_t cells_ = 0;
};

}  // namespace

core::Result<Rows, std::string> expand_json_array_rows(const Rows& rows, std::size_t width) {
    if (rows.width() == 0) return Rows(width);
    const std::size_t leading = rows.width() - 1;
    if (width < leading) return core::fail(std::string("width below the leading cells"));
    Rows out(width);
    // The cells' text is at most the arrays' text (less quotes, separators and escapes).
    out.reserve(rows.size(), rows.bytes());
    rapidjson::Reader reader;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto row = rows[r];
        for (std::size_t c = 0; c < leading; ++c) {
            if (auto v = row.get(c)) {
                out.push_cell(*v);
            } else {
                out.push_null();
            }
        }
        const auto text = row.get(leading);
        if (!text) return core::fail("row " + std::to_string(r) + ": NULL instead of an array");
        const std::string_view array = *text;
        if (array.empty() || array.front() != '[') {
            return core::fail("row " + std::to_string(r) + ": not a JSON array");
        }
        rapidjson::MemoryStream stream(array.data(), array.size());
        CellWriter writer(out, array, stream);
        if (!reader.Parse<rapidjson::kParseNumbersAsStringsFlag>(stream, writer)) {
            return core::fail("row " + std::to_string(r) + ": malformed JSON array");
        }
        if (leading + writer.cells() > width) {
            return core::fail("row " + std::to_string(r) + ": more cells than the width");
        }
        for (std::size_t c = leading + writer.cells(); c < width; ++c) out.push_null();
    }
    return out;
}

}  // namespace cartpress::db
