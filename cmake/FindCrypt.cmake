# libxcrypt: crypt_rn for bcrypt and the other system hash formats.
find_path(CRYPT_INCLUDE_DIR crypt.h)
find_library(CRYPT_LIBRARY NAMES crypt)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Crypt DEFAULT_MSG CRYPT_LIBRARY CRYPT_INCLUDE_DIR)
if(Crypt_FOUND AND NOT TARGET Crypt::Crypt)
    add_library(Crypt::Crypt UNKNOWN IMPORTED)
    set_target_properties(Crypt::Crypt PROPERTIES
        IMPORTED_LOCATION "${CRYPT_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${CRYPT_INCLUDE_DIR}")
endif()
