#pragma once

// The only header that includes RapidJSON: every translation unit sees the same configuration.
// RAPIDJSON_ASSERT throws instead of asserting, so a type confusion (GetInt() on a string) is a
// caught error in release builds too, not undefined behaviour with NDEBUG.

#include <stdexcept>

namespace cartpress::json {
struct AssertionFailure : std::logic_error {
    using std::logic_error::logic_error;
};
}  // namespace cartpress::json

#ifndef RAPIDJSON_ASSERT
#define RAPIDJSON_ASSERT(x)                                                    \
    do {                                                                       \
        if (!(x)) throw ::cartpress::json::AssertionFailure("rapidjson: " #x); \
    } while (false)
#endif
#define RAPIDJSON_NOEXCEPT_ASSERT(x) ((void)0)
#define RAPIDJSON_HAS_STDSTRING 1

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace cartpress::json {

using Document = rapidjson::Document;
using Value = rapidjson::Value;
using Allocator = rapidjson::Document::AllocatorType;

// A string Value that copies its bytes into the document's allocator.
inline Value str(std::string_view s, Allocator& a) {
    return Value(s.data(), static_cast<rapidjson::SizeType>(s.size()), a);
}

// A deep copy of `v` in `a`. RapidJSON 1.1's copy constructor copies objects and arrays through
// a temporary SAX document (a heap stack per copy); this walks the value directly.
Value copy(const Value& v, Allocator& a);

inline std::string_view view(const Value& v) {
    return std::string_view(v.GetString(), v.GetStringLength());
}

}  // namespace cartpress::json
