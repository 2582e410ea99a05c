// Optional values in and out of SQL, for the stores: NULL is "none".
#pragma once

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>

namespace expeer {

inline std::optional<std::string> optional_text(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getString();
}

inline std::optional<std::int64_t> optional_integer(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getInt64();
}

// Binds without copying: `value` must outlive the statement's execution.
inline void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::string>& value) {
    if (value) statement.bindNoCopy(index, *value);
    else statement.bind(index);
}

inline void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::int64_t>& value) {
    if (value) statement.bind(index, *value);
    else statement.bind(index);
}

} // namespace expeer
