// A prepared SQL statement, whichever engine holds the store: the stores speak to this, not to
// an engine's own API, so that the same SQL code runs on SQLite and on PostgreSQL.
// Parameters are positional, `?` in the SQL, numbered from 1; columns are numbered from 0.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace expeer {

// An engine's failure, in the terms expeer's errors need: Database::guarded turns it into
// one (busy: try again later; the rest: which database, and why).
class StoreFailure : public std::runtime_error {
public:
    enum class Kind {
        busy,           // another transaction was in the way: try again later
        unreachable,    // no answer from the database server
        denied,         // the server refused the login or the right
        not_a_database, // not an expeer database, or none
        cannot_write,
        io,
        other
    };
    StoreFailure(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

// What a column of the current row holds, for code that copies rows it does not know.
enum class ValueKind { null, integer, real, text };

// What an engine implements (store/sqlite/ for SQLite). It throws StoreFailure.
class StatementEngine {
public:
    virtual ~StatementEngine() = default;
    virtual void bind_null(int index) = 0;
    virtual void bind_integer(int index, std::int64_t value) = 0;
    virtual void bind_real(int index, double value) = 0;
    // Without `copy`, the engine may keep `value` itself until the statement is reset.
    virtual void bind_text(int index, std::string_view value, bool copy) = 0;
    virtual bool step() = 0;             // true when a row is there to read
    virtual std::int64_t changes() = 0;  // rows the statement changed
    virtual bool is_null(int column) = 0;
    virtual std::int64_t integer(int column) = 0;
    virtual double real(int column) = 0;
    virtual std::string text(int column) = 0;
    // The text without a copy: valid until the next step or reset.
    virtual std::string_view text_view(int column) = 0;
    virtual void reset() = 0; // ready to run again, every parameter NULL until bound again
    // The query's columns, once it has run (after the first next()).
    virtual int column_count() = 0;
    virtual std::string column_name(int column) = 0;
    virtual ValueKind kind(int column) = 0;
};

class Statement {
public:
    explicit Statement(std::unique_ptr<StatementEngine> engine) : engine_(std::move(engine)) {}

    Statement& bind(int index, std::int64_t value) {
        engine_->bind_integer(index, value);
        return *this;
    }
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value) {
        engine_->bind_real(index, value);
        return *this;
    }
    Statement& bind(int index, std::string_view value) {
        engine_->bind_text(index, value, true);
        return *this;
    }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::nullopt_t) {
        engine_->bind_null(index);
        return *this;
    }
    template <typename T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, std::nullopt);
    }
    // Binds without copying, for statements run many times: `value` must stay as it is until
    // the statement has run.
    Statement& bind_no_copy(int index, const std::string& value) {
        engine_->bind_text(index, value, false);
        return *this;
    }
    Statement& bind_no_copy(int index, const std::optional<std::string>& value) {
        if (value) return bind_no_copy(index, *value);
        return bind(index, std::nullopt);
    }

    // The next row of a query: false when there is none left.
    bool next() { return engine_->step(); }
    // Runs a statement that returns no rows; returns how many rows it changed.
    std::int64_t run() {
        while (engine_->step()) {
        }
        return engine_->changes();
    }
    void reset() { engine_->reset(); }

    // Columns of the current row.
    bool is_null(int column) { return engine_->is_null(column); }
    std::int64_t integer(int column) { return engine_->integer(column); }
    double real(int column) { return engine_->real(column); }
    std::string text(int column) { return engine_->text(column); }
    // Without a copy, for scans of many rows: valid until the next row.
    std::string_view text_view(int column) { return engine_->text_view(column); }
    std::optional<std::string_view> optional_text_view(int column) {
        if (is_null(column)) return std::nullopt;
        return text_view(column);
    }
    std::optional<std::int64_t> optional_integer(int column) {
        if (is_null(column)) return std::nullopt;
        return integer(column);
    }
    int column_count() { return engine_->column_count(); }
    std::string column_name(int column) { return engine_->column_name(column); }
    ValueKind kind(int column) { return engine_->kind(column); }
    std::optional<std::string> optional_text(int column) {
        if (is_null(column)) return std::nullopt;
        return text(column);
    }

private:
    std::unique_ptr<StatementEngine> engine_;
};

} // namespace expeer
