# -DCARTPRESS_SANITIZE="address;undefined" builds a sanitized tree (scripts/test uses it).
set(CARTPRESS_SANITIZE "" CACHE STRING "Sanitizers to enable, e.g. address;undefined")
if(CARTPRESS_SANITIZE)
    list(JOIN CARTPRESS_SANITIZE "," _cartpress_sanitizers)
    target_compile_options(cartpress_compiler_options INTERFACE
        -fsanitize=${_cartpress_sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(cartpress_compiler_options INTERFACE -fsanitize=${_cartpress_sanitizers})
endif()
