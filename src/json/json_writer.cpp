#include <array>
#include <cartpress/json/json_writer.hpp>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace cartpress::json {
namespace {

constexpr std::string_view kMalformed = "Malformed UTF-8 characters, possibly incorrectly encoded";

// The code point of the UTF-8 sequence at s[i] (advancing i), or -1 when it is malformed:
// truncated, overlong, a surrogate or above U+10FFFF — what PHP's decoder refuses.
long next_code_point(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    int length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    long cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        cp = c & 0x0F;
        if (c == 0xE0) low = 0xA0;
        if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        cp = c & 0x07;
        if (c == 0xF0) low = 0x90;
        if (c == 0xF4) high = 0x8F;
    } else {
        return -1;
    }
    if (i + static_cast<std::size_t>(length) > s.size()) return -1;
    for (int k = 1; k < length; ++k) {
        const unsigned char next = byte(i + static_cast<std::size_t>(k));
        if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return -1;
        cp = (cp << 6) | (next & 0x3F);
    }
    i += static_cast<std::size_t>(length);
    return cp;
}

// PHP's json_encode() without flags (or with JSON_PRETTY_PRINT), written directly: strings go
// out in runs of plain ASCII, so a 15 KB order graph is mostly memcpy.
class PhpJsonWriter {
public:
    PhpJsonWriter(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}

    bool write(const Value& v, int depth) {
        switch (v.GetType()) {
            case rapidjson::kNullType:
                out_ += "null";
                return true;
            case rapidjson::kFalseType:
                out_ += "false";
                return true;
            case rapidjson::kTrueType:
                out_ += "true";
                return true;
            case rapidjson::kNumberType:
                return number(v);
            case rapidjson::kStringType:
                return string(std::string_view(v.GetString(), v.GetStringLength()));
            case rapidjson::kArrayType: {
                if (v.Empty()) {
                    out_ += "[]";
                    return true;
                }
                out_.push_back('[');
                bool first = true;
                for (const auto& item : v.GetArray()) {
                    separator(first, depth + 1);
                    if (!write(item, depth + 1)) return false;
                }
                newline(depth);
                out_.push_back(']');
                return true;
            }
            case rapidjson::kObjectType: {
                if (v.MemberCount() == 0) {
                    out_ += "{}";
                    return true;
                }
                out_.push_back('{');
                bool first = true;
                for (const auto& m : v.GetObject()) {
                    separator(first, depth + 1);
                    if (!string(std::string_view(m.name.GetString(), m.name.GetStringLength()))) {
                        return false;
                    }
                    out_ += pretty_ ? ": " : ":";
                    if (!write(m.value, depth + 1)) return false;
                }
                newline(depth);
                out_.push_back('}');
                return true;
            }
        }
        error = "Type is not supported";
        return false;
    }

    std::string error;

private:
    void separator(bool& first, int depth) {
        if (!first) out_.push_back(',');
        first = false;
        newline(depth);
    }

    void newline(int depth) {
        if (!pretty_) return;
        out_.push_back('\n');
        out_.append(static_cast<std::size_t>(depth) * 4, ' ');
    }

    bool number(const Value& v) {
        char buf[32];
        if (v.IsInt64() || v.IsUint64()) {
            auto r = v.IsInt64() ? std::to_chars(buf, buf + sizeof buf, v.GetInt64())
                                 : std::to_chars(buf, buf + sizeof buf, v.GetUint64());
            out_.append(buf, r.ptr);
            return true;
        }
        const double d = v.GetDouble();
        if (!std::isfinite(d)) {
            error = "Inf and NaN cannot be JSON encoded";
            return false;
        }
        out_ += php_double(d);
        return true;
    }

    // Bytes that go out as they are: printable ASCII except `"`, `\\` and `/`.
    static constexpr std::array<bool, 256> kPlain = [] {
        std::array<bool, 256> t{};
        for (int c = 0x20; c < 0x80; ++c) t[static_cast<std::size_t>(c)] = true;
        t['"'] = t['\\'] = t['/'] = false;
        return t;
    }();
    static bool plain(unsigned char c) { return kPlain[c]; }

    void hex4(unsigned code) {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4) out_.push_back(kHex[(code >> shift) & 0xF]);
    }

    bool string(std::string_view s) {
        out_.push_back('"');
        std::size_t i = 0;
        while (i < s.size()) {
            std::size_t run = i;
            while (run < s.size() && plain(static_cast<unsigned char>(s[run]))) ++run;
            out_.append(s.data() + i, run - i);
            i = run;
            if (i == s.size()) break;
            const unsigned char c = static_cast<unsigned char>(s[i]);
            if (c >= 0x80) {
                const long cp = next_code_point(s, i);
                if (cp < 0) {
                    error = kMalformed;
                    return false;
                }
                if (cp >= 0x10000) {
                    const long v = cp - 0x10000;
                    hex4(static_cast<unsigned>(0xD800 + (v >> 10)));
                    hex4(static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
                } else {
                    hex4(static_cast<unsigned>(cp));
                }
                continue;
            }
            ++i;
            switch (c) {
                case '"':
                    out_ += "\\\"";
                    break;
                case '\\':
                    out_ += "\\\\";
                    break;
                case '/':
                    out_ += "\\/";
                    break;
                case '\b':
                    out_ += "\\b";
                    break;
                case '\f':
                    out_ += "\\f";
                    break;
                case '\n':
                    out_ += "\\n";
                    break;
                case '\r':
                    out_ += "\\r";
                    break;
                case '\t':
                    out_ += "\\t";
                    break;
                default:
                    hex4(c);
                    break;
            }
        }
        out_.push_back('"');
        return true;
    }

    std::string& out_;
    bool pretty_;
};

}  // namespace

core::Result<void, EncodeError> encode_to(std::string& out, const Value& value, bool pretty) {
    PhpJsonWriter writer(out, pretty);
    if (!writer.write(value, 0)) return core::fail(EncodeError{writer.error});
    return {};
}

core::Result<std::string, EncodeError> encode(const Value& value, bool pretty) {
    std::string out;
    out.reserve(4096);
    auto r = encode_to(out, value, pretty);
    if (!r) return core::fail(r.error());
    return out;
}

std::string php_double(double d) {
    // Shortest round-trip digits, then laid out the way php_gcvt() does with precision 17:
    // exponential when the decimal point sits more than 17 digits right or 4 left.
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
    std::string out;
    if (sci.front() == '-') {
        out.push_back('-');
        sci.remove_prefix(1);
    }
    const auto e_pos = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, e_pos)) {
        if (c != '.') digits.push_back(c);
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    const int exponent = std::atoi(std::string(sci.substr(e_pos + 1)).c_str());
    if (digits == "0") {
        out += "0";
        return out;
    }
    const int decpt = exponent + 1;  // value = 0.DIGITS × 10^decpt
    if (decpt < -3 || decpt > 17) {
        out.push_back(digits[0]);
        out.push_back('.');
        out += digits.size() > 1 ? digits.substr(1) : "0";
        out.push_back('e');
        const int e = decpt - 1;
        out.push_back(e < 0 ? '-' : '+');
        out += std::to_string(std::abs(e));
        return out;
    }
    if (decpt <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-decpt), '0');
        out += digits;
        return out;
    }
    const auto point = static_cast<std::size_t>(decpt);
    if (digits.size() <= point) {
        out += digits;
        out.append(point - digits.size(), '0');
    } else {
        out += digits.substr(0, point);
        out.push_back('.');
        out += digits.substr(point);
    }
    return out;
}

}  // namespace cartpress::json
