# Header-only; included as SYSTEM because RapidJSON 1.1 headers do not pass -Werror.
find_path(RAPIDJSON_INCLUDE_DIR rapidjson/document.h)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(RapidJSON DEFAULT_MSG RAPIDJSON_INCLUDE_DIR)
if(RapidJSON_FOUND AND NOT TARGET RapidJSON::RapidJSON)
    add_library(RapidJSON::RapidJSON INTERFACE IMPORTED)
    set_target_properties(RapidJSON::RapidJSON PROPERTIES
        INTERFACE_SYSTEM_INCLUDE_DIRECTORIES "${RAPIDJSON_INCLUDE_DIR}")
endif()
