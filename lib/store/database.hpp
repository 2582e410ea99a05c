// The embedded SQLite store. All SQL of expeer lives under lib/store.
#pragma once

#include "util/clock.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

namespace expeer {

struct DatabaseOptions {
    std::filesystem::path file;
    int busy_timeout_ms = 30000;
};

struct SchemaStatus {
    int version = 0;        // what the database is at (0: empty)
    int latest = 0;         // what this program knows
    std::string applied_at; // when the newest migration was applied
};

class Database {
public:
    // Creates the file (0600) and its directory (0700) if needed, then migrates to the latest
    // schema. Returns whether anything was created or migrated.
    static bool init(const DatabaseOptions& options, const Clock& clock);
    // Opens an existing database that is at this program's schema version.
    static std::unique_ptr<Database> open(const DatabaseOptions& options);
    // Opens an existing database at any version, for `db status` and `db migrate`.
    static std::unique_ptr<Database> open_any_version(const DatabaseOptions& options);

    SchemaStatus status();
    // Applies pending migrations in one transaction; returns how many were applied.
    int migrate(const Clock& clock);

    SQLite::Database& sql() { return db_; }

    // A prepared statement for `sql`, kept for reuse, reset; bind every parameter, as values
    // from the last use are not cleared (that costs more than binding). Batch work
    // runs the same statements many times, and preparing them would cost more than running.
    // The caller must be done with it before asking for the same SQL again, and reset a query
    // it stops reading early: a query left mid-way holds a read snapshot open.
    SQLite::Statement& statement(const std::string& sql);

    // Copies the WAL into the database file and empties it, so that old versions of pages
    // (erased personal data) do not linger there. False if another connection kept it from
    // completing.
    bool checkpoint_and_truncate();

    // A consistent copy of the whole database in `target` (which must not exist), made while
    // other commands may be writing (VACUUM INTO). The copy is created with mode 0600.
    void snapshot_to(const std::filesystem::path& target);
    const std::filesystem::path& file() const { return file_; }

    // A write transaction that takes the write lock at once (BEGIN IMMEDIATE), so that two
    // writers queue on the busy timeout instead of failing on a lock upgrade.
    SQLite::Transaction write_transaction() {
        return SQLite::Transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    }

    // Runs `body`, turning SQLite's failures into expeer errors (busy -> temporary).
    template <typename Body> auto guarded(Body&& body) -> decltype(body()) {
        try {
            return body();
        } catch (const SQLite::Exception& e) {
            rethrow(e);
        }
    }

    Database(const DatabaseOptions& options, int flags);

private:
    [[noreturn]] void rethrow(const SQLite::Exception& e) const;

    std::filesystem::path file_;
    SQLite::Database db_;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

} // namespace expeer
