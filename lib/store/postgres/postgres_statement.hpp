// The PostgreSQL engine's statements, on libpq. The stores write `?` (or `?N`) for
// parameters, as SQLite does; they become `$N` here. Parameters go as text, typed by what
// was bound (an integer, a real, a text; NULL leaves the type to the server); results come
// as text, read by the column's type.
#pragma once

#include "store/statement.hpp"

#include <string>
#include <vector>

struct pg_conn;
struct pg_result;

namespace expeer {

// A message of libpq or of the server on one line.
std::string postgres_message(const char* message);

// libpq's failure of `result` (or of the connection, without one) as a StoreFailure: the
// SQLSTATE says whether it is worth trying again.
StoreFailure postgres_failure(pg_conn* connection, const pg_result* result);

// SQL with SQLite's parameters (`?`, `?N`) written as PostgreSQL's (`$N`), outside quotes,
// identifiers and comments, and how many parameters it takes.
struct PostgresSql {
    std::string text;
    int parameters = 0;
    std::vector<bool> used; // by number, from 1: SQLite lets a statement skip one
};
PostgresSql postgres_sql(const std::string& sql);

class PostgresStatement final : public StatementEngine {
public:
    // A query's rows come all at once in one result, or, for a scan of many rows inside a
    // transaction, from a cursor a batch at a time (memory stays flat whatever the table).
    enum class Rows { at_once, in_batches };
    PostgresStatement(pg_conn* connection, const std::string& sql, Rows rows = Rows::at_once);
    ~PostgresStatement() override;
    PostgresStatement(const PostgresStatement&) = delete;
    PostgresStatement& operator=(const PostgresStatement&) = delete;

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
    struct Parameter {
        bool null = true;
        unsigned type = 0; // a PostgreSQL type oid; 0: the server infers it
        std::string value;
    };
    Parameter& parameter(int index);
    const char* cell(int column) const;
    void clear_result();
    pg_result* run(const std::vector<unsigned>& types, const std::vector<const char*>& values);
    pg_result* checked(pg_result* result);
    void fetch_batch();
    void close_cursor();

    pg_conn* connection_;
    PostgresSql sql_;
    std::vector<Parameter> parameters_;
    pg_result* result_ = nullptr;
    int row_ = -1;  // the current row of result_; -1 before the first
    Rows rows_;
    std::string cursor_; // the open cursor of a scan; empty when none, or read to its end
    bool ran_ = false;
    int runs_ = 0;
    // Prepared on the server at its second run (a statement run once is not worth a round
    // trip more), for the parameter types of that run.
    std::string prepared_name_;
    std::vector<unsigned> prepared_types_;
};

} // namespace expeer
