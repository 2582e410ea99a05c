#include "store/database.hpp"

#include "store/audit_store.hpp"
#include "store/migrations.hpp"
#include "store/sqlite/sqlite_statement.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"
#include "util/write_failure.hpp"

#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
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

[[noreturn]] void throw_error(const std::filesystem::path& file, const StoreFailure& e) {
    const std::string where = file.string();
    switch (e.kind()) {
    case StoreFailure::Kind::busy:
        throw Error(ErrorKind::temporary,
                    fmt::format("the database '{}' is busy: another command kept it locked; try again later", where));
    case StoreFailure::Kind::not_a_database:
        throw Error(ErrorKind::config, fmt::format("'{}' is not a usable expeer database: {}", where, e.what()));
    case StoreFailure::Kind::cannot_write:
        throw Error(ErrorKind::cannot_create, fmt::format("cannot write to '{}': {}", where, e.what()));
    case StoreFailure::Kind::io:
        throw Error(ErrorKind::io, fmt::format("cannot write to '{}': {}", where, e.what()));
    case StoreFailure::Kind::other:
        break;
    }
    throw Error(ErrorKind::failure, fmt::format("database error in '{}': {}", where, e.what()));
}

[[noreturn]] void throw_error(const std::filesystem::path& file, const SQLite::Exception& e) {
    throw_error(file, sqlite_failure(e.getErrorCode(), e.what()));
}

// A file name as an SQLite URI: the characters URIs give a meaning to are escaped.
std::string file_uri(const std::filesystem::path& file, const char* query) {
    std::string uri = "file:";
    for (const unsigned char c : std::filesystem::absolute(file).string()) {
        if (c == '%' || c == '?' || c == '#' || c <= ' ' || c >= 0x7f) uri += fmt::format("%{:02X}", c);
        else uri += static_cast<char>(c);
    }
    return uri + "?" + query;
}

bool has_pending_wal(const std::filesystem::path& file) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file.string() + "-wal", error);
    return !error && size > 0;
}

// A read-only connection. SQLite reads a WAL database through an index it keeps in a "-shm"
// file beside it, and cannot create one in a directory it may not write: a copy of the
// database nobody may change (mode 0444 in a read-only directory, a read-only mount) is then
// opened as immutable, which needs no index. Not when a WAL file holds changes the database
// file lacks: those would be silently left out.
SQLite::Database connect_read_only(const std::filesystem::path& file, int busy_timeout_ms) {
    try {
        SQLite::Database db(file.string(), SQLite::OPEN_READONLY, busy_timeout_ms);
        db.execAndGet("SELECT count(*) FROM sqlite_master");
        return db;
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode() & 0xff;
        if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) throw_error(file, e);
        if (has_pending_wal(file))
            throw Error(ErrorKind::no_input,
                        fmt::format("cannot read '{}': its WAL file holds changes not yet in the database, and "
                                    "SQLite cannot make its index beside it ({}); run 'expeer db migrate' once where "
                                    "it can be written, which folds the WAL file in, and copy it then",
                                    file.string(), e.what()));
    }
    try {
        SQLite::Database db(file_uri(file, "mode=ro&immutable=1"), SQLite::OPEN_READONLY | SQLite::OPEN_URI,
                            busy_timeout_ms);
        db.execAndGet("SELECT count(*) FROM sqlite_master");
        return db;
    } catch (const SQLite::Exception& e) {
        throw_error(file, e);
    }
}

SQLite::Database connect(const DatabaseOptions& options, int flags) {
    if (flags & SQLite::OPEN_READONLY) return connect_read_only(options.file, options.busy_timeout_ms);
    try {
        return SQLite::Database(options.file.string(), flags, options.busy_timeout_ms);
    } catch (const SQLite::Exception& e) {
        throw_error(options.file, e);
    }
}

// Why a database opened to be changed cannot be: the file, its directory (where SQLite
// creates its WAL file) or the file system. Empty when it can.
std::string why_read_only(SQLite::Database& db, const std::filesystem::path& file) {
    struct statvfs fs{};
    if (::statvfs(file.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY)) return "it is on a read-only file system";
    if (sqlite3_db_readonly(db.getHandle(), "main") == 1) return "the file may not be written";
    const auto directory = std::filesystem::absolute(file).parent_path();
    if (::access(directory.c_str(), W_OK | X_OK) != 0 && ::access((file.string() + "-wal").c_str(), W_OK) != 0)
        return fmt::format("its directory '{}' may not be written, and SQLite keeps its WAL file there",
                           directory.string());
    return "";
}

} // namespace

Database::Database(const DatabaseOptions& options, int flags)
    : file_(options.file), read_only_((flags & SQLite::OPEN_READONLY) != 0), db_(connect(options, flags)) {
    set_up(options);
}

void Database::set_up(const DatabaseOptions& options) {
    if (!read_only_)
        if (const std::string why = why_read_only(db_, file_); !why.empty())
            throw Error(ErrorKind::cannot_create,
                        fmt::format("the database '{}' is read-only here: {}; this command changes it, while "
                                    "commands that only read it (list, show, export, reports) work on a "
                                    "read-only copy",
                                    file_.string(), why));
    guarded([&] {
        // WAL lets readers go on while a writer works; a read-only connection changes nothing.
        if (!read_only_) db_.exec("PRAGMA journal_mode = WAL");
        db_.exec("PRAGMA foreign_keys = ON");
        db_.exec(fmt::format("PRAGMA cache_size = -{}", options.cache_kib));
        // Deleted personal data is overwritten with zeros instead of staying in free space
        // and free pages. Set here, whatever SQLite's compile-time default (Debian's is on),
        // and checked: a build of SQLite that cannot do it is refused.
        db_.exec(options.secure_delete ? "PRAGMA secure_delete = ON" : "PRAGMA secure_delete = OFF");
        if (options.secure_delete && db_.execAndGet("PRAGMA secure_delete").getInt() != 1)
            throw Error(ErrorKind::config, "this build of SQLite cannot overwrite deleted data (PRAGMA "
                                           "secure_delete), which expeer needs so that erasures leave nothing behind");
    });
}

void Write::audit(const AuditEntry& entry) { record_audit(db_, entry); }

void Write::roll_back_outside() {
    auto undo = std::move(undo_);
    undo_.clear();
    for (auto step = undo.rbegin(); step != undo.rend(); ++step) (*step)();
}

HeldWrite::HeldWrite(Database& db) : db_(db) {
    db_.guarded([&] { transaction_.emplace(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE); });
}

HeldWrite::~HeldWrite() = default; // SQLite::Transaction rolls back what was not committed

void HeldWrite::commit() {
    db_.guarded([&] { transaction_->commit(); });
}

void Database::rethrow(const StoreFailure& e) const { throw_error(file_, e); }
void Database::rethrow(const SQLite::Exception& e) const { throw_error(file_, e); }

Statement& Database::cached(const std::string& sql) {
    auto& cached = prepared_[sql];
    if (!cached) cached = std::make_unique<Statement>(prepare(sql));
    else cached->reset();
    return *cached;
}

Statement Database::prepare(const std::string& sql) {
    return Statement(std::make_unique<SqliteStatement>(db_.getHandle(), sql));
}

bool Database::checkpoint_and_truncate() {
    return guarded([&] {
        for (auto& [sql, statement] : prepared_) statement->reset(); // no snapshot of ours in the way
        SQLite::Statement checkpoint(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
        checkpoint.executeStep();
        return checkpoint.getColumn(0).getInt() == 0; // 1: blocked by another connection
    });
}

void Database::overwrite_deleted_data() {
    guarded([&] { db_.exec("PRAGMA secure_delete = ON"); });
}

void Database::snapshot_to(const std::filesystem::path& target) {
    try {
        SQLite::Statement vacuum(db_, "VACUUM INTO ?");
        vacuum.bind(1, target.string());
        vacuum.exec();
    } catch (const SQLite::Exception& e) {
        // Writing the copy failed, not the database: name the copy, and say why in words.
        const int code = e.getErrorCode();
        const int system_error = sqlite3_system_errno(db_.getHandle());
        if ((code & 0xff) == SQLITE_FULL)
            throw Error(ErrorKind::io, fmt::format("cannot write a copy of the database to '{}': {}", target.string(),
                                                   why_write_failed(system_error ? system_error : ENOSPC)));
        if ((code & 0xff) == SQLITE_IOERR || (code & 0xff) == SQLITE_CANTOPEN)
            throw Error(ErrorKind::io, fmt::format("cannot write a copy of the database to '{}': {}", target.string(),
                                                   system_error ? why_write_failed(system_error) : e.what()));
        rethrow(e);
    }
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
    return std::make_unique<Database>(options, options.access == DatabaseAccess::read_only ? SQLite::OPEN_READONLY
                                                                                            : SQLite::OPEN_READWRITE);
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
