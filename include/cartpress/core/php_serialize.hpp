#pragma once

// Values in PHP's serialize() format, as WordPress stores them in usermeta and options
// (application passwords, capabilities, role definitions). Only the scalar and array subset is
// supported: objects and references are refused because unserializing them is how PHP object
// injection works, and WordPress never writes them in the rows Cartpress reads.

#include <cartpress/core/result.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace cartpress::core {

// An array key: an integer or a byte string. PHP stores a string key that spells a canonical
// decimal integer ("5", "-3"; not "05", "+5" or "-0") as that integer, so "5" and 5 name the same
// slot. PhpKey normalises the same way, which keeps lookups and re-serialization in step with PHP.
class PhpKey {
public:
    explicit PhpKey(std::int64_t index) : key_(index) {}
    explicit PhpKey(std::string_view name);

    bool is_int() const { return key_.index() == 0; }
    bool is_string() const { return key_.index() == 1; }
    // Preconditions: is_int() / is_string() (otherwise std::bad_variant_access).
    std::int64_t as_int() const { return std::get<0>(key_); }
    const std::string& as_string() const { return std::get<1>(key_); }

    bool operator==(const PhpKey& other) const { return key_ == other.key_; }

private:
    std::variant<std::int64_t, std::string> key_;
};

class PhpValue {
public:
    using Entry = std::pair<PhpKey, PhpValue>;
    // PHP arrays are ordered maps; order is part of the serialized bytes, so keep a list.
    using Array = std::vector<Entry>;

    enum class Type { kNull, kBool, kInt, kDouble, kString, kArray };

    PhpValue() = default;  // null

    static PhpValue null() { return PhpValue(); }
    static PhpValue from_bool(bool value);
    static PhpValue from_int(std::int64_t value);
    static PhpValue from_double(double value);
    static PhpValue from_string(std::string bytes);
    static PhpValue empty_array();
    // Later duplicates of a key overwrite the earlier entry in place, as PHP's array literal does.
    static PhpValue from_entries(Array entries);

    Type type() const { return static_cast<Type>(value_.index()); }
    bool is_null() const { return type() == Type::kNull; }
    bool is_bool() const { return type() == Type::kBool; }
    bool is_int() const { return type() == Type::kInt; }
    bool is_double() const { return type() == Type::kDouble; }
    bool is_string() const { return type() == Type::kString; }
    bool is_array() const { return type() == Type::kArray; }

    // Preconditions: the matching is_*() holds (otherwise std::bad_variant_access).
    bool as_bool() const { return std::get<bool>(value_); }
    std::int64_t as_int() const { return std::get<std::int64_t>(value_); }
    double as_double() const { return std::get<double>(value_); }
    const std::string& as_string() const { return std::get<std::string>(value_); }
    const Array& as_array() const { return std::get<Array>(value_); }
    Array& as_array() { return std::get<Array>(value_); }

    // An int, or a string spelling a decimal integer ("-12", "+7", "007") that fits in int64:
    // WordPress sometimes stores integers as strings (e.g. after a form round trip).
    std::optional<std::int64_t> to_int() const;

    // PHP's (bool) cast: null, false, 0, 0.0, -0.0, "", "0" and the empty array are false;
    // everything else (including "0.0", " " and NAN) is true.
    bool truthy() const;

    // Array lookups; nullptr when this is not an array or the key is absent. A string key that
    // spells a canonical integer finds the integer key, as $a["5"] does in PHP.
    const PhpValue* find(std::string_view key) const;
    const PhpValue* find(std::int64_t key) const;
    const PhpValue* find(const PhpKey& key) const;
    PhpValue* find(std::string_view key);
    PhpValue* find(std::int64_t key);
    PhpValue* find(const PhpKey& key);

    // $a[key] = value: replaces the value of an existing key where it stands (position kept),
    // else appends. A null value first becomes an empty array, like PHP's auto-vivification.
    // Precondition: is_array() or is_null() (otherwise std::logic_error).
    // Returns the stored value.
    PhpValue& set(std::string_view key, PhpValue value);
    PhpValue& set(std::int64_t key, PhpValue value);
    PhpValue& set(const PhpKey& key, PhpValue value);

    // $a[] = value: the key is one more than the largest integer key, but at least 0 (the
    // PHP <= 8.2 rule; 8.3 would continue after a negative maximum). PHP also remembers keys
    // removed since the array was built; a freshly unserialized array has none, which is the
    // case Cartpress meets. Same precondition as set().
    PhpValue& append(PhpValue value);

    // unset($a[key]); returns whether an entry was removed. No-op unless is_array().
    bool erase(const PhpKey& key);

    // Entry count of an array, 0 for anything else.
    std::size_t size() const;

    // Structural equality, in order; doubles compare with == (so NAN != NAN, 0.0 == -0.0).
    bool operator==(const PhpValue& other) const;

private:
    // The alternative order matches Type.
    std::variant<std::monostate, bool, std::int64_t, double, std::string, Array> value_;
};

// Parses one complete value. Accepts N; b:0; b:1; i:<int>; d:<float|INF|-INF|NAN>;
// s:<bytes>:"<bytes>"; and a:<n>:{<key><value>...} with int or string keys. Refuses objects
// (O: C: o: E:), references (r: R:), escaped strings (S:), integers outside int64, arrays nested
// deeper than kPhpMaxDepth, and anything malformed or followed by trailing bytes. The error text
// names the problem and its byte offset (for logs; never shown to clients).
inline constexpr int kPhpMaxDepth = 64;
Result<PhpValue, std::string> php_unserialize(std::string_view input);

// Byte-identical to PHP 8 serialize() with the default serialize_precision = -1.
std::string php_serialize(const PhpValue& value);

}  // namespace cartpress::core
