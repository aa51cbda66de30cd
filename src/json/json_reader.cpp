#include <cartpress/core/utf8.hpp>
#include <cartpress/json/json_reader.hpp>
#include <unordered_map>
#include <vector>

namespace cartpress::json {
namespace {

DecodeError php_error(int code) {
    switch (code) {
        case 1:
            return {1, "Maximum stack depth exceeded"};
        case 3:
            return {3, "Control character error, possibly incorrectly encoded"};
        case 5:
            return {5, "Malformed UTF-8 characters, possibly incorrectly encoded"};
        case 10:
            return {10, "Single unpaired UTF-16 surrogate in unicode escape"};
        default:
            return {4, "Syntax error"};
    }
}

// RapidJSON reports raw control characters and bad UTF-8 alike as "invalid encoding", and
// has no depth limit; PHP distinguishes them, so classify those in one pass first.
// Returns 0 when nothing was found.
int prescan(std::string_view text) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (in_string) {
            if (c == '\\') {
                ++i;  // the escaped character is checked by the parser
            } else if (c == '"') {
                in_string = false;
            } else if (c < 0x20) {
                return 3;
            } else if (c >= 0x80) {
                const std::size_t len = core::utf8_sequence_length(text, i);
                if (len == 0) return 5;
                i += len - 1;
            }
            continue;
        }
        if (c == 0) {
            return 4;  // RapidJSON's memory stream would take a NUL for the end of input
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth) return 1;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return 0;
}

// PHP arrays keep one value per key: the last one written, in the first one's position.
void dedupe_keys(Value& v, Allocator& allocator) {
    if (v.IsArray()) {
        for (auto& item : v.GetArray()) dedupe_keys(item, allocator);
        return;
    }
    if (!v.IsObject()) return;
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) dedupe_keys(it->value, allocator);
    if (v.MemberCount() < 2) return;
    // Linear even for a hostile body with 100,000 keys: index first, rebuild only if needed.
    std::unordered_map<std::string_view, std::size_t> first;
    std::vector<bool> drop(v.MemberCount(), false);
    bool any = false;
    auto members = v.MemberBegin();
    for (std::size_t i = 0; i < v.MemberCount(); ++i) {
        auto [pos, inserted] = first.emplace(view(members[i].name), i);
        if (!inserted) {
            members[pos->second].value = members[i].value;  // moves
            drop[i] = true;
            any = true;
        }
    }
    if (!any) return;
    Value rebuilt(rapidjson::kObjectType);
    // Same allocator as the document: the members keep their storage.
    for (std::size_t i = 0; i < drop.size(); ++i) {
        if (!drop[i]) rebuilt.AddMember(members[i].name, members[i].value, allocator);
    }
    v = rebuilt;
}

}  // namespace

core::Result<void, DecodeError> decode(std::string_view text, Document& out) {
    if (const int code = prescan(text); code != 0) return core::fail(php_error(code));
    constexpr unsigned kFlags =
        rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
    out.Parse<kFlags>(text.data(), text.size());
    if (out.HasParseError()) {
        const auto code = out.GetParseError();
        if (code == rapidjson::kParseErrorStringUnicodeSurrogateInvalid) {
            return core::fail(php_error(10));
        }
        return core::fail(php_error(4));
    }
    dedupe_keys(out, out.GetAllocator());
    return {};
}

}  // namespace cartpress::json
