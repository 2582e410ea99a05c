#include "store/database.hpp"

#include "store/audit_store.hpp"
#include "store/database_copy.hpp"
#include "store/migrations.hpp"
#include "store/postgres/postgres_connection.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace expeer {

namespace {

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

[[noreturn]] void throw_error(const std::string& where, const StoreFailure& e) {
    switch (e.kind()) {
    case StoreFailure::Kind::busy:
        throw Error(ErrorKind::temporary,
                    fmt::format("the database '{}' is busy: another command kept it locked; try again later", where));
    case StoreFailure::Kind::unreachable:
        throw Error(ErrorKind::temporary,
                    fmt::format("cannot reach the database server of '{}': {}; try again later", where, e.what()));
    case StoreFailure::Kind::denied:
        throw Error(ErrorKind::permission, fmt::format("the database server of '{}' refused: {}", where, e.what()));
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

} // namespace

Database::Database(const DatabaseOptions& options)
    : options_(options) {
    try {
        if (options.on_server()) connection_ = std::make_unique<PostgresConnection>(options);
        else connection_ = std::make_unique<SqliteConnection>(options);
    } catch (const StoreFailure& e) {
        rethrow(e);
    }
}

Transaction::Transaction(Connection& connection, TransactionMode mode) : connection_(connection) {
    connection_.begin(mode);
}

Transaction::~Transaction() {
    if (!open_) return;
    try {
        connection_.roll_back();
    } catch (const StoreFailure&) {
        // The engine has already ended it (a failed COMMIT, a lost connection).
    }
}

void Transaction::commit() {
    connection_.commit();
    open_ = false;
}

void Write::audit(const AuditEntry& entry) { record_audit(db_, entry); }

void Write::roll_back_outside() {
    auto undo = std::move(undo_);
    undo_.clear();
    for (auto step = undo.rbegin(); step != undo.rend(); ++step) (*step)();
}

HeldWrite::HeldWrite(Database& db) : db_(db) {
    db_.guarded([&] { transaction_.emplace(db_.write_transaction()); });
}

HeldWrite::~HeldWrite() = default; // the transaction rolls back what was not committed

void HeldWrite::commit() {
    db_.guarded([&] { transaction_->commit(); });
}

void Database::rethrow(const StoreFailure& e) const { throw_error(shown(), e); }
std::unique_ptr<JobLock> Database::lock_job(const std::string& job, const std::string& what) {
    return guarded([&] { return connection_->lock_job(job, what); });
}

std::vector<std::string> Database::table_names() {
    return guarded([&] { return connection_->table_names(); });
}

std::vector<MissingParent> Database::rows_without_parent() {
    return guarded([&] { return connection_->rows_without_parent(); });
}

std::vector<std::string> Database::damage() {
    return guarded([&] { return connection_->damage(); });
}

void Database::continue_ids(const std::string& table) {
    guarded([&] { connection_->continue_ids(table); });
}

void Database::execute(const std::string& sql) {
    guarded([&] { connection_->execute(sql); });
}

Statement& Database::cached(const std::string& sql) {
    auto& cached = prepared_[sql];
    if (!cached) cached = std::make_unique<Statement>(prepare(sql));
    else cached->reset();
    return *cached;
}

Statement Database::prepare(const std::string& sql) {
    return Statement(connection_->prepare(sql));
}

Statement Database::scan(const std::string& sql) {
    return Statement(connection_->prepare_scan(sql));
}

bool Database::checkpoint_and_truncate() {
    return guarded([&] {
        for (auto& [sql, statement] : prepared_) statement->reset(); // no snapshot of ours in the way
        return connection_->forget_deleted_rows();
    });
}

void Database::overwrite_deleted_data() {
    guarded([&] { connection_->overwrite_deleted_data(); });
}

void Database::snapshot_to(const std::filesystem::path& target) {
    if (!options_.on_server()) return guarded([&] { connection_->snapshot_to(target); });
    // A server's database is copied, in one read transaction, into an SQLite file: the same
    // backups on both engines, each restorable into the other.
    DatabaseOptions file;
    file.file = target;
    Database::init(file, SystemClock());
    const auto copy = Database::open(file);
    copy_database(*this, *copy);
    // No WAL file left beside it: the copy is one file, as VACUUM INTO makes it.
    copy->execute("PRAGMA journal_mode = DELETE");
}

SchemaStatus Database::status() {
    return guarded([&] {
        SchemaStatus status;
        const auto& known = connection_->migrations();
        status.latest = known.empty() ? 0 : known.back().version;
        if (!connection_->has_table("schema_migrations")) {
            if (connection_->table_count() > 0)
                throw Error(ErrorKind::config,
                            fmt::format("'{}' is a database, but not an expeer one", shown()));
            return status;
        }
        Statement query = prepare("SELECT version, applied_at FROM schema_migrations ORDER BY version DESC LIMIT 1");
        if (query.next()) {
            status.version = static_cast<int>(query.integer(0));
            status.applied_at = query.text(1);
        }
        return status;
    });
}

int Database::migrate(const Clock& clock) {
    // A migration that rebuilds a table must not cascade deletes through foreign keys: they
    // are checked once, before committing.
    guarded([&] { connection_->check_references(false); });
    struct KeysBackOn {
        Connection& connection;
        ~KeysBackOn() {
            try {
                connection.check_references(true);
            } catch (const StoreFailure&) {
                // The connection is unusable; the next statement on it says so.
            }
        }
    } keys_back_on{*connection_};
    return guarded([&] {
        auto transaction = write_transaction();
        connection_->execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                 " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        // Read the version inside the transaction: another process may have migrated meanwhile.
        const SchemaStatus current = status();
        if (current.version > current.latest)
            throw Error(ErrorKind::config,
                        fmt::format("the database '{}' is at schema version {}, newer than this "
                                    "program knows ({}): upgrade expeer",
                                    shown(), current.version, current.latest));
        int applied = 0;
        for (const auto& migration : connection_->migrations()) {
            if (migration.version <= current.version) continue;
            connection_->execute(std::string(migration.sql));
            Statement record = prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
            record.bind(1, migration.version);
            record.bind(2, migration.name);
            record.bind(3, format_timestamp(clock.now()));
            record.run();
            ++applied;
        }
        if (const std::string table = connection_->broken_reference(); !table.empty())
            throw Error(ErrorKind::failure, fmt::format("a migration of '{}' broke a reference in table {}; "
                                                        "nothing was changed", shown(), table));
        transaction.commit();
        return applied;
    });
}

bool Database::init(const DatabaseOptions& options, const Clock& clock) {
    // A server's database is created by its administrator; a file, here.
    const bool existed = options.on_server() || std::filesystem::exists(options.file);
    if (!existed) {
        create_private_directories(options.file.parent_path());
        create_private_file(options.file);
    }
    DatabaseOptions writing = options;
    writing.access = DatabaseAccess::read_write;
    Database db(writing);
    const int applied = db.migrate(clock);
    return !existed || applied > 0;
}

std::unique_ptr<Database> Database::open_any_version(const DatabaseOptions& options) {
    if (!options.on_server()) require_existing(options.file);
    return std::make_unique<Database>(options);
}

std::unique_ptr<Database> Database::open(const DatabaseOptions& options) {
    auto db = open_any_version(options);
    const SchemaStatus status = db->status();
    if (status.version > status.latest)
        throw Error(ErrorKind::config,
                    fmt::format("the database '{}' is at schema version {}, newer than this program "
                                "knows ({}): upgrade expeer",
                                options.shown(), status.version, status.latest));
    if (status.version < status.latest)
        throw Error(ErrorKind::config,
                    fmt::format("the database '{}' is at schema version {} and this program needs {}: "
                                "back it up, then run 'expeer db migrate'",
                                options.shown(), status.version, status.latest));
    return db;
}

} // namespace expeer
