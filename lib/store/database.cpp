#include "store/database.hpp"

#include "store/migrations.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"

#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace expeer {

namespace {

int latest_version() { return migrations().empty() ? 0 : migrations().back().version; }

void create_private_file(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Error(ErrorKind::cannot_create,
                    fmt::format("cannot create '{}': {}", file.string(), std::strerror(errno)));
    ::close(fd);
}

void require_existing(const std::filesystem::path& file) {
    if (!std::filesystem::exists(file))
        throw Error(ErrorKind::config,
                    fmt::format("no database at '{}': run 'expeer db init' first, or give --db",
                                file.string()));
}

} // namespace

Database::Database(const DatabaseOptions& options, int flags)
    : file_(options.file), db_(options.file, flags, options.busy_timeout_ms) {
    guarded([&] {
        // WAL lets readers go on while a writer works; secure_delete overwrites deleted
        // personal data instead of leaving it in free pages.
        db_.exec("PRAGMA journal_mode = WAL");
        db_.exec("PRAGMA foreign_keys = ON");
        db_.exec("PRAGMA secure_delete = ON");
    });
}

void Database::rethrow(const SQLite::Exception& e) const {
    const int code = e.getErrorCode() & 0xff;
    const std::string where = file_.string();
    switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw Error(ErrorKind::temporary,
                    fmt::format("the database '{}' is busy: another command kept it locked; try again later", where));
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        throw Error(ErrorKind::config, fmt::format("'{}' is not a usable expeer database: {}", where, e.what()));
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        throw Error(ErrorKind::cannot_create, fmt::format("cannot write to '{}': {}", where, e.what()));
    case SQLITE_FULL:
    case SQLITE_IOERR:
        throw Error(ErrorKind::io, fmt::format("cannot write to '{}': {}", where, e.what()));
    default:
        throw Error(ErrorKind::failure, fmt::format("database error in '{}': {}", where, e.what()));
    }
}

SQLite::Statement& Database::statement(const std::string& sql) {
    auto& cached = statements_[sql];
    if (!cached) {
        cached = std::make_unique<SQLite::Statement>(db_, sql);
    } else {
        cached->reset();
        cached->clearBindings();
    }
    return *cached;
}

bool Database::checkpoint_and_truncate() {
    return guarded([&] {
        for (auto& [sql, statement] : statements_) statement->reset(); // no snapshot of ours in the way
        SQLite::Statement checkpoint(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
        checkpoint.executeStep();
        return checkpoint.getColumn(0).getInt() == 0; // 1: blocked by another connection
    });
}

void Database::snapshot_to(const std::filesystem::path& target) {
    const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600); // VACUUM INTO fills an empty file
    if (fd < 0) throw Error(ErrorKind::cannot_create, fmt::format("cannot create '{}': {}", target.string(), std::strerror(errno)));
    ::close(fd);
    guarded([&] {
        SQLite::Statement vacuum(db_, "VACUUM INTO ?");
        vacuum.bind(1, target.string());
        vacuum.exec();
    });
}

SchemaStatus Database::status() {
    return guarded([&] {
        SchemaStatus status;
        status.latest = latest_version();
        if (!db_.tableExists("schema_migrations")) {
            SQLite::Statement tables(db_, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
            tables.executeStep();
            if (tables.getColumn(0).getInt() > 0)
                throw Error(ErrorKind::config,
                            fmt::format("'{}' is a database, but not an expeer one", file_.string()));
            return status;
        }
        SQLite::Statement query(db_, "SELECT version, applied_at FROM schema_migrations "
                                     "ORDER BY version DESC LIMIT 1");
        if (query.executeStep()) {
            status.version = query.getColumn(0).getInt();
            status.applied_at = query.getColumn(1).getString();
        }
        return status;
    });
}

int Database::migrate(const Clock& clock) {
    // A migration that rebuilds a table must not cascade deletes through foreign keys; the
    // pragma has no effect inside a transaction, so it is set around it, and the keys are
    // checked before committing.
    guarded([&] { db_.exec("PRAGMA foreign_keys = OFF"); });
    struct KeysBackOn {
        SQLite::Database& db;
        ~KeysBackOn() { db.exec("PRAGMA foreign_keys = ON"); }
    } keys_back_on{db_};
    return guarded([&] {
        auto transaction = write_transaction();
        db_.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                 " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        // Read the version inside the transaction: another process may have migrated meanwhile.
        const SchemaStatus current = status();
        if (current.version > current.latest)
            throw Error(ErrorKind::config,
                        fmt::format("the database '{}' is at schema version {}, newer than this "
                                    "program knows ({}): upgrade expeer",
                                    file_.string(), current.version, current.latest));
        int applied = 0;
        for (const auto& migration : migrations()) {
            if (migration.version <= current.version) continue;
            db_.exec(std::string(migration.sql));
            SQLite::Statement record(db_, "INSERT INTO schema_migrations (version, name, applied_at) "
                                          "VALUES (?, ?, ?)");
            record.bind(1, migration.version);
            record.bind(2, std::string(migration.name));
            record.bind(3, format_timestamp(clock.now()));
            record.exec();
            ++applied;
        }
        SQLite::Statement broken(db_, "PRAGMA foreign_key_check");
        if (broken.executeStep())
            throw Error(ErrorKind::failure, fmt::format("a migration of '{}' broke a reference in table {}; "
                                                        "nothing was changed", file_.string(), broken.getColumn(0).getString()));
        transaction.commit();
        return applied;
    });
}

bool Database::init(const DatabaseOptions& options, const Clock& clock) {
    const bool existed = std::filesystem::exists(options.file);
    if (!existed) {
        create_private_directories(options.file.parent_path());
        create_private_file(options.file);
    }
    Database db(options, SQLite::OPEN_READWRITE);
    const int applied = db.migrate(clock);
    return !existed || applied > 0;
}

std::unique_ptr<Database> Database::open_any_version(const DatabaseOptions& options) {
    require_existing(options.file);
    return std::make_unique<Database>(options, SQLite::OPEN_READWRITE);
}

std::unique_ptr<Database> Database::open(const DatabaseOptions& options) {
    auto db = open_any_version(options);
    const SchemaStatus status = db->status();
    if (status.version > status.latest)
        throw Error(ErrorKind::config,
                    fmt::format("the database '{}' is at schema version {}, newer than this program "
                                "knows ({}): upgrade expeer",
                                options.file.string(), status.version, status.latest));
    if (status.version < status.latest)
        throw Error(ErrorKind::config,
                    fmt::format("the database '{}' is at schema version {} and this program needs {}: "
                                "back it up, then run 'expeer db migrate'",
                                options.file.string(), status.version, status.latest));
    return db;
}

} // namespace expeer
