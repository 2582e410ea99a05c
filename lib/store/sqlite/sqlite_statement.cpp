#include "store/sqlite/sqlite_statement.hpp"

#include <sqlite3.h>

#include <stdexcept>

namespace expeer {

StoreFailure sqlite_failure(int code, const std::string& message) {
    using Kind = StoreFailure::Kind;
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {Kind::busy, message};
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return {Kind::not_a_database, message};
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        return {Kind::cannot_write, message};
    case SQLITE_FULL:
    case SQLITE_IOERR:
        return {Kind::io, message};
    default:
        return {Kind::other, message};
    }
}

SqliteStatement::SqliteStatement(sqlite3* db, const std::string& sql) : db_(db) {
    // The length includes the terminating zero: SQLite then need not copy the text.
    check(sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size() + 1), &statement_, nullptr));
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

void SqliteStatement::check(int code) const {
    if (code != SQLITE_OK) throw sqlite_failure(code, sqlite3_errmsg(db_));
}

void SqliteStatement::bind_null(int index) { check(sqlite3_bind_null(statement_, index)); }

void SqliteStatement::bind_integer(int index, std::int64_t value) {
    check(sqlite3_bind_int64(statement_, index, value));
}

void SqliteStatement::bind_real(int index, double value) {
    check(sqlite3_bind_double(statement_, index, value));
}

void SqliteStatement::bind_text(int index, std::string_view value, bool copy) {
    // A non-null pointer even for "": a null one would bind NULL.
    check(sqlite3_bind_text64(statement_, index, value.empty() ? "" : value.data(), value.size(),
                              copy ? SQLITE_TRANSIENT : SQLITE_STATIC, SQLITE_UTF8));
}

bool SqliteStatement::step() {
    has_row_ = false;
    if (!statement_ || done_) return false; // only blanks or a comment, or read to the end
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return has_row_ = true;
    if (code == SQLITE_DONE) {
        done_ = true;
        return false;
    }
    throw sqlite_failure(code, sqlite3_errmsg(db_));
}

std::int64_t SqliteStatement::changes() { return sqlite3_changes64(db_); }

void SqliteStatement::require_row() const {
    // A bug, not bad input: SQLite would answer NULL without a word.
    if (!has_row_) throw std::logic_error("a column read where the statement has no row");
}

bool SqliteStatement::is_null(int column) {
    require_row();
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t SqliteStatement::integer(int column) {
    require_row();
    return sqlite3_column_int64(statement_, column);
}

double SqliteStatement::real(int column) {
    require_row();
    return sqlite3_column_double(statement_, column);
}

std::string SqliteStatement::text(int column) { return std::string(text_view(column)); }

std::string_view SqliteStatement::text_view(int column) {
    require_row();
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    if (!text) return {};
    return {text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))};
}

int SqliteStatement::column_count() { return sqlite3_column_count(statement_); }

std::string SqliteStatement::column_name(int column) {
    const char* name = sqlite3_column_name(statement_, column);
    return name ? name : "";
}

ValueKind SqliteStatement::kind(int column) {
    require_row();
    switch (sqlite3_column_type(statement_, column)) {
    case SQLITE_NULL: return ValueKind::null;
    case SQLITE_INTEGER: return ValueKind::integer;
    case SQLITE_FLOAT: return ValueKind::real;
    default: return ValueKind::text;
    }
}

void SqliteStatement::reset() {
    has_row_ = false;
    done_ = false;
    sqlite3_reset(statement_); // its code is the last step's, already thrown
    sqlite3_clear_bindings(statement_);
}

} // namespace expeer
