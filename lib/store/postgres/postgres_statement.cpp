#include "store/postgres/postgres_statement.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <atomic>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace expeer {

namespace {

// Type oids from PostgreSQL's catalog (pg_type.dat); libpq has no header for them.
constexpr Oid bool_oid = 16;
constexpr Oid int8_oid = 20;
constexpr Oid int2_oid = 21;
constexpr Oid int4_oid = 23;
constexpr Oid float4_oid = 700;
constexpr Oid text_oid = 25;
constexpr Oid float8_oid = 701;

StoreFailure::Kind kind_of(const char* sqlstate) {
    using Kind = StoreFailure::Kind;
    if (!sqlstate) return Kind::unreachable; // no answer from the server: the connection
    const std::string_view state(sqlstate);
    // Another transaction was in the way: worth trying again later.
    if (state == "40001" || state == "40P01" || state == "55P03" || state == "57014") return Kind::busy;
    if (state.substr(0, 2) == "08" || state == "57P01" || state == "57P02" || state == "57P03") return Kind::unreachable;
    if (state.substr(0, 2) == "28" || state == "42501") return Kind::denied;
    if (state == "25006") return Kind::cannot_write;
    if (state.substr(0, 2) == "53" || state.substr(0, 2) == "58") return Kind::io;
    if (state == "3D000") return Kind::not_a_database;
    return Kind::other;
}

} // namespace

std::string postgres_message(const char* message) {
    // libpq's messages run over several lines, indented with tabs: one line, one space.
    std::string text;
    for (const char* c = message ? message : ""; *c; ++c) {
        const bool blank = *c == '\n' || *c == '\t' || *c == '\r' || *c == ' ';
        if (!blank) text += *c;
        else if (!text.empty() && text.back() != ' ') text += ' ';
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

StoreFailure postgres_failure(pg_conn* connection, const pg_result* result) {
    if (!result) return {StoreFailure::Kind::unreachable, postgres_message(PQerrorMessage(connection))};
    const char* message = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    return {kind_of(PQresultErrorField(result, PG_DIAG_SQLSTATE)),
            postgres_message(message ? message : PQresultErrorMessage(result))};
}

PostgresSql postgres_sql(const std::string& sql) {
    PostgresSql out;
    out.text.reserve(sql.size() + 16);
    int next = 0; // a bare `?` is the one after the highest so far, as in SQLite
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"') { // a literal or an identifier, copied whole
            const std::size_t end = sql.find(c, i + 1);
            const std::size_t stop = end == std::string::npos ? sql.size() : end + 1;
            out.text.append(sql, i, stop - i);
            i = stop - 1;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            const std::size_t end = sql.find('\n', i);
            const std::size_t stop = end == std::string::npos ? sql.size() : end;
            out.text.append(sql, i, stop - i);
            i = stop - 1;
        } else if (c == '?') {
            std::size_t digits = i + 1;
            while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9') ++digits;
            int number = next + 1;
            if (digits > i + 1) std::from_chars(sql.data() + i + 1, sql.data() + digits, number);
            next = std::max(next, number);
            out.parameters = std::max(out.parameters, number);
            if (out.used.size() <= static_cast<std::size_t>(number)) out.used.resize(static_cast<std::size_t>(number) + 1);
            out.used[static_cast<std::size_t>(number)] = true;
            out.text += fmt::format("${}", number);
            i = digits - 1;
        } else {
            out.text += c;
        }
    }
    return out;
}

namespace {

// Rows a scan's cursor hands over at a time: a few megabytes at most, and a round trip is
// nothing beside reading them.
constexpr int batch_rows = 10000;

} // namespace

PostgresStatement::PostgresStatement(pg_conn* connection, const std::string& sql, Rows rows)
    : connection_(connection), sql_(postgres_sql(sql)), parameters_(static_cast<std::size_t>(sql_.parameters)),
      rows_(rows) {}

PostgresStatement::~PostgresStatement() {
    close_cursor();
    clear_result();
    // Best effort: in a transaction that failed, the name stays until the session ends.
    if (!prepared_name_.empty() && PQtransactionStatus(connection_) != PQTRANS_INERROR)
        PQclear(PQexec(connection_, ("DEALLOCATE " + prepared_name_).c_str()));
}

// The server parses and plans a prepared statement once: an import runs the same four
// statements for each row. A run whose parameter types differ from the prepared ones (a NULL
// where an integer was) goes unprepared.
pg_result* PostgresStatement::run(const std::vector<unsigned>& types, const std::vector<const char*>& values) {
    const int count = static_cast<int>(values.size());
    if (++runs_ == 2 && prepared_name_.empty()) {
        static std::atomic<std::uint64_t> next{0}; // names are per session; connections may be on other threads
        std::string name = fmt::format("expeer_{}", ++next);
        pg_result* prepared = PQprepare(connection_, name.c_str(), sql_.text.c_str(), count, types.data());
        const bool ok = prepared && PQresultStatus(prepared) == PGRES_COMMAND_OK;
        if (!ok) {
            const StoreFailure failure = postgres_failure(connection_, prepared);
            PQclear(prepared);
            throw failure;
        }
        PQclear(prepared);
        prepared_name_ = std::move(name);
        prepared_types_ = types;
    }
    if (!prepared_name_.empty() && types == prepared_types_)
        return PQexecPrepared(connection_, prepared_name_.c_str(), count, values.data(), nullptr, nullptr, 0);
    return PQexecParams(connection_, sql_.text.c_str(), count, types.data(), values.data(), nullptr, nullptr, 0);
}

// The result if it is one, else its failure thrown.
pg_result* PostgresStatement::checked(pg_result* result) {
    const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        const StoreFailure failure = postgres_failure(connection_, result);
        PQclear(result);
        throw failure;
    }
    return result;
}

void PostgresStatement::fetch_batch() {
    clear_result();
    result_ = checked(PQexec(connection_, fmt::format("FETCH FORWARD {} FROM {}", batch_rows, cursor_).c_str()));
    if (PQntuples(result_) < batch_rows) { // the last: the server has nothing more to keep
        PQclear(checked(PQexec(connection_, ("CLOSE " + cursor_).c_str())));
        cursor_.clear();
    }
}

// A cursor left mid-way, when the statement is reset or goes: closed if its transaction is
// still there (a commit closed it, and closing a cursor that is not there would fail the
// transaction under way).
void PostgresStatement::close_cursor() {
    if (cursor_.empty()) return;
    const std::string name = std::move(cursor_);
    cursor_.clear();
    if (PQtransactionStatus(connection_) != PQTRANS_INTRANS) return;
    const char* values[] = {name.c_str()};
    pg_result* open = PQexecParams(connection_, "SELECT 1 FROM pg_cursors WHERE name = $1", 1, nullptr, values,
                                   nullptr, nullptr, 0);
    const bool there = open && PQresultStatus(open) == PGRES_TUPLES_OK && PQntuples(open) == 1;
    PQclear(open);
    if (there) PQclear(PQexec(connection_, ("CLOSE " + name).c_str()));
}

void PostgresStatement::clear_result() {
    if (result_) PQclear(result_);
    result_ = nullptr;
    row_ = -1;
}

PostgresStatement::Parameter& PostgresStatement::parameter(int index) {
    if (index < 1 || index > static_cast<int>(parameters_.size()))
        throw StoreFailure(StoreFailure::Kind::other,
                           fmt::format("parameter {} of a statement that takes {}", index, parameters_.size()));
    return parameters_[static_cast<std::size_t>(index - 1)];
}

void PostgresStatement::bind_null(int index) {
    auto& p = parameter(index);
    p.null = true;
    p.type = 0;
}

void PostgresStatement::bind_integer(int index, std::int64_t value) {
    auto& p = parameter(index);
    p = {false, int8_oid, std::to_string(value)};
}

void PostgresStatement::bind_real(int index, double value) {
    auto& p = parameter(index);
    p = {false, float8_oid, fmt::format("{}", value)};
}

// Always a copy: libpq takes the values only when the statement runs, and the text is short
// beside the round trip.
void PostgresStatement::bind_text(int index, std::string_view value, bool) {
    auto& p = parameter(index);
    p.null = false;
    p.type = text_oid;
    p.value.assign(value);
}

bool PostgresStatement::step() {
    if (!ran_) {
        ran_ = true;
        std::vector<unsigned> types;
        std::vector<const char*> values;
        types.reserve(parameters_.size());
        values.reserve(parameters_.size());
        for (std::size_t i = 0; i < parameters_.size(); ++i) {
            const auto& p = parameters_[i];
            // A parameter the SQL does not use has nothing to infer its type from: say it.
            types.push_back(sql_.used[i + 1] ? p.type : text_oid);
            values.push_back(p.null || !sql_.used[i + 1] ? nullptr : p.value.c_str());
        }
        clear_result();
        if (rows_ == Rows::in_batches && PQtransactionStatus(connection_) == PQTRANS_INTRANS) {
            static std::atomic<std::uint64_t> next{0};
            std::string name = fmt::format("expeer_scan_{}", ++next);
            const std::string declare = "DECLARE " + name + " NO SCROLL CURSOR FOR " + sql_.text;
            PQclear(checked(PQexecParams(connection_, declare.c_str(), static_cast<int>(values.size()), types.data(),
                                         values.data(), nullptr, nullptr, 0)));
            cursor_ = std::move(name);
            fetch_batch();
        } else {
            result_ = checked(run(types, values));
        }
    }
    if (!result_ || PQresultStatus(result_) != PGRES_TUPLES_OK) return false;
    while (row_ + 1 >= PQntuples(result_)) {
        if (cursor_.empty()) {
            row_ = PQntuples(result_);
            return false;
        }
        fetch_batch();
    }
    ++row_;
    return true;
}

std::int64_t PostgresStatement::changes() {
    if (!result_) return 0;
    const char* count = PQcmdTuples(result_);
    return count && *count ? std::strtoll(count, nullptr, 10) : 0;
}

const char* PostgresStatement::cell(int column) const {
    // A bug, not bad input, as with SQLite.
    if (!result_ || row_ < 0 || row_ >= PQntuples(result_))
        throw std::logic_error("a column read where the statement has no row");
    if (column < 0 || column >= PQnfields(result_)) throw std::logic_error("a column the query does not return");
    return PQgetisnull(result_, row_, column) ? nullptr : PQgetvalue(result_, row_, column);
}

bool PostgresStatement::is_null(int column) { return cell(column) == nullptr; }

std::int64_t PostgresStatement::integer(int column) {
    const char* value = cell(column);
    if (!value) return 0;
    if (PQftype(result_, column) == bool_oid) return value[0] == 't' ? 1 : 0;
    // An integer, or a numeric without decimals (sum of integers): its whole part, as SQLite.
    return std::strtoll(value, nullptr, 10);
}

double PostgresStatement::real(int column) {
    const std::string_view value = text_view(column); // the C locale's way, whatever the process's
    double number = 0.0;
    std::from_chars(value.data(), value.data() + value.size(), number);
    return number;
}

std::string PostgresStatement::text(int column) { return std::string(text_view(column)); }

std::string_view PostgresStatement::text_view(int column) {
    const char* value = cell(column);
    if (!value) return {};
    return {value, static_cast<std::size_t>(PQgetlength(result_, row_, column))};
}

int PostgresStatement::column_count() { return result_ ? PQnfields(result_) : 0; }

std::string PostgresStatement::column_name(int column) {
    const char* name = result_ ? PQfname(result_, column) : nullptr;
    return name ? name : "";
}

ValueKind PostgresStatement::kind(int column) {
    if (!cell(column)) return ValueKind::null;
    switch (PQftype(result_, column)) {
    case bool_oid:
    case int2_oid:
    case int4_oid:
    case int8_oid: return ValueKind::integer;
    case float4_oid:
    case float8_oid: return ValueKind::real;
    default: return ValueKind::text;
    }
}

void PostgresStatement::reset() {
    close_cursor();
    clear_result();
    ran_ = false;
    for (auto& p : parameters_) p = Parameter{};
}

} // namespace expeer
