// Fuzzes what a client controls before any route runs: the JSON body reader and the PHP
// query/form parser (with the UTF-8 check that follows them).

#include <cartpress/http/form_data.hpp>
#include <cartpress/json/json_reader.hpp>
#include <cartpress/json/json_writer.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    cartpress::json::Document body;
    if (cartpress::json::decode(input, body)) {
        // Anything the reader accepts, the writer must encode (it came in as valid UTF-8).
        if (!cartpress::json::encode(body)) __builtin_trap();
    }
    cartpress::json::Document form;
    form.SetObject();
    cartpress::http::parse_php_query(input, form, form.GetAllocator());
    (void)cartpress::http::all_strings_valid_utf8(form);
    return 0;
}
