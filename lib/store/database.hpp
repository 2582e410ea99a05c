// The store, whichever engine holds it (store/sqlite/ for the embedded SQLite). All SQL of
// expeer lives under lib/store.
#pragma once

#include "audit/audit.hpp"
#include "store/connection.hpp"
#include "store/database_options.hpp"
#include "store/statement.hpp"
#include "util/clock.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace expeer {

class Database;

// A unit of work that changes the store: what a command changes and the audit entry that
// records it commit together, or neither does.
class Write {
public:
    explicit Write(Database& db) : db_(db) {}
    Database& db() { return db_; }
    // Call it inside the change it records.
    void audit(const AuditEntry& entry);
    // Keeps nothing of this unit: it rolls back instead of committing (a dry run).
    void discard() { discarded_ = true; }
    // Runs `undo` if the unit does not commit (it throws, fails to commit or is discarded),
    // while it still holds the write lock: for what was done outside the store, such as
    // files put in place, that no other process may see recorded.
    void on_rollback(std::function<void()> undo) { undo_.push_back(std::move(undo)); }

private:
    friend class Database;
    void roll_back_outside();

    Database& db_;
    bool discarded_ = false;
    std::vector<std::function<void()>> undo_;
};

// A unit of work that only reads: every query inside it sees the same state of the store.
class Read {
public:
    explicit Read(Database& db) : db_(db) {}
    Database& db() { return db_; }

private:
    Database& db_;
};

// A transaction, rolled back unless committed.
class Transaction {
public:
    Transaction(Connection& connection, TransactionMode mode);
    ~Transaction();
    Transaction(Transaction&& other) noexcept : connection_(other.connection_), open_(other.open_) {
        other.open_ = false;
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction& operator=(Transaction&&) = delete;
    void commit();

private:
    Connection& connection_;
    bool open_ = true;
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
    // Opens an existing database that is at this program's schema version. Read-write, a
    // database that cannot be written (file, directory or file system) is an Error that says
    // so; read-only, it is opened even where SQLite cannot create its WAL index beside it.
    static std::unique_ptr<Database> open(const DatabaseOptions& options);
    // Opens an existing database at any version, for `db status` and `db migrate`.
    static std::unique_ptr<Database> open_any_version(const DatabaseOptions& options);

    SchemaStatus status();
    // Applies pending migrations in one transaction; returns how many were applied.
    int migrate(const Clock& clock);

    // The store's tables, by name, in alphabetical order.
    std::vector<std::string> table_names();
    // After rows were copied in with their ids, new rows of `table` get ids after them.
    void continue_ids(const std::string& table);
    // Rows whose parent is gone, and damage to the engine's pages, for `db check`.
    std::vector<MissingParent> rows_without_parent();
    std::vector<std::string> damage();

    // SQL that takes no parameters and returns no rows (schema changes, in tests).
    void execute(const std::string& sql);

    // A prepared statement for `sql`, kept for reuse, reset, its parameters NULL. Batch work
    // runs the same statements many times, and preparing them would cost more than running.
    // The caller must be done with it before asking for the same SQL again, and reset a query
    // it stops reading early: a query left mid-way holds a read snapshot open.
    Statement& cached(const std::string& sql);
    // A statement for this use only: SQL built for one call.
    Statement prepare(const std::string& sql);
    // A query that reads many rows (a whole table, a year of activities), for this use only:
    // its rows never all in memory at once, whichever the engine. Read it inside a read or
    // write unit: outside a transaction, a server engine sends the whole result at once.
    Statement scan(const std::string& sql);

    // Copies the WAL into the database file and empties it, so that old versions of pages
    // (erased personal data) do not linger there. False if another connection kept it from
    // completing.
    bool checkpoint_and_truncate();

    // Deleted content is overwritten from now on, whatever the options said (secure_delete).
    void overwrite_deleted_data();

    // A consistent copy of the whole database in `target`, an empty file the caller created
    // (mode 0600), made while other commands may be writing: an SQLite database, whichever
    // the engine (VACUUM INTO on SQLite, a copy of every table from a server). A failure names
    // `target`, not the database: it is the copy that could not be written.
    void snapshot_to(const std::filesystem::path& target);
    const std::filesystem::path& file() const { return options_.file; }
    // The database as messages name it: its file, or its URL.
    std::string shown() const { return options_.shown(); }
    // How it was opened: for a second connection to the same database.
    const DatabaseOptions& options() const { return options_; }

    // Holds `job` (a pull, a letter send) for this process, so that two runs of it never
    // overlap, on this machine or another: a temporary Error naming `what` when another
    // process holds it.
    std::unique_ptr<JobLock> lock_job(const std::string& job, const std::string& what);
    bool read_only() const { return options_.access == DatabaseAccess::read_only; }

    // Runs `body(Write&)` in one write transaction, committed when it returns and rolled back
    // when it throws; the store's failures become expeer errors (busy: temporary).
    template <typename Body> auto write(Body&& body) -> std::invoke_result_t<Body&, Write&> {
        return guarded([&] {
            auto transaction = write_transaction();
            Write unit(*this);
            try {
                if constexpr (std::is_void_v<std::invoke_result_t<Body&, Write&>>) {
                    body(unit);
                    finish(unit, transaction);
                } else {
                    auto result = body(unit);
                    finish(unit, transaction);
                    return result;
                }
            } catch (...) {
                unit.roll_back_outside();
                throw;
            }
        });
    }

    // Runs `body(Read&)` in one read transaction: a consistent view of the store.
    template <typename Body> auto read(Body&& body) -> std::invoke_result_t<Body&, Read&> {
        return guarded([&] {
            Transaction transaction(*connection_, TransactionMode::read);
            Read unit(*this);
            if constexpr (std::is_void_v<std::invoke_result_t<Body&, Read&>>) {
                body(unit);
                transaction.commit();
            } else {
                auto result = body(unit);
                transaction.commit();
                return result;
            }
        });
    }

    // A write transaction that takes the write lock at once (BEGIN IMMEDIATE), so that two
    // writers queue on the busy timeout instead of failing on a lock upgrade.
    Transaction write_transaction() { return Transaction(*connection_, TransactionMode::write); }

    // Runs `body`, turning the engine's failures into expeer errors (busy -> temporary).
    template <typename Body> auto guarded(Body&& body) -> decltype(body()) {
        try {
            return body();
        } catch (const StoreFailure& e) {
            rethrow(e);
        }
    }

    // Runs `body` in a savepoint of the transaction under way: if it throws, what it wrote is
    // undone and the rest of the transaction stays.
    template <typename Body> void in_savepoint(Body&& body) {
        guarded([&] { connection_->execute("SAVEPOINT step"); });
        try {
            guarded(body);
        } catch (...) {
            guarded([&] { connection_->execute("ROLLBACK TO step; RELEASE step"); });
            throw;
        }
        guarded([&] { connection_->execute("RELEASE step"); });
    }

    explicit Database(const DatabaseOptions& options);

private:
    static void finish(Write& unit, Transaction& transaction) {
        if (unit.discarded_) unit.roll_back_outside();
        else transaction.commit();
    }
    [[noreturn]] void rethrow(const StoreFailure& e) const;

    DatabaseOptions options_;
    std::unique_ptr<Connection> connection_;
    std::unordered_map<std::string, std::unique_ptr<Statement>> prepared_;
};

// A write transaction held open across several calls, for work that cannot be one body (a
// batch committed when the writer would wait anyway, a dry run rolled back at the end).
// Rolled back unless committed.
class HeldWrite {
public:
    explicit HeldWrite(Database& db);
    ~HeldWrite();
    HeldWrite(const HeldWrite&) = delete;
    HeldWrite& operator=(const HeldWrite&) = delete;
    void commit();

private:
    Database& db_;
    std::optional<Transaction> transaction_;
};

} // namespace expeer
