#include <cartpress/json/json_writer.hpp>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace cartpress::json {
namespace {

// Output stream for RapidJSON's Writer that turns its escaping into PHP's: `/` becomes `\/`
// and the four hex digits after `\u` are lowercased. The writer only emits `/` inside strings,
// so escaping it here is safe.
class PhpEscapingStream {
public:
    using Ch = char;
    explicit PhpEscapingStream(std::string& out) : out_(out) {}

    void Put(char c) {
        switch (state_) {
            case State::kNormal:
                if (c == '\\') {
                    state_ = State::kEscape;
                } else if (c == '/') {
                    out_.push_back('\\');
                }
                break;
            case State::kEscape:
                state_ = c == 'u' ? State::kHex : State::kNormal;
                hex_left_ = 4;
                break;
            case State::kHex:
                if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
                if (--hex_left_ == 0) state_ = State::kNormal;
                break;
        }
        out_.push_back(c);
    }
    void Flush() {}

private:
    enum class State { kNormal, kEscape, kHex };
    std::string& out_;
    State state_ = State::kNormal;
    int hex_left_ = 0;
};

// RapidJSON's encoders call these unqualified; ADL finds them for our stream type.
inline void PutUnsafe(PhpEscapingStream& stream, char c) { stream.Put(c); }
inline void PutReserve(PhpEscapingStream&, std::size_t) {}

template <class Writer>
bool write_value(Writer& w, const Value& v, std::string& error) {
    switch (v.GetType()) {
        case rapidjson::kNullType:
            return w.Null();
        case rapidjson::kFalseType:
            return w.Bool(false);
        case rapidjson::kTrueType:
            return w.Bool(true);
        case rapidjson::kNumberType: {
            if (v.IsInt64()) return w.Int64(v.GetInt64());
            if (v.IsUint64()) return w.Uint64(v.GetUint64());
            const double d = v.GetDouble();
            if (!std::isfinite(d)) {
                error = "Inf and NaN cannot be JSON encoded";
                return false;
            }
            const std::string s = php_double(d);
            return w.RawValue(s.data(), s.size(), rapidjson::kNumberType);
        }
        case rapidjson::kStringType:
            if (!w.String(v.GetString(), v.GetStringLength())) {
                error = "Malformed UTF-8 characters, possibly incorrectly encoded";
                return false;
            }
            return true;
        case rapidjson::kArrayType:
            if (!w.StartArray()) return false;
            for (const auto& item : v.GetArray()) {
                if (!write_value(w, item, error)) return false;
            }
            return w.EndArray();
        case rapidjson::kObjectType:
            if (!w.StartObject()) return false;
            for (const auto& m : v.GetObject()) {
                if (!w.Key(m.name.GetString(), m.name.GetStringLength())) {
                    error = "Malformed UTF-8 characters, possibly incorrectly encoded";
                    return false;
                }
                if (!write_value(w, m.value, error)) return false;
            }
            return w.EndObject();
    }
    return false;
}

using CompactWriter = rapidjson::Writer<PhpEscapingStream, rapidjson::UTF8<>, rapidjson::ASCII<>>;
using PrettyWriter =
    rapidjson::PrettyWriter<PhpEscapingStream, rapidjson::UTF8<>, rapidjson::ASCII<>>;

}  // namespace

core::Result<void, EncodeError> encode_to(std::string& out, const Value& value, bool pretty) {
    PhpEscapingStream stream(out);
    std::string error;
    bool ok;
    if (pretty) {
        PrettyWriter w(stream);
        w.SetIndent(' ', 4);
        ok = write_value(w, value, error);
    } else {
        CompactWriter w(stream);
        ok = write_value(w, value, error);
    }
    if (!ok) {
        return core::fail(EncodeError{error.empty() ? "Type is not supported" : error});
    }
    return {};
}

core::Result<std::string, EncodeError> encode(const Value& value, bool pretty) {
    std::string out;
    out.reserve(256);
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
