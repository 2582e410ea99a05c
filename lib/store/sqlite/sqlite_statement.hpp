// The SQLite engine's statements, on SQLite's own C interface.
#pragma once

#include "store/statement.hpp"

#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace expeer {

// SQLite's result code (primary or extended) and message as a StoreFailure.
StoreFailure sqlite_failure(int code, const std::string& message);

class SqliteStatement final : public StatementEngine {
public:
    SqliteStatement(sqlite3* db, const std::string& sql);
    ~SqliteStatement() override;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    void bind_null(int index) override;
    void bind_integer(int index, std::int64_t value) override;
    void bind_real(int index, double value) override;
    void bind_text(int index, std::string_view value, bool copy) override;
    bool step() override;
    std::int64_t changes() override;
    bool is_null(int column) override;
    std::int64_t integer(int column) override;
    double real(int column) override;
    std::string text(int column) override;
    std::string_view text_view(int column) override;
    void reset() override;
    int column_count() override;
    std::string column_name(int column) override;
    ValueKind kind(int column) override;

private:
    void check(int code) const;
    void require_row() const;

    sqlite3* db_;
    sqlite3_stmt* statement_ = nullptr;
    bool has_row_ = false;
    // Past its last row until reset: SQLite would run it again from the start, unasked.
    bool done_ = false;
};

} // namespace expeer
