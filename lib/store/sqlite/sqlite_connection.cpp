#include "store/sqlite/sqlite_connection.hpp"

#include "store/sqlite/sqlite_statement.hpp"
#include "util/error.hpp"
#include "util/lock_file.hpp"
#include "util/write_failure.hpp"

#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>

namespace expeer {

namespace {

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

// An open connection, or a StoreFailure with SQLite's code and message. SQLite opens
// lazily: `probe` reads the schema once, so that a file that cannot be read says so here.
sqlite3* connect(const std::string& name, int flags, int busy_timeout_ms, bool probe) {
    sqlite3* db = nullptr;
    int code = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
    if (code == SQLITE_OK) {
        sqlite3_busy_timeout(db, busy_timeout_ms);
        if (probe) code = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    }
    if (code != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
        sqlite3_close_v2(db);
        throw sqlite_failure(code, message);
    }
    return db;
}

// A read-only connection. SQLite reads a WAL database through an index it keeps in a "-shm"
// file beside it, and cannot create one in a directory it may not write: a copy of the
// database nobody may change (mode 0444 in a read-only directory, a read-only mount) is then
// opened as immutable, which needs no index. Not when a WAL file holds changes the database
// file lacks: those would be silently left out.
sqlite3* connect_read_only(const std::filesystem::path& file, int busy_timeout_ms) {
    try {
        return connect(file.string(), SQLITE_OPEN_READONLY, busy_timeout_ms, true);
    } catch (const StoreFailure& e) {
        if (e.kind() != StoreFailure::Kind::cannot_write) throw; // read-only or cannot open
        if (has_pending_wal(file))
            throw Error(ErrorKind::no_input,
                        fmt::format("cannot read '{}': its WAL file holds changes not yet in the database, and "
                                    "SQLite cannot make its index beside it ({}); run 'expeer db migrate' once where "
                                    "it can be written, which folds the WAL file in, and copy it then",
                                    file.string(), e.what()));
    }
    return connect(file_uri(file, "mode=ro&immutable=1"), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, busy_timeout_ms,
                   true);
}

// Why a database opened to be changed cannot be: the file, its directory (where SQLite
// creates its WAL file) or the file system. Empty when it can.
std::string why_read_only(sqlite3* db, const std::filesystem::path& file) {
    struct statvfs fs{};
    if (::statvfs(file.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY)) return "it is on a read-only file system";
    if (sqlite3_db_readonly(db, "main") == 1) return "the file may not be written";
    const auto directory = std::filesystem::absolute(file).parent_path();
    if (::access(directory.c_str(), W_OK | X_OK) != 0 && ::access((file.string() + "-wal").c_str(), W_OK) != 0)
        return fmt::format("its directory '{}' may not be written, and SQLite keeps its WAL file there",
                           directory.string());
    return "";
}

} // namespace

SqliteConnection::SqliteConnection(const DatabaseOptions& options)
    : file_(options.file),
      db_(options.access == DatabaseAccess::read_only ? connect_read_only(options.file, options.busy_timeout_ms)
                                                       : connect(options.file.string(), SQLITE_OPEN_READWRITE,
                                                                 options.busy_timeout_ms, false)) {
    try {
        set_up(options);
    } catch (...) {
        sqlite3_close_v2(db_);
        throw;
    }
}

SqliteConnection::~SqliteConnection() { sqlite3_close_v2(db_); }

void SqliteConnection::set_up(const DatabaseOptions& options) {
    const bool read_only = options.access == DatabaseAccess::read_only;
    if (!read_only)
        if (const std::string why = why_read_only(db_, file_); !why.empty())
            throw Error(ErrorKind::cannot_create,
                        fmt::format("the database '{}' is read-only here: {}; this command changes it, while "
                                    "commands that only read it (list, show, export, reports) work on a "
                                    "read-only copy",
                                    file_.string(), why));
    // WAL lets readers go on while a writer works; a read-only connection changes nothing.
    if (!read_only) execute("PRAGMA journal_mode = WAL");
    execute("PRAGMA foreign_keys = ON");
    execute(fmt::format("PRAGMA cache_size = -{}", options.cache_kib));
    // Deleted personal data is overwritten with zeros instead of staying in free space and
    // free pages. Set here, whatever SQLite's compile-time default (Debian's is on), and
    // checked: a build of SQLite that cannot do it is refused.
    execute(options.secure_delete ? "PRAGMA secure_delete = ON" : "PRAGMA secure_delete = OFF");
    if (options.secure_delete && integer("PRAGMA secure_delete") != 1)
        throw Error(ErrorKind::config, "this build of SQLite cannot overwrite deleted data (PRAGMA "
                                       "secure_delete), which expeer needs so that erasures leave nothing behind");
}

void SqliteConnection::execute(const std::string& sql) {
    char* message = nullptr;
    const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
        const std::string why = message ? message : sqlite3_errstr(code);
        sqlite3_free(message);
        throw sqlite_failure(code, why);
    }
}

std::unique_ptr<StatementEngine> SqliteConnection::prepare(const std::string& sql) {
    return std::make_unique<SqliteStatement>(db_, sql);
}

std::int64_t SqliteConnection::integer(const std::string& sql) {
    SqliteStatement query(db_, sql);
    return query.step() ? query.integer(0) : 0;
}

void SqliteConnection::begin(TransactionMode mode) {
    execute(mode == TransactionMode::write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

void SqliteConnection::commit() { execute("COMMIT"); }

void SqliteConnection::roll_back() { execute("ROLLBACK"); }

bool SqliteConnection::has_table(const std::string& name) {
    SqliteStatement query(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    query.bind_text(1, name, true);
    return query.step();
}

std::int64_t SqliteConnection::table_count() {
    return integer("SELECT count(*) FROM sqlite_master WHERE type = 'table'");
}

std::vector<std::string> SqliteConnection::table_names() {
    SqliteStatement query(db_, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                               "ESCAPE '\\' ORDER BY name");
    std::vector<std::string> names;
    while (query.step()) names.push_back(query.text(0));
    return names;
}

void SqliteConnection::continue_ids(const std::string&) {} // SQLite takes the highest id + 1

// The pragma has no effect inside a transaction, hence outside it.
void SqliteConnection::check_references(bool each_statement) {
    execute(each_statement ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
}

std::string SqliteConnection::broken_reference() {
    SqliteStatement broken(db_, "PRAGMA foreign_key_check");
    return broken.step() ? broken.text(0) : std::string();
}

std::vector<MissingParent> SqliteConnection::rows_without_parent() {
    std::vector<MissingParent> rows;
    SqliteStatement check(db_, "PRAGMA foreign_key_check");
    while (check.step()) rows.push_back({check.text(0), check.integer(1), check.text(2)});
    return rows;
}

std::vector<std::string> SqliteConnection::damage() {
    std::vector<std::string> problems;
    SqliteStatement check(db_, "PRAGMA integrity_check");
    while (check.step())
        if (auto line = check.text(0); line != "ok") problems.push_back(std::move(line));
    return problems;
}

bool SqliteConnection::forget_deleted_rows() {
    return integer("PRAGMA wal_checkpoint(TRUNCATE)") == 0; // 1: blocked by another connection
}

void SqliteConnection::overwrite_deleted_data() { execute("PRAGMA secure_delete = ON"); }

void SqliteConnection::snapshot_to(const std::filesystem::path& target) {
    SqliteStatement vacuum(db_, "VACUUM INTO ?");
    vacuum.bind_text(1, target.string(), true);
    try {
        vacuum.step();
    } catch (const StoreFailure& e) {
        // Writing the copy failed, not the database: name the copy, and say why in words.
        const int code = sqlite3_errcode(db_) & 0xff;
        const int system_error = sqlite3_system_errno(db_);
        if (code == SQLITE_FULL)
            throw Error(ErrorKind::io, fmt::format("cannot write a copy of the database to '{}': {}", target.string(),
                                                   why_write_failed(system_error ? system_error : ENOSPC)));
        if (code == SQLITE_IOERR || code == SQLITE_CANTOPEN)
            throw Error(ErrorKind::io, fmt::format("cannot write a copy of the database to '{}': {}", target.string(),
                                                   system_error ? why_write_failed(system_error) : e.what()));
        throw;
    }
}

namespace {

// A lock file beside the database: flock, which the kernel releases when the process dies.
class FileJobLock final : public JobLock {
public:
    FileJobLock(const std::filesystem::path& file, const std::string& what) : lock_(file, what.c_str()) {}

private:
    LockFile lock_;
};

} // namespace

std::unique_ptr<JobLock> SqliteConnection::lock_job(const std::string& job, const std::string& what) {
    return std::make_unique<FileJobLock>(file_.string() + "." + job + ".lock", what);
}

const std::vector<Migration>& SqliteConnection::migrations() const { return expeer::migrations(); }

} // namespace expeer
