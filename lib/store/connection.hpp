// A connection to the engine that holds the store: what Database needs of it beyond
// statements. One implementation per engine (store/sqlite/ for SQLite); the SQL that is the
// same on every engine stays in the stores, what differs is here.
#pragma once

#include "store/migrations.hpp"
#include "store/statement.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace expeer {

enum class TransactionMode {
    read, // a consistent view of the store
    write // takes the write lock at once, so that two writers queue instead of failing midway
};

// Held while a job runs (a pull, a letter send): released when it goes, or when the process
// dies, even by kill -9.
class JobLock {
public:
    virtual ~JobLock() = default;
};

// Every method throws StoreFailure, except where it says it throws an expeer Error.
// A row of `table` (its id) that refers to a row of `parent` that is not there.
struct MissingParent {
    std::string table;
    std::int64_t row = 0;
    std::string parent;
};

class Connection {
public:
    virtual ~Connection() = default;

    // SQL that takes no parameters and returns no rows: one statement or several.
    virtual void execute(const std::string& sql) = 0;
    virtual std::unique_ptr<StatementEngine> prepare(const std::string& sql) = 0;
    // A query that reads many rows (a whole table): the engine may hand them over a batch at
    // a time rather than all at once. SQLite reads a row at a time anyway.
    virtual std::unique_ptr<StatementEngine> prepare_scan(const std::string& sql) { return prepare(sql); }

    virtual void begin(TransactionMode mode) = 0;
    virtual void commit() = 0;
    virtual void roll_back() = 0;

    virtual bool has_table(const std::string& name) = 0;
    virtual std::int64_t table_count() = 0;
    // The store's tables by name, in alphabetical order (the engine's own left out).
    virtual std::vector<std::string> table_names() = 0;
    // After rows were copied in with their ids, new rows of `table` get ids after them.
    virtual void continue_ids(const std::string& table) = 0;

    // Migrations rebuild tables, which must not cascade deletes through references: they are
    // checked once at the end instead, before committing. Called outside a transaction.
    virtual void check_references(bool each_statement) = 0;
    // A table with a reference to a row that is not there; empty when there is none.
    virtual std::string broken_reference() = 0;
    // Every row whose parent is gone (written by a hand with references off, or left by a
    // damaged page), for `db check`.
    virtual std::vector<MissingParent> rows_without_parent() = 0;
    // What the engine's own check finds wrong in its pages and indexes, one line each.
    virtual std::vector<std::string> damage() = 0;

    // Leaves no old copy of deleted rows in the engine's files (SQLite: folds the WAL into the
    // database file and empties it). False if another connection kept it from completing.
    virtual bool forget_deleted_rows() = 0;
    // Deleted content is overwritten from now on, whatever the options said.
    virtual void overwrite_deleted_data() = 0;
    // A consistent copy of the whole store in `target`, an empty file the caller created; a
    // failure to write it is an Error that names `target`.
    virtual void snapshot_to(const std::filesystem::path& target) = 0;

    // Holds `job` for this process, so that two runs of it never overlap, wherever they run;
    // a temporary Error that names `what` when another process holds it.
    virtual std::unique_ptr<JobLock> lock_job(const std::string& job, const std::string& what) = 0;

    // The schema in this engine's SQL: the same versions on every engine.
    virtual const std::vector<Migration>& migrations() const = 0;
};

} // namespace expeer
