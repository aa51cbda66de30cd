// libFuzzer target for the PHP unserializer, which reads database values an attacker with
// write access to usermeta or options could shape. Build (not wired into CMake), e.g.:
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I include \
//       src/core/php_serialize.cpp tests/fuzz/php_unserialize_fuzz.cpp -o php_unserialize_fuzz
// Besides memory errors, it checks that serialize(unserialize(x)) is a fixed point: PHP may
// normalise the first time (integer-like string keys, duplicate keys, "i:+5", "d:1e3"), never
// the second.

#include <cartpress/core/php_serialize.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "php_unserialize_fuzz: %s\n", what);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using cartpress::core::php_serialize;
    using cartpress::core::php_unserialize;

    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto first = php_unserialize(input);
    if (!first) return 0;

    const std::string once = php_serialize(*first);
    const auto second = php_unserialize(once);
    if (!second) fail("serialize() output does not unserialize");
    const std::string twice = php_serialize(*second);
    if (twice != once) fail("serialize(unserialize(x)) is not idempotent");
    // NAN compares unequal to itself, so compare values only through their serialized bytes
    // above; a value without doubles must also compare equal structurally.
    if (once.find("d:") == std::string::npos && !(*first == *second)) {
        fail("re-parsed value differs");
    }
    return 0;
}
