#include "store/postgres/postgres_connection.hpp"

#include "store/postgres/postgres_migrations.hpp"
#include "store/postgres/postgres_statement.hpp"
#include "util/error.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace expeer {

namespace {

// One writer at a time, as on SQLite: a write transaction first takes this lock, held until
// it ends, so that writers queue (for the busy timeout) instead of failing on a conflict,
// and a read-then-write (a duplicate email, a counter) cannot be lost between two of them.
// Readers are never blocked. The number spells "expeer".
constexpr const char* begin_write = "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(111567956174194)";
// A read sees one state of the store from its first query to its end.
constexpr const char* begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ";

// A URL holding a password is refused: it would be shown wherever the database is named.
void refuse_password_in(const std::string& url) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (!options) {
        const std::string why = postgres_message(error ? error : "out of memory");
        PQfreemem(error);
        throw Error(ErrorKind::config, fmt::format("the database URL is not one PostgreSQL reads: {}", why));
    }
    bool password = false;
    for (auto* option = options; option->keyword; ++option)
        if (std::string_view(option->keyword) == "password" && option->val && *option->val) password = true;
    PQconninfoFree(options);
    if (password)
        throw Error(ErrorKind::config, "the database URL holds a password: give it in EXPEER_DB_PASSWORD or in "
                                       "libpq's password file (PGPASSFILE) instead, so that it is never shown");
}

// Why the server refused a connection, as a StoreFailure: libpq gives only a message there.
StoreFailure connection_failure(pg_conn* connection) {
    const std::string message = postgres_message(PQerrorMessage(connection));
    using Kind = StoreFailure::Kind;
    const auto says = [&](std::string_view words) { return message.find(words) != std::string::npos; };
    if (says("password authentication failed") || says("no password supplied") || says("pg_hba.conf") ||
        says("authentication failed") || (says("role \"") && says("does not exist")))
        return {Kind::denied, message};
    // TLS asked for and not offered (or the reverse, which the server says in pg_hba.conf
    // terms): trying again will not change it.
    if (says("does not support SSL") || says("SSL was required") || says("GSSAPI encryption required"))
        return {Kind::denied, message};
    if (says("database \"") && says("does not exist")) return {Kind::not_a_database, message};
    return {Kind::unreachable, message};
}

void ignore_notice(void*, const char*) {}

} // namespace

PostgresConnection::PostgresConnection(const DatabaseOptions& options) {
    refuse_password_in(options.url);
    std::vector<const char*> keywords = {"dbname", "application_name", "connect_timeout"};
    const std::string timeout = std::to_string(std::max(2, options.busy_timeout_ms / 1000));
    std::vector<const char*> values = {options.url.c_str(), "expeer", timeout.c_str()};
    if (!options.password.empty()) {
        keywords.push_back("password");
        values.push_back(options.password.c_str());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    connection_ = PQconnectdbParams(keywords.data(), values.data(), 1);
    if (!connection_) throw StoreFailure(StoreFailure::Kind::other, "out of memory");
    if (PQstatus(connection_) != CONNECTION_OK) {
        const StoreFailure failure = connection_failure(connection_);
        PQfinish(connection_);
        throw failure;
    }
    // The server's notices (a table that already exists...) are not the user's business.
    PQsetNoticeProcessor(connection_, ignore_notice, nullptr);
    try {
        // A scan's cursor is read to its end: planned for every row, not the first tenth.
        execute(fmt::format("SET lock_timeout = {}; SET client_min_messages = warning; "
                            "SET cursor_tuple_fraction = 1",
                            options.busy_timeout_ms));
        busy_timeout_ms_ = options.busy_timeout_ms;
        if (options.access == DatabaseAccess::read_only) execute("SET default_transaction_read_only = on");
    } catch (...) {
        PQfinish(connection_);
        throw;
    }
}

PostgresConnection::~PostgresConnection() { PQfinish(connection_); }

void PostgresConnection::execute(const std::string& sql) {
    PGresult* result = PQexec(connection_, sql.c_str());
    const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        const StoreFailure failure = postgres_failure(connection_, result);
        PQclear(result);
        throw failure;
    }
    PQclear(result);
}

std::unique_ptr<StatementEngine> PostgresConnection::prepare(const std::string& sql) {
    return std::make_unique<PostgresStatement>(connection_, sql);
}

std::unique_ptr<StatementEngine> PostgresConnection::prepare_scan(const std::string& sql) {
    return std::make_unique<PostgresStatement>(connection_, sql, PostgresStatement::Rows::in_batches);
}

std::int64_t PostgresConnection::integer(const std::string& sql) {
    PostgresStatement query(connection_, sql);
    return query.step() ? query.integer(0) : 0;
}

void PostgresConnection::begin(TransactionMode mode) {
    writing_ = mode == TransactionMode::write;
    try {
        execute(mode == TransactionMode::write ? begin_write : begin_read);
    } catch (const StoreFailure&) {
        // The lock was not had in time: the transaction begun is over, not left aborted.
        try {
            execute("ROLLBACK");
        } catch (const StoreFailure&) {
        }
        throw;
    }
}

void PostgresConnection::commit() { execute("COMMIT"); }

void PostgresConnection::roll_back() {
    execute("ROLLBACK");
    if (writing_) take_back_unused_ids();
}

// A sequence is not rolled back with the transaction that drew from it: without this, a
// refused import would leave a gap in the members' numbers that SQLite does not (it numbers
// from the largest id), and the same commands would show other ids on the two engines.
// Writers take turns (begin_write), so no other writer draws meanwhile. Best effort: a
// failure here must not hide the error that caused the roll back.
void PostgresConnection::take_back_unused_ids() {
    try {
        execute(begin_write);
        std::vector<std::string> tables;
        PostgresStatement identities(connection_, "SELECT table_name FROM information_schema.columns "
                                                  "WHERE table_schema = current_schema() AND is_identity = 'YES'");
        while (identities.step()) tables.push_back(identities.text(0));
        for (const auto& table : tables) continue_ids(table);
        execute("COMMIT");
    } catch (const StoreFailure&) {
        try {
            execute("ROLLBACK");
        } catch (const StoreFailure&) {
        }
    }
}

bool PostgresConnection::has_table(const std::string& name) {
    PostgresStatement query(connection_, "SELECT to_regclass(?) IS NOT NULL");
    query.bind_text(1, name, true);
    return query.step() && query.integer(0) == 1;
}

std::int64_t PostgresConnection::table_count() {
    return integer("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()");
}

std::vector<std::string> PostgresConnection::table_names() {
    PostgresStatement query(connection_, "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                         "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\"");
    std::vector<std::string> names;
    while (query.step()) names.push_back(query.text(0));
    return names;
}

// An identity's sequence does not know of ids given explicitly: it is moved past them.
void PostgresConnection::continue_ids(const std::string& table) {
    PostgresStatement sequence(connection_, "SELECT pg_get_serial_sequence(?, 'id')");
    sequence.bind_text(1, table, true);
    if (!sequence.step() || sequence.is_null(0)) return; // no identity
    const std::string name = sequence.text(0);
    // As the sequence stands once it has drawn max(id) (a dump then shows what it showed
    // before a rolled-back write), or as new for an empty table.
    PostgresStatement move(connection_, "SELECT CASE WHEN max(id) IS NULL THEN setval(?1::regclass, 1, false) "
                                        "ELSE setval(?1::regclass, max(id)) END FROM " + table);
    move.bind_text(1, name, true);
    move.step();
}

// PostgreSQL changes a table in place (ALTER TABLE), so its migrations never rebuild one and
// its references are checked at every statement.
void PostgresConnection::check_references(bool) {}

std::string PostgresConnection::broken_reference() { return {}; }

// The server checks references at every statement, but a superuser can turn that off
// (session_replication_role): walk every single-column reference of the schema.
std::vector<MissingParent> PostgresConnection::rows_without_parent() {
    struct Reference {
        std::string table, column, parent, parent_column;
        bool has_id;
    };
    std::vector<Reference> references;
    PostgresStatement list(connection_,
                           "SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, p.attname, "
                           "  EXISTS (SELECT 1 FROM pg_attribute i WHERE i.attrelid = c.conrelid AND i.attname = 'id') "
                           "FROM pg_constraint c "
                           "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
                           "JOIN pg_attribute p ON p.attrelid = c.confrelid AND p.attnum = c.confkey[1] "
                           "WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 "
                           "  AND c.connamespace = current_schema()::regnamespace "
                           "ORDER BY 1, 2");
    while (list.step())
        references.push_back({list.text(0), list.text(1), list.text(2), list.text(3), list.integer(4) != 0});
    std::vector<MissingParent> rows;
    for (const auto& r : references) {
        PostgresStatement orphans(connection_, fmt::format("SELECT {} FROM {} c WHERE c.{} IS NOT NULL AND NOT EXISTS "
                                                           "(SELECT 1 FROM {} p WHERE p.{} = c.{}) ORDER BY 1",
                                                           r.has_id ? "c.id" : "0", r.table, r.column, r.parent,
                                                           r.parent_column, r.column));
        while (orphans.step()) rows.push_back({r.table, orphans.integer(0), r.parent});
    }
    return rows;
}

// The server checks its pages as it reads them (with data checksums on): nothing to walk.
std::vector<std::string> PostgresConnection::damage() { return {}; }

// VACUUM FULL writes each table anew and removes the old files, where the erased rows' dead
// versions were. Outside a transaction, as VACUUM must be. It copies a dead version that a
// transaction older than the erasure might still see, and VACUUM FULL's own snapshot counts
// every transaction of the server, in whatever database (a long import elsewhere, autovacuum's
// ANALYZE, a prepared transaction, a replication slot): wait for them to end, for the busy
// timeout, and say false if one outlasts it. Other roles' sessions are seen with
// pg_read_all_stats (README, On PostgreSQL).
bool PostgresConnection::forget_deleted_rows() {
    std::string now;
    {
        PostgresStatement current(connection_, "SELECT pg_current_xact_id()::xid::text");
        if (current.step()) now = current.text(0);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms_);
    for (;;) {
        PostgresStatement older(
            connection_,
            "SELECT (SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
            "          AND (age(backend_xmin) > age(?1::xid) OR age(backend_xid) > age(?1::xid))) "
            "     + (SELECT count(*) FROM pg_prepared_xacts WHERE age(transaction) > age(?1::xid)) "
            "     + (SELECT count(*) FROM pg_replication_slots "
            "          WHERE age(xmin) > age(?1::xid) OR age(catalog_xmin) > age(?1::xid))");
        older.bind_text(1, now, true);
        if (!older.step() || older.integer(0) == 0) break;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    execute("VACUUM (FULL, ANALYZE)");
    forget_statistics_of_empty_tables();
    execute("VACUUM FULL pg_catalog.pg_statistic");
    return true;
}

// ANALYZE leaves a table that has become empty with the statistics of its last rows (their
// most common values: a deleted map's notes, the last erased address). Changing a column's
// type, even to the same one, drops them; only the table's owner may, not only a superuser.
void PostgresConnection::forget_statistics_of_empty_tables() {
    std::vector<std::string> changes;
    {
        PostgresStatement columns(
            connection_,
            "SELECT format('ALTER TABLE %I ALTER COLUMN %I TYPE %s%s', s.tablename, s.attname, "
            "  format_type(a.atttypid, a.atttypmod), "
            "  CASE WHEN a.attcollation <> 0 THEN format(' COLLATE %I', co.collname) ELSE '' END) "
            "FROM pg_stats s JOIN pg_namespace n ON n.nspname = s.schemaname "
            "JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.tablename "
            "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = s.attname "
            "LEFT JOIN pg_collation co ON co.oid = a.attcollation "
            "WHERE s.schemaname = current_schema() AND c.relkind = 'r' AND c.reltuples = 0");
        while (columns.step()) changes.push_back(columns.text(0));
    }
    for (const auto& change : changes) execute(change);
}

void PostgresConnection::overwrite_deleted_data() {} // forget_deleted_rows does it

// Database::snapshot_to copies a server's tables into an SQLite file instead.
void PostgresConnection::snapshot_to(const std::filesystem::path&) {
    throw std::logic_error("a server's database has no file to copy");
}

namespace {

// A session lock of the server, on this connection: released when the connection ends,
// which the server notices when the process dies.
class ServerJobLock final : public JobLock {
public:
    ServerJobLock(pg_conn* connection, std::string key) : connection_(connection), key_(std::move(key)) {}
    ~ServerJobLock() override {
        PostgresStatement unlock(connection_, "SELECT pg_advisory_unlock(hashtextextended(?, 0))");
        unlock.bind_text(1, key_, true);
        try {
            unlock.step();
        } catch (const StoreFailure&) {
            // The connection is gone, and the lock with it.
        }
    }

private:
    pg_conn* connection_;
    std::string key_;
};

} // namespace

std::unique_ptr<JobLock> PostgresConnection::lock_job(const std::string& job, const std::string& what) {
    const std::string key = "expeer job " + job;
    PostgresStatement take(connection_, "SELECT pg_try_advisory_lock(hashtextextended(?, 0))");
    take.bind_text(1, key, true);
    if (!take.step() || take.integer(0) != 1)
        throw Error(ErrorKind::temporary,
                    fmt::format("{} is already running (it holds the lock '{}' on the database server): try again later",
                                what, job));
    return std::make_unique<ServerJobLock>(connection_, key);
}

const std::vector<Migration>& PostgresConnection::migrations() const { return postgres_migrations(); }

} // namespace expeer
