#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/db/rows.hpp>
#include <cstddef>
#include <string>

namespace cartpress::db {

// A wide result costs per column on every execution (the server sends each column's metadata
// and converts each cell; Connector/C++ binds a buffer per column), and a UNION pads every branch
// to the widest. A query can instead send each row's cells as one JSON_ARRAY(...) column; this
// turns rows of (leading cells..., that array's text) back into ordinary rows of `width` cells
// (missing trailing cells are NULL). Every element becomes the text CAST(x AS CHAR) would give:
//   - strings unescaped; numbers exactly as written (a DECIMAL keeps its scale);
//   - null → NULL; true/false → "1"/"0" (MariaDB writes a boolean expression as a boolean);
//   - an object or array → its original text: MariaDB embeds a JSON-typed column unquoted.
//     A JSON-typed column holding a scalar cannot be told from a plain one: select such
//     columns as CAST(x AS CHAR), which MariaDB quotes like any string.
// Fails when the last cell is not a JSON array or a row has more than `width` cells.
core::Result<Rows, std::string> expand_json_array_rows(const Rows& rows, std::size_t width);

}  // namespace cartpress::db
