#include <algorithm>
#include <array>
#include <cartpress/json/json_writer.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
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

// Appends to a string through a raw cursor: the string is grown ahead (doubling) and cut to
// what was written when the Output goes. std::string's push_back and append check capacity and
// call out on every piece, and a graph is a thousand short strings (that was ~150 instructions
// a string).
class Output {
public:
    explicit Output(std::string& out) : out_(out), end_(out.size()) {}
    ~Output() { out_.resize(end_); }
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;

    // Room for n more bytes at the cursor; advance_to() says where the writing ended.
    char* room(std::size_t n) {
        if (end_ + n > out_.size()) [[unlikely]]
            grow(n);
        return out_.data() + end_;
    }
    void advance_to(const char* p) { end_ = static_cast<std::size_t>(p - out_.data()); }

    void put(char c) {
        *room(1) = c;
        ++end_;
    }
    void put(std::string_view s) {
        std::memcpy(room(s.size()), s.data(), s.size());
        end_ += s.size();
    }
    void put(std::size_t count, char c) {
        std::memset(room(count), c, count);
        end_ += count;
    }

private:
    [[gnu::noinline]] void grow(std::size_t n) {
        out_.resize(std::max({out_.size() * 2, end_ + n, kFirst}));
    }

    static constexpr std::size_t kFirst = 4096;
    std::string& out_;
    std::size_t end_;  // bytes written; out_ beyond it is room
};

// PHP's json_encode() without flags (or with JSON_PRETTY_PRINT), written directly: strings go
// out in runs of plain ASCII, so a 15 KB order graph is mostly memcpy.
class PhpJsonWriter {
public:
    PhpJsonWriter(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}

    bool write(const Value& v, int depth) {
        switch (v.GetType()) {
            case rapidjson::kNullType:
                out_.put("null");
                return true;
            case rapidjson::kFalseType:
                out_.put("false");
                return true;
            case rapidjson::kTrueType:
                out_.put("true");
                return true;
            case rapidjson::kNumberType:
                return number(v);
            case rapidjson::kStringType:
                return string(std::string_view(v.GetString(), v.GetStringLength()));
            case rapidjson::kArrayType: {
                if (v.Empty()) {
                    out_.put("[]");
                    return true;
                }
                out_.put('[');
                bool first = true;
                for (const auto& item : v.GetArray()) {
                    separator(first, depth + 1);
                    if (!write(item, depth + 1)) return false;
                }
                newline(depth);
                out_.put(']');
                return true;
            }
            case rapidjson::kObjectType: {
                if (v.MemberCount() == 0) {
                    out_.put("{}");
                    return true;
                }
                out_.put('{');
                bool first = true;
                for (const auto& m : v.GetObject()) {
                    separator(first, depth + 1);
                    if (!string(std::string_view(m.name.GetString(), m.name.GetStringLength()))) {
                        return false;
                    }
                    out_.put(':');
                    if (pretty_) out_.put(' ');
                    if (!write(m.value, depth + 1)) return false;
                }
                newline(depth);
                out_.put('}');
                return true;
            }
        }
        error = "Type is not supported";
        return false;
    }

    std::string error;

private:
    void separator(bool& first, int depth) {
        if (!first) out_.put(',');
        first = false;
        newline(depth);
    }

    void newline(int depth) {
        if (!pretty_) return;
        out_.put('\n');
        out_.put(static_cast<std::size_t>(depth) * 4, ' ');
    }

    bool number(const Value& v) {
        char buf[32];
        if (v.IsInt64() || v.IsUint64()) {
            auto r = v.IsInt64() ? std::to_chars(buf, buf + sizeof buf, v.GetInt64())
                                 : std::to_chars(buf, buf + sizeof buf, v.GetUint64());
            out_.put(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
            return true;
        }
        const double d = v.GetDouble();
        if (!std::isfinite(d)) {
            error = "Inf and NaN cannot be JSON encoded";
            return false;
        }
        out_.put(php_double(d));
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

    // Whether the 8 bytes of w are all plain, so that the scan takes a word at a time. Bit
    // tricks from "Bit Twiddling Hacks": a byte equal to b, or below 0x20, sets its top bit in
    // the mask; bytes from 0x80 up are caught by their own top bit.
    static bool plain8(std::uint64_t w) {
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
        constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
        const auto equal_to = [w](unsigned char b) {
            const std::uint64_t x = w ^ (kOnes * b);
            return (x - kOnes) & ~x & kHigh;
        };
        const std::uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
        return ((w & kHigh) | below_space | equal_to('"') | equal_to('\\') | equal_to('/')) == 0;
    }

    static char* hex4(char* p, unsigned code) {
        static constexpr char kHex[] = "0123456789abcdef";
        *p++ = '\\';
        *p++ = 'u';
        for (int shift = 12; shift >= 0; shift -= 4) *p++ = kHex[(code >> shift) & 0xF];
        return p;
    }

    static char* two(char* p, char escaped) {
        *p++ = '\\';
        *p++ = escaped;
        return p;
    }

    // The bytes s[0, n) for n in 1..7 as one word for plain8(), by overlapping loads that stay
    // inside the string; the word's other bytes are a plain 'a'.
    static std::uint64_t short_word(const char* s, std::size_t n) {
        constexpr std::uint64_t kPlainFill = 0x6161616161616161ULL;
        if (n >= 4) {
            std::uint32_t head = 0;
            std::uint32_t tail = 0;
            std::memcpy(&head, s, 4);
            std::memcpy(&tail, s + n - 4, 4);
            return head | (std::uint64_t{tail} << 32);
        }
        if (n >= 2) {
            std::uint16_t head = 0;
            std::uint16_t tail = 0;
            std::memcpy(&head, s, 2);
            std::memcpy(&tail, s + n - 2, 2);
            return (kPlainFill << 32) | head | (std::uint64_t{tail} << 16);
        }
        return (kPlainFill << 8) | static_cast<unsigned char>(s[0]);
    }

    // Copies s[0, n) for n in 1..7 with the same overlapping pieces.
    static void copy_short(char* p, const char* s, std::size_t n) {
        if (n >= 4) {
            std::memcpy(p, s, 4);
            std::memcpy(p + n - 4, s + n - 4, 4);
        } else if (n >= 2) {
            std::memcpy(p, s, 2);
            std::memcpy(p + n - 2, s + n - 2, 2);
        } else {
            *p = *s;
        }
    }

    // Copies the plain bytes at the start of s, returning how many. A string without anything to
    // escape — nearly every key and value — is checked and copied in whole words: under 8 bytes
    // by overlapping loads, otherwise word by word with the last word overlapping the one before.
    static std::size_t copy_plain_prefix(char* p, std::string_view s) {
        const char* in = s.data();
        const std::size_t n = s.size();
        if (n < 8) {
            if (n == 0 || !plain8(short_word(in, n))) return 0;
            copy_short(p, in, n);
            return n;
        }
        std::size_t i = 0;
        std::uint64_t w = 0;
        for (; i + 8 <= n; i += 8) {
            std::memcpy(&w, in + i, sizeof w);
            if (!plain8(w)) return i;
            std::memcpy(p + i, &w, sizeof w);
        }
        if (i == n) return n;
        std::memcpy(&w, in + n - 8, sizeof w);
        if (!plain8(w)) return i;
        std::memcpy(p + n - 8, &w, sizeof w);  // rewrites bytes already copied, unchanged
        return n;
    }

    bool string(std::string_view s) {
        // Six output bytes per input byte at most ("\u001f"; a 4-byte sequence is 12).
        char* p = out_.room(s.size() * 6 + 2);
        *p++ = '"';
        std::size_t i = copy_plain_prefix(p, s);
        p += i;
        while (i < s.size()) {
            // Plain bytes are copied as they are scanned: words, then single bytes.
            for (std::uint64_t w; i + 8 <= s.size(); i += 8, p += 8) {
                std::memcpy(&w, s.data() + i, sizeof w);
                if (!plain8(w)) break;
                std::memcpy(p, &w, sizeof w);
            }
            while (i < s.size() && plain(static_cast<unsigned char>(s[i]))) *p++ = s[i++];
            if (i == s.size()) break;
            const unsigned char c = static_cast<unsigned char>(s[i]);
            if (c >= 0x80) {
                const long cp = next_code_point(s, i);
                if (cp < 0) {
                    out_.advance_to(p);
                    error = kMalformed;
                    return false;
                }
                if (cp >= 0x10000) {
                    const long v = cp - 0x10000;
                    p = hex4(p, static_cast<unsigned>(0xD800 + (v >> 10)));
                    p = hex4(p, static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
                } else {
                    p = hex4(p, static_cast<unsigned>(cp));
                }
                continue;
            }
            ++i;
            switch (c) {
                case '"':
                    p = two(p, '"');
                    break;
                case '\\':
                    p = two(p, '\\');
                    break;
                case '/':
                    p = two(p, '/');
                    break;
                case '\b':
                    p = two(p, 'b');
                    break;
                case '\f':
                    p = two(p, 'f');
                    break;
                case '\n':
                    p = two(p, 'n');
                    break;
                case '\r':
                    p = two(p, 'r');
                    break;
                case '\t':
                    p = two(p, 't');
                    break;
                default:
                    p = hex4(p, c);
                    break;
            }
        }
        *p++ = '"';
        out_.advance_to(p);
        return true;
    }

    Output out_;
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
