#include <strings.h>

#include <cartpress/core/utf8.hpp>
#include <cartpress/http/form_data.hpp>
#include <charconv>
#include <optional>
#include <vector>

namespace cartpress::http {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_canonical_index(std::string_view key, long long& out) {
    if (key.empty() || key.size() > 18) return false;
    if (key.size() > 1 && key[0] == '0') return false;
    auto [p, ec] = std::from_chars(key.data(), key.data() + key.size(), out);
    return ec == std::errc() && p == key.data() + key.size() && out >= 0;
}

// The key that "[]" appends under: one past the largest integer key, as PHP's nNextFreeElement.
std::string next_index(const json::Value& object) {
    long long next = 0;
    for (const auto& m : object.GetObject()) {
        long long k;
        if (is_canonical_index(json::view(m.name), k) && k + 1 > next) next = k + 1;
    }
    return std::to_string(next);
}

json::Value& child(json::Value& object, std::string_view key, json::Allocator& alloc) {
    auto it = object.FindMember(json::str(key, alloc));
    if (it == object.MemberEnd()) {
        object.AddMember(json::str(key, alloc), json::Value(rapidjson::kObjectType), alloc);
        return (object.MemberEnd() - 1)->value;
    }
    if (!it->value.IsObject()) it->value.SetObject();  // a scalar becomes an array, as in PHP
    return it->value;
}

void set_leaf(json::Value& object, std::string_view key, std::string_view value,
              json::Allocator& alloc) {
    auto it = object.FindMember(json::str(key, alloc));
    if (it == object.MemberEnd()) {
        object.AddMember(json::str(key, alloc), json::str(value, alloc), alloc);
    } else {
        it->value = json::str(value, alloc);
    }
}

// php_register_variable_ex: split "base[i][j]" into base and indexes and store the value.
void register_variable(std::string name, std::string_view value, json::Value& target,
                       json::Allocator& alloc) {
    std::size_t start = name.find_first_not_of(' ');
    if (start == std::string::npos) return;
    name.erase(0, start);

    std::size_t bracket = name.find('[');
    if (bracket != std::string::npos && name.find(']', bracket) == std::string::npos) {
        name[bracket] = '_';  // an unclosed bracket is a plain character of the base name
        bracket = std::string::npos;
    }
    std::string base = name.substr(0, bracket);
    for (char& c : base) {
        if (c == ' ' || c == '.') c = '_';
    }
    if (base.empty()) return;

    std::vector<std::string> indexes;
    std::size_t pos = bracket;
    while (pos != std::string::npos && pos < name.size() && name[pos] == '[') {
        const std::size_t close = name.find(']', pos + 1);
        if (close == std::string::npos) break;
        indexes.push_back(name.substr(pos + 1, close - pos - 1));
        pos = close + 1;  // anything after "]" that is not "[" is ignored, as PHP does
        if (static_cast<int>(indexes.size()) > kMaxInputNesting) return;
    }

    if (indexes.empty()) {
        set_leaf(target, base, value, alloc);
        return;
    }
    json::Value* node = &child(target, base, alloc);
    for (std::size_t i = 0; i < indexes.size(); ++i) {
        const std::string key = indexes[i].empty() ? next_index(*node) : indexes[i];
        if (i + 1 == indexes.size()) {
            set_leaf(*node, key, value, alloc);
        } else {
            node = &child(*node, key, alloc);
        }
    }
}

// Objects keyed "0".."n-1" in order are PHP lists: JSON arrays.
void lists_to_arrays(json::Value& v, json::Allocator& alloc) {
    if (!v.IsObject()) return;
    bool is_list = v.MemberCount() > 0;
    long long expected = 0;
    for (auto& m : v.GetObject()) {
        lists_to_arrays(m.value, alloc);
        long long k;
        if (!is_canonical_index(json::view(m.name), k) || k != expected++) is_list = false;
    }
    if (!is_list) return;
    json::Value array(rapidjson::kArrayType);
    for (auto& m : v.GetObject()) array.PushBack(m.value.Move(), alloc);
    v = std::move(array);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

// The value of `attr` in a header such as `form-data; name="x"; filename="y"`.
std::optional<std::string> header_attribute(std::string_view header, std::string_view attr) {
    std::size_t pos = 0;
    while (pos < header.size()) {
        std::size_t semi = header.find(';', pos);
        std::string_view part =
            trim(header.substr(pos, semi == std::string_view::npos ? header.npos : semi - pos));
        pos = semi == std::string_view::npos ? header.size() : semi + 1;
        const std::size_t eq = part.find('=');
        if (eq == std::string_view::npos) continue;
        std::string_view key = trim(part.substr(0, eq));
        if (key.size() != attr.size() || strncasecmp(key.data(), attr.data(), key.size()) != 0) {
            continue;
        }
        std::string_view value = trim(part.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
            value = value.substr(1, value.size() - 2);
        }
        return std::string(value);
    }
    return std::nullopt;
}

}  // namespace

std::string percent_decode(std::string_view s, bool plus_as_space) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '+' && plus_as_space) {
            out.push_back(' ');
        } else if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
                   hex_value(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string php_urlencode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size() * 3);
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.') {
            out.push_back(ch);
        } else if (c == ' ') {
            out.push_back('+');
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

void parse_php_query(std::string_view query, json::Value& target, json::Allocator& alloc) {
    if (!target.IsObject()) target.SetObject();
    std::size_t count = 0;
    std::size_t pos = 0;
    while (pos <= query.size()) {
        std::size_t amp = query.find('&', pos);
        if (amp == std::string_view::npos) amp = query.size();
        std::string_view pair = query.substr(pos, amp - pos);
        pos = amp + 1;
        if (pair.empty()) continue;
        if (++count > kMaxInputVars) break;
        const std::size_t eq = pair.find('=');
        std::string name = percent_decode(pair.substr(0, eq), true);
        std::string value = eq == std::string_view::npos
                                ? std::string()
                                : percent_decode(pair.substr(eq + 1), true);
        register_variable(std::move(name), value, target, alloc);
    }
    lists_to_arrays(target, alloc);
    if (!target.IsObject()) {
        // A top-level list cannot happen (names are never empty), but keep the contract.
        target.SetObject();
    }
}

bool parse_multipart_form(std::string_view body, std::string_view boundary, json::Value& target,
                          json::Allocator& alloc) {
    if (!target.IsObject()) target.SetObject();
    if (boundary.empty() || boundary.size() > 200) return false;
    const std::string delimiter = "--" + std::string(boundary);
    std::size_t pos = body.find(delimiter);
    if (pos == std::string_view::npos) return false;
    std::size_t count = 0;
    while (true) {
        pos += delimiter.size();
        if (body.substr(pos, 2) == "--") break;  // closing delimiter
        if (body.substr(pos, 2) != "\r\n") return false;
        pos += 2;
        const std::size_t head_end = body.find("\r\n\r\n", pos);
        if (head_end == std::string_view::npos) return false;
        std::string_view head = body.substr(pos, head_end - pos);
        const std::size_t next = body.find("\r\n" + delimiter, head_end + 4);
        if (next == std::string_view::npos) return false;
        std::string_view content = body.substr(head_end + 4, next - head_end - 4);

        std::optional<std::string> name;
        bool is_file = false;
        std::size_t line_start = 0;
        while (line_start <= head.size()) {
            std::size_t line_end = head.find("\r\n", line_start);
            if (line_end == std::string_view::npos) line_end = head.size();
            std::string_view line = head.substr(line_start, line_end - line_start);
            line_start = line_end + 2;
            const std::size_t colon = line.find(':');
            if (colon == std::string_view::npos) continue;
            std::string_view header_name = trim(line.substr(0, colon));
            if (header_name.size() == 19 &&
                strncasecmp(header_name.data(), "Content-Disposition", 19) == 0) {
                std::string_view value = line.substr(colon + 1);
                name = header_attribute(value, "name");
                is_file = header_attribute(value, "filename").has_value();
            }
        }
        // File uploads are not part of any Cartpress route; their fields are skipped.
        if (name && !is_file && ++count <= kMaxInputVars) {
            register_variable(*name, content, target, alloc);
        }
        pos = next + 2;
    }
    lists_to_arrays(target, alloc);
    return true;
}

bool all_strings_valid_utf8(const json::Value& v) {
    if (v.IsString()) return core::is_valid_utf8(json::view(v));
    if (v.IsArray()) {
        for (const auto& item : v.GetArray()) {
            if (!all_strings_valid_utf8(item)) return false;
        }
    } else if (v.IsObject()) {
        for (const auto& m : v.GetObject()) {
            if (!core::is_valid_utf8(json::view(m.name)) || !all_strings_valid_utf8(m.value)) {
                return false;
            }
        }
    }
    return true;
}

}  // namespace cartpress::http
