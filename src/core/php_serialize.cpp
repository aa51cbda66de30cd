#include <algorithm>
#include <cartpress/core/php_serialize.hpp>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <system_error>
#include <unordered_map>

namespace cartpress::core {

namespace {

// The shortest array element is `i:0;N;`. Bounding a declared count by the bytes left keeps a
// hostile `a:999999999:{` from being believed.
constexpr std::size_t kMinEntryBytes = 6;
// Reserve at most this many entries up front: nested arrays each declaring a count near the
// input size would otherwise multiply the reservation by the depth before any entry is seen.
constexpr std::size_t kMaxReserve = 64;
// Above this many entries, duplicate-key detection uses hash maps instead of a linear scan, so
// a large array cannot make parsing quadratic.
constexpr std::size_t kLinearScanLimit = 16;

constexpr std::uint64_t kInt64MaxMagnitude = std::numeric_limits<std::int64_t>::max();
constexpr std::uint64_t kInt64MinMagnitude = kInt64MaxMagnitude + 1;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Magnitude within limit, or nullopt on a non-digit, empty input or overflow.
std::optional<std::uint64_t> parse_magnitude(std::string_view digits, std::uint64_t limit) {
    if (digits.empty()) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : digits) {
        if (!is_digit(c)) return std::nullopt;
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (value > (limit - digit) / 10) return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

std::int64_t apply_sign(std::uint64_t magnitude, bool negative) {
    // Unsigned negation then conversion is well defined in C++20 and reaches INT64_MIN.
    return negative ? static_cast<std::int64_t>(0 - magnitude)
                    : static_cast<std::int64_t>(magnitude);
}

// PHP's rule for turning a string array key into an integer key: optional '-', digits without a
// leading zero (a lone "0" is fine, "-0" is not), value within int64.
std::optional<std::int64_t> canonical_int_key(std::string_view s) {
    const bool negative = !s.empty() && s.front() == '-';
    const std::string_view digits = negative ? s.substr(1) : s;
    if (digits.empty() || (digits.front() == '0' && (digits.size() > 1 || negative))) {
        return std::nullopt;
    }
    const auto magnitude =
        parse_magnitude(digits, negative ? kInt64MinMagnitude : kInt64MaxMagnitude);
    if (!magnitude) return std::nullopt;
    return apply_sign(*magnitude, negative);
}

// Optional sign then decimal digits, the `iv` of PHP's unserializer.
std::optional<std::int64_t> parse_signed(std::string_view s) {
    bool negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    const auto magnitude = parse_magnitude(s, negative ? kInt64MinMagnitude : kInt64MaxMagnitude);
    if (!magnitude) return std::nullopt;
    return apply_sign(*magnitude, negative);
}

void append_int(std::string& out, std::int64_t value) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof(buf), value);
    out.append(buf, res.ptr);
}

// PHP 8 serialize() writes a double through its gcvt with serialize_precision = -1, which means:
// digits = the shortest decimal string that reads back to the same double (Gay's dtoa mode 0;
// std::to_chars without a precision makes the same shortest-then-closest choice), then a layout
// decided by decpt = (decimal exponent + 1) with a fixed 17-digit threshold:
//   * decpt > 17 or decpt < -3 -> "D.DDDE+X" / "D.DDDE-X": one digit, '.', the remaining digits or
//     a single "0" when there are none, 'E', an explicit sign and the exponent without padding
//     (1e25 -> "1.0E+25", 1.5e-7 -> "1.5E-7", 1e17 -> "1.0E+17");
//   * otherwise plain notation, with no ".0" for whole numbers (serialize does not ask for a zero
//     fraction, unlike var_export): 1.0 -> "1", 1e16 -> "10000000000000000", 0.1 -> "0.1",
//     0.0001 -> "0.0001", 1e-5 -> "1.0E-5";
//   * a negative sign is kept, including on zero: -0.0 -> "-0";
//   * infinities are "INF" / "-INF" and every NaN is "NAN" (no sign).
void append_php_double(std::string& out, double value) {
    if (std::isnan(value)) {
        out += "NAN";
        return;
    }
    if (std::isinf(value)) {
        out += value < 0 ? "-INF" : "INF";
        return;
    }
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof(buf), value, std::chars_format::scientific);
    std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));  // e.g. "-1.25e+02"
    if (sci.front() == '-') {
        out += '-';
        sci.remove_prefix(1);
    }
    const std::size_t e_pos = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, e_pos)) {
        if (c != '.') digits += c;
    }
    const int exponent = static_cast<int>(*parse_signed(sci.substr(e_pos + 1)));
    const int decpt = exponent + 1;

    if (decpt > 17 || decpt < -3) {
        out += digits[0];
        out += '.';
        out += digits.size() > 1 ? std::string_view(digits).substr(1) : std::string_view("0");
        out += 'E';
        out += exponent < 0 ? '-' : '+';
        append_int(out, exponent < 0 ? -exponent : exponent);
    } else if (decpt <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-decpt), '0');
        out += digits;
    } else {
        const auto int_len = static_cast<std::size_t>(decpt);
        if (digits.size() <= int_len) {
            out += digits;
            out.append(int_len - digits.size(), '0');
        } else {
            out.append(digits, 0, int_len);
            out += '.';
            out.append(digits, int_len);
        }
    }
}

void append_string(std::string& out, std::string_view bytes) {
    out += "s:";
    append_int(out, static_cast<std::int64_t>(bytes.size()));
    out += ":\"";
    out += bytes;
    out += "\";";
}

void append_value(std::string& out, const PhpValue& value) {
    switch (value.type()) {
        case PhpValue::Type::kNull:
            out += "N;";
            return;
        case PhpValue::Type::kBool:
            out += value.as_bool() ? "b:1;" : "b:0;";
            return;
        case PhpValue::Type::kInt:
            out += "i:";
            append_int(out, value.as_int());
            out += ';';
            return;
        case PhpValue::Type::kDouble:
            out += "d:";
            append_php_double(out, value.as_double());
            out += ';';
            return;
        case PhpValue::Type::kString:
            append_string(out, value.as_string());
            return;
        case PhpValue::Type::kArray: {
            const auto& entries = value.as_array();
            out += "a:";
            append_int(out, static_cast<std::int64_t>(entries.size()));
            out += ":{";
            for (const auto& [key, item] : entries) {
                if (key.is_int()) {
                    out += "i:";
                    append_int(out, key.as_int());
                    out += ';';
                } else {
                    append_string(out, key.as_string());
                }
                append_value(out, item);
            }
            out += '}';
            return;
        }
    }
}

// Index of key in entries, or entries.size().
std::size_t position_of(const PhpValue::Array& entries, const PhpKey& key) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].first == key) return i;
    }
    return entries.size();
}

// Recursive-descent parser over the input bytes. Failure is a bool plus error_ rather than a
// Result per call, which keeps the recursion light.
class Parser {
public:
    explicit Parser(std::string_view input) : in_(input) {}

    Result<PhpValue, std::string> parse_document() {
        PhpValue value;
        if (!parse_value(value, 0)) return fail(std::move(error_));
        if (pos_ != in_.size()) {
            fail_here("trailing bytes after the value");
            return fail(std::move(error_));
        }
        return value;
    }

private:
    bool fail_here(std::string_view what) {
        error_ = std::string(what) + " at offset " + std::to_string(pos_);
        return false;
    }

    bool at_end() const { return pos_ >= in_.size(); }
    std::size_t remaining() const { return in_.size() - pos_; }

    bool expect(char c) {
        if (at_end() || in_[pos_] != c) {
            return fail_here(std::string("expected '") + c + "'");
        }
        ++pos_;
        return true;
    }

    // Consumes bytes up to (not including) the terminator and returns them.
    bool take_until(char terminator, std::string_view& out) {
        const std::size_t end = in_.find(terminator, pos_);
        if (end == std::string_view::npos) {
            return fail_here(std::string("missing '") + terminator + "'");
        }
        out = in_.substr(pos_, end - pos_);
        pos_ = end;
        return true;
    }

    // Decimal digits only (PHP's `uiv`), used for lengths and counts.
    bool parse_count(char terminator, std::size_t& out) {
        const std::size_t start = pos_;
        std::string_view text;
        if (!take_until(terminator, text)) return false;
        const auto value = parse_magnitude(text, in_.size());
        if (!value) {
            pos_ = start;
            return fail_here("invalid length or count");
        }
        out = static_cast<std::size_t>(*value);
        return expect(terminator);
    }

    bool parse_int_body(std::int64_t& out) {
        const std::size_t start = pos_;
        std::string_view text;
        if (!take_until(';', text)) return false;
        const auto value = parse_signed(text);
        if (!value) {
            pos_ = start;
            return fail_here("invalid or out-of-range integer");
        }
        out = *value;
        return expect(';');
    }

    bool parse_double_body(double& out) {
        const std::size_t start = pos_;
        std::string_view text;
        if (!take_until(';', text)) return false;
        if (text == "NAN") {
            out = std::numeric_limits<double>::quiet_NaN();
        } else if (text == "INF" || text == "-INF") {
            out = text.front() == '-' ? -std::numeric_limits<double>::infinity()
                                      : std::numeric_limits<double>::infinity();
        } else if (!parse_decimal_float(text, out)) {
            pos_ = start;
            return fail_here("invalid float");
        }
        return expect(';');
    }

    // PHP's grammar: [+-]? (digits | digits? '.' digits | digits '.' digits?) ([eE] [+-]? digits)?
    static bool parse_decimal_float(std::string_view text, double& out) {
        std::size_t i = 0;
        bool negative = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
            negative = text[i] == '-';
            ++i;
        }
        const std::size_t number_start = i;
        std::size_t int_digits = 0;
        std::size_t frac_digits = 0;
        // Decimal exponent of the first significant digit, for out-of-range results below.
        std::int64_t magnitude = 0;
        bool seen_nonzero = false;
        while (i < text.size() && is_digit(text[i])) {
            if (seen_nonzero || text[i] != '0') {
                seen_nonzero = true;
                ++magnitude;
            }
            ++int_digits;
            ++i;
        }
        if (i < text.size() && text[i] == '.') {
            ++i;
            while (i < text.size() && is_digit(text[i])) {
                if (!seen_nonzero) {
                    if (text[i] == '0') {
                        --magnitude;
                    } else {
                        seen_nonzero = true;
                    }
                }
                ++frac_digits;
                ++i;
            }
        }
        if (int_digits + frac_digits == 0) return false;
        std::int64_t exponent = 0;
        if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
            ++i;
            bool exp_negative = false;
            if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
                exp_negative = text[i] == '-';
                ++i;
            }
            const std::size_t exp_start = i;
            while (i < text.size() && is_digit(text[i])) {
                // Saturate: anything this large is already far outside double's range.
                if (exponent < 100000) exponent = exponent * 10 + (text[i] - '0');
                ++i;
            }
            if (i == exp_start) return false;
            if (exp_negative) exponent = -exponent;
        }
        if (i != text.size()) return false;

        double value = 0;
        const char* first = text.data() + number_start;
        const char* last = text.data() + text.size();
        const auto res = std::from_chars(first, last, value, std::chars_format::general);
        if (res.ptr != last) return false;
        if (res.ec == std::errc::result_out_of_range) {
            // strtod (which PHP uses) gives infinity on overflow and zero on underflow; only
            // the order of magnitude decides which one this is.
            value = seen_nonzero && magnitude + exponent > 0
                        ? std::numeric_limits<double>::infinity()
                        : 0.0;
        } else if (res.ec != std::errc()) {
            return false;
        }
        out = negative ? -value : value;
        return true;
    }

    // s:<n>:"<n bytes>" (the caller consumes the ';').
    bool parse_string_body(std::string_view& out) {
        std::size_t length = 0;
        if (!parse_count(':', length)) return false;
        if (!expect('"')) return false;
        if (remaining() < length + 1) return fail_here("string runs past the end of the input");
        out = in_.substr(pos_, length);
        pos_ += length;
        return expect('"');
    }

    // Reads "<tag>:"; PHP has no whitespace or optional parts here.
    bool expect_tag(char tag) { return expect(tag) && expect(':'); }

    bool parse_key(PhpKey& out) {
        if (at_end()) return fail_here("missing array key");
        if (in_[pos_] == 'i') {
            std::int64_t index = 0;
            if (!expect_tag('i') || !parse_int_body(index)) return false;
            out = PhpKey(index);
            return true;
        }
        if (in_[pos_] == 's') {
            std::string_view name;
            if (!expect_tag('s') || !parse_string_body(name) || !expect(';')) return false;
            out = PhpKey(name);
            return true;
        }
        return fail_here("array key must be an integer or a string");
    }

    bool parse_array_body(PhpValue& out, int depth) {
        if (depth >= kPhpMaxDepth) return fail_here("arrays nested too deeply");
        std::size_t count = 0;
        if (!parse_count(':', count) || !expect('{')) return false;
        if (count > 0 && (remaining() == 0 || count > (remaining() - 1) / kMinEntryBytes)) {
            return fail_here("array count larger than the input can hold");
        }
        out = PhpValue::empty_array();
        PhpValue::Array& entries = out.as_array();
        entries.reserve(std::min(count, kMaxReserve));
        // Only filled for large arrays; see kLinearScanLimit.
        std::unordered_map<std::int64_t, std::size_t> int_slots;
        std::unordered_map<std::string, std::size_t> string_slots;
        const bool use_maps = count > kLinearScanLimit;

        for (std::size_t n = 0; n < count; ++n) {
            PhpKey key(std::int64_t{0});
            if (!parse_key(key)) return false;
            // PHP overwrites a repeated key in place, so the array may end up shorter than
            // its declared count; re-serialization then writes the real count, as PHP does.
            std::size_t slot = entries.size();
            if (use_maps) {
                slot = key.is_int() ? int_slots.try_emplace(key.as_int(), slot).first->second
                                    : string_slots.try_emplace(key.as_string(), slot).first->second;
            } else {
                slot = position_of(entries, key);
            }
            if (slot == entries.size()) entries.emplace_back(std::move(key), PhpValue());
            if (!parse_value(entries[slot].second, depth + 1)) return false;
        }
        return expect('}');
    }

    bool parse_value(PhpValue& out, int depth) {
        if (at_end()) return fail_here("unexpected end of input");
        switch (in_[pos_]) {
            case 'N':
                ++pos_;
                out = PhpValue::null();
                return expect(';');
            case 'b': {
                if (!expect_tag('b')) return false;
                if (at_end() || (in_[pos_] != '0' && in_[pos_] != '1')) {
                    return fail_here("boolean must be 0 or 1");
                }
                out = PhpValue::from_bool(in_[pos_] == '1');
                ++pos_;
                return expect(';');
            }
            case 'i': {
                std::int64_t value = 0;
                if (!expect_tag('i') || !parse_int_body(value)) return false;
                out = PhpValue::from_int(value);
                return true;
            }
            case 'd': {
                double value = 0;
                if (!expect_tag('d') || !parse_double_body(value)) return false;
                out = PhpValue::from_double(value);
                return true;
            }
            case 's': {
                std::string_view bytes;
                if (!expect_tag('s') || !parse_string_body(bytes) || !expect(';')) return false;
                out = PhpValue::from_string(std::string(bytes));
                return true;
            }
            case 'a':
                return expect_tag('a') && parse_array_body(out, depth);
            case 'O':
            case 'C':
            case 'o':
            case 'E':
                return fail_here("objects are not accepted");
            case 'r':
            case 'R':
                return fail_here("references are not accepted");
            case 'S':
                return fail_here("escaped strings (S:) are not accepted");
            default:
                return fail_here("unknown value type");
        }
    }

    std::string_view in_;
    std::size_t pos_ = 0;
    std::string error_;
};

}  // namespace

PhpKey::PhpKey(std::string_view name) {
    if (const auto index = canonical_int_key(name)) {
        key_ = *index;
    } else {
        key_ = std::string(name);
    }
}

PhpValue PhpValue::from_bool(bool value) {
    PhpValue v;
    v.value_ = value;
    return v;
}

PhpValue PhpValue::from_int(std::int64_t value) {
    PhpValue v;
    v.value_ = value;
    return v;
}

PhpValue PhpValue::from_double(double value) {
    PhpValue v;
    v.value_ = value;
    return v;
}

PhpValue PhpValue::from_string(std::string bytes) {
    PhpValue v;
    v.value_ = std::move(bytes);
    return v;
}

PhpValue PhpValue::empty_array() {
    PhpValue v;
    v.value_ = Array();
    return v;
}

PhpValue PhpValue::from_entries(Array entries) {
    PhpValue v = empty_array();
    for (auto& [key, item] : entries) v.set(key, std::move(item));
    return v;
}

std::optional<std::int64_t> PhpValue::to_int() const {
    if (is_int()) return as_int();
    if (is_string()) return parse_signed(as_string());
    return std::nullopt;
}

bool PhpValue::truthy() const {
    switch (type()) {
        case Type::kNull:
            return false;
        case Type::kBool:
            return as_bool();
        case Type::kInt:
            return as_int() != 0;
        case Type::kDouble:
            // NAN != 0.0 holds, and PHP's (bool)NAN is true as well.
            return as_double() != 0.0;
        case Type::kString:
            return !as_string().empty() && as_string() != "0";
        case Type::kArray:
            return !as_array().empty();
    }
    return false;
}

const PhpValue* PhpValue::find(const PhpKey& key) const {
    if (!is_array()) return nullptr;
    const Array& entries = as_array();
    const std::size_t i = position_of(entries, key);
    return i == entries.size() ? nullptr : &entries[i].second;
}

const PhpValue* PhpValue::find(std::string_view key) const { return find(PhpKey(key)); }
const PhpValue* PhpValue::find(std::int64_t key) const { return find(PhpKey(key)); }

PhpValue* PhpValue::find(const PhpKey& key) {
    return const_cast<PhpValue*>(static_cast<const PhpValue&>(*this).find(key));
}

PhpValue* PhpValue::find(std::string_view key) { return find(PhpKey(key)); }
PhpValue* PhpValue::find(std::int64_t key) { return find(PhpKey(key)); }

PhpValue& PhpValue::set(const PhpKey& key, PhpValue value) {
    if (is_null()) value_ = Array();
    if (!is_array()) throw std::logic_error("PhpValue::set on a non-array value");
    Array& entries = as_array();
    const std::size_t i = position_of(entries, key);
    if (i == entries.size()) {
        entries.emplace_back(key, std::move(value));
        return entries.back().second;
    }
    entries[i].second = std::move(value);
    return entries[i].second;
}

PhpValue& PhpValue::set(std::string_view key, PhpValue value) {
    return set(PhpKey(key), std::move(value));
}

PhpValue& PhpValue::set(std::int64_t key, PhpValue value) {
    return set(PhpKey(key), std::move(value));
}

PhpValue& PhpValue::append(PhpValue value) {
    if (is_null()) value_ = Array();
    if (!is_array()) throw std::logic_error("PhpValue::append on a non-array value");
    std::optional<std::int64_t> max_key;
    for (const auto& [key, item] : as_array()) {
        if (key.is_int() && (!max_key || key.as_int() > *max_key)) max_key = key.as_int();
    }
    // PHP refuses to append after INT64_MAX; so do we, rather than wrap to a negative key.
    if (max_key && *max_key == std::numeric_limits<std::int64_t>::max()) {
        throw std::logic_error("PhpValue::append: next integer key would overflow");
    }
    const std::int64_t next = max_key && *max_key >= 0 ? *max_key + 1 : 0;
    as_array().emplace_back(PhpKey(next), std::move(value));
    return as_array().back().second;
}

bool PhpValue::erase(const PhpKey& key) {
    if (!is_array()) return false;
    Array& entries = as_array();
    const std::size_t i = position_of(entries, key);
    if (i == entries.size()) return false;
    entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(i));
    return true;
}

std::size_t PhpValue::size() const { return is_array() ? as_array().size() : 0; }

bool PhpValue::operator==(const PhpValue& other) const { return value_ == other.value_; }

Result<PhpValue, std::string> php_unserialize(std::string_view input) {
    return Parser(input).parse_document();
}

std::string php_serialize(const PhpValue& value) {
    std::string out;
    append_value(out, value);
    return out;
}

}  // namespace cartpress::core
