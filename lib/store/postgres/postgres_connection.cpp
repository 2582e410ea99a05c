#include "store/postgres/postgres_connection.hpp"

#include "store/postgres/postgres_migrations.hpp"
#include "store/postgres/postgres_statement.hpp"
#include "util/error.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <stdexcept>
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
        execute(fmt::format("SET lock_timeout = {}; SET client_min_messages = warning", options.busy_timeout_ms));
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

std::int64_t PostgresConnection::integer(const std::string& sql) {
    PostgresStatement query(connection_, sql);
    return query.step() ? query.integer(0) : 0;
}

void PostgresConnection::begin(TransactionMode mode) {
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

void PostgresConnection::roll_back() { execute("ROLLBACK"); }

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
    PostgresStatement move(connection_, "SELECT setval(?::regclass, (SELECT coalesce(max(id), 0) + 1 FROM " + table +
                                            "), false)");
    move.bind_text(1, name, true);
    move.step();
}

// PostgreSQL changes a table in place (ALTER TABLE), so its migrations never rebuild one and
// its references are checked at every statement.
void PostgresConnection::check_references(bool) {}

std::string PostgresConnection::broken_reference() { return {}; }

// VACUUM FULL writes each table anew and removes the old files, where the erased rows' dead
// versions were. Outside a transaction, as VACUUM must be.
bool PostgresConnection::forget_deleted_rows() {
    execute("VACUUM FULL");
    return true;
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
