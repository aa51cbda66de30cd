# One INTERFACE target carries the project's warning and language flags (STYLE.md §1).
add_library(cartpress_compiler_options INTERFACE)
add_library(cartpress::compiler_options ALIAS cartpress_compiler_options)
target_compile_options(cartpress_compiler_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Wno-missing-field-initializers
    $<$<BOOL:${CARTPRESS_WERROR}>:-Werror>
    # GCC 12 reports false -Wrestrict overlaps inside std::string at -O2 (GCC bug 105651)
    # and false -Wmaybe-uninitialized inside std::variant moves at -O2 (GCC bugs 105593, 107138).
    $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
    $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
target_compile_definitions(cartpress_compiler_options INTERFACE
    CARTPRESS_VERSION="${PROJECT_VERSION}")
option(CARTPRESS_WERROR "Treat warnings as errors" ON)
