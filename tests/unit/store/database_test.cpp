#include "store/database.hpp"

#include "../scratch.hpp"
#include "store/migrations.hpp"
#include "util/error.hpp"

#include "../error_kind.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <sys/stat.h>

using namespace expeer;
using test::error_kind_of;
using Catch::Matchers::Contains;

namespace {

unsigned mode_of(const std::filesystem::path& p) {
    struct stat st{};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 0777;
}


std::int64_t integer_of(Database& db, const std::string& sql) {
    Statement query = db.prepare(sql);
    REQUIRE(query.next());
    return query.integer(0);
}

std::string text_of(Database& db, const std::string& sql) {
    Statement query = db.prepare(sql);
    REQUIRE(query.next());
    return query.text(0);
}

// A database file made by SQLite itself, not by expeer.
void sqlite_file(const std::filesystem::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK);
    const int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close_v2(db);
    REQUIRE(code == SQLITE_OK);
}

} // namespace

TEST_CASE("init creates a private file in private directories, at the latest schema") {
    test::ScratchDir dir;
    const FixedClock clock(test::at("2024-01-01T00:00:00Z"));
    const DatabaseOptions options{dir / "a" / "b" / "expeer.db", 1000};
    CHECK(Database::init(options, clock));
    CHECK(mode_of(dir / "a") == 0700);
    CHECK(mode_of(dir / "a" / "b") == 0700);
    CHECK(mode_of(options.file) == 0600);
    auto db = Database::open(options);
    CHECK(db->status().version == migrations().back().version);
    CHECK(db->status().applied_at == "2024-01-01T00:00:00Z");
    // WAL and foreign keys are on for every connection.
    CHECK(text_of(*db, "PRAGMA journal_mode") == "wal");
    CHECK(integer_of(*db, "PRAGMA foreign_keys") == 1);
    // A second init has nothing to do.
    CHECK_FALSE(Database::init(options, clock));
}

TEST_CASE("the WAL file of a private database is private too") {
    test::ScratchDir dir;
    const DatabaseOptions options{dir / "expeer.db", 1000};
    Database::init(options, SystemClock());
    auto db = Database::open(options);
    db->execute("CREATE TABLE scratch (x)");
    CHECK(mode_of(dir / "expeer.db-wal") == 0600);
}

TEST_CASE("a missing database tells how to create it") {
    test::ScratchDir dir;
    std::string message;
    CHECK(error_kind_of([&] { Database::open({dir / "none.db", 1000}); }, &message) == ErrorKind::config);
    CHECK_THAT(message, Contains("expeer db init"));
}

TEST_CASE("a database newer than the program is refused, an older one asks for migrate") {
    test::ScratchDir dir;
    const DatabaseOptions options{dir / "expeer.db", 1000};
    Database::init(options, SystemClock());
    {
        auto db = Database::open(options);
        db->execute("INSERT INTO schema_migrations VALUES (999, 'from the future', '2030-01-01T00:00:00Z')");
    }
    std::string message;
    CHECK(error_kind_of([&] { Database::open(options); }, &message) == ErrorKind::config);
    CHECK_THAT(message, Contains("schema version 999, newer than this program"));
    CHECK(error_kind_of([&] { Database::open_any_version(options)->migrate(SystemClock()); }) == ErrorKind::config);

    {
        auto db = Database::open_any_version(options);
        db->execute("DELETE FROM schema_migrations");
        db->execute("INSERT INTO schema_migrations VALUES (0, 'older', '2020-01-01T00:00:00Z')");
    }
    CHECK(error_kind_of([&] { Database::open(options); }, &message) == ErrorKind::config);
    CHECK_THAT(message, Contains("run 'expeer db migrate'"));
}

TEST_CASE("a file that is not an expeer database is refused") {
    test::ScratchDir dir;
    const auto text = dir.write("notes.txt", std::string(4096, 'x'));
    CHECK(error_kind_of([&] { Database::open({text, 1000}); }) == ErrorKind::config);
    {
        sqlite_file(dir / "other.db", "CREATE TABLE recipes (name TEXT)");
    }
    std::string message;
    CHECK(error_kind_of([&] { Database::open({dir / "other.db", 1000}); }, &message) == ErrorKind::config);
    CHECK_THAT(message, Contains("not an expeer one"));
}

TEST_CASE("a writer that cannot get the lock in time gets a temporary error") {
    test::ScratchDir dir;
    const DatabaseOptions options{dir / "expeer.db", 100};
    Database::init(options, SystemClock());
    auto holder = Database::open(options);
    auto held = holder->write_transaction();
    auto waiter = Database::open(options);
    std::string message;
    CHECK(error_kind_of([&] { waiter->guarded([&] { waiter->write_transaction(); }); }, &message) ==
          ErrorKind::temporary);
    CHECK_THAT(message, Contains("try again later"));
    // Readers are not blocked by a writer in WAL mode.
    CHECK_NOTHROW(waiter->status());
}

TEST_CASE("migrations are numbered in order, without gaps") {
    int expected = 1;
    for (const auto& m : migrations()) CHECK(m.version == expected++);
}

TEST_CASE("a version 1 database migrates to the latest version with its members and their history") {
    test::ScratchDir dir;
    const DatabaseOptions options{dir / "expeer.db", 1000};
    {
        // A database as the first release made it.
        sqlite_file(options.file,
                    "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);" +
                    std::string(migrations()[0].sql) +
                    ";INSERT INTO schema_migrations VALUES (1, 'v1', '2024-01-01T00:00:00Z');"
                    "INSERT INTO members (email, email_key, display_name, country, occupation, language, profile, "
                "newsletter_consent, registered_on, status, search_text, created_at, updated_at) VALUES "
                "('A@example.org', 'a@example.org', 'Amina', 'TN', 'lawyer', 'fr', 'member', 1, "
                "'2023-05-01', 'active', 'amina', '2023-05-01T00:00:00Z', '2023-05-01T00:00:00Z');"
                    "INSERT INTO consent_events (member_id, at, consent, source) VALUES (1, '2023-05-01T00:00:00Z', 1, 'form')");
    }
    std::string message;
    CHECK(error_kind_of([&] { Database::open(options); }, &message) == ErrorKind::config);
    auto db = Database::open_any_version(options);
    CHECK(db->migrate(SystemClock()) == static_cast<int>(migrations().size()) - 1);
    CHECK(db->status().version == migrations().back().version);
    CHECK(text_of(*db, "SELECT email || ' ' || display_name || ' ' || country FROM members") ==
          "A@example.org Amina TN");
    // The consent history survived the rebuild of the members table.
    CHECK(integer_of(*db, "SELECT count(*) FROM consent_events WHERE member_id = 1") == 1);
    CHECK(integer_of(*db, "PRAGMA foreign_keys") == 1);
    CHECK_NOTHROW(Database::open(options));
}

namespace {

bool file_holds(const std::filesystem::path& file, const std::string& needle) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return bytes.find(needle) != std::string::npos;
}

// Writes a distinctive value, deletes it and folds the WAL into the database file.
void write_and_delete(const DatabaseOptions& options, const std::string& value) {
    Database::init(options, SystemClock());
    auto db = Database::open(options);
    db->execute("CREATE TABLE notes (text TEXT)");
    db->execute("INSERT INTO notes VALUES ('kept for the page to stay in use')");
    db->prepare("INSERT INTO notes VALUES (?)").bind(1, value).run();
    db->execute("DELETE FROM notes WHERE text = '" + value + "'");
    CHECK(db->checkpoint_and_truncate());
}

} // namespace

// Whatever SQLite's compile-time default (Debian's build has secure_delete on): the test sets
// it off on one connection to show that the check can fail, and expeer's own setting on.
TEST_CASE("deleted data is overwritten in the database file, not left in free space") {
    const std::string value = "amina.bensalah@example.org Amina Ben Salah, Tunis";
    {
        test::ScratchDir dir;
        DatabaseOptions options{dir / "expeer.db", 1000};
        options.secure_delete = false;
        write_and_delete(options, value);
        CHECK(file_holds(options.file, value)); // what secure_delete protects against
    }
    {
        test::ScratchDir dir;
        const DatabaseOptions options{dir / "expeer.db", 1000};
        write_and_delete(options, value);
        CHECK_FALSE(file_holds(options.file, value));
        CHECK(integer_of(*Database::open(options), "PRAGMA secure_delete") == 1);
    }
}

namespace {

std::int64_t rows_in(Database& db, const char* table) {
    return integer_of(db, std::string("SELECT count(*) FROM ") + table);
}

AuditEntry entry(const char* action) { return {0, "2024-01-01T00:00:00Z", "tester", action, "test", "1", ""}; }

} // namespace

TEST_CASE("a unit of work keeps the change with its audit entry, or neither") {
    test::ScratchDir dir;
    const DatabaseOptions options{dir / "expeer.db", 1000};
    Database::init(options, SystemClock());
    auto db = Database::open(options);
    db->execute("CREATE TABLE scratch (x)");
    const auto audited = rows_in(*db, "audit_log");

    const int answer = db->write([&](Write& w) {
        w.db().execute("INSERT INTO scratch VALUES (1)");
        w.audit(entry("test.kept"));
        return 42;
    });
    CHECK(answer == 42);
    CHECK(rows_in(*db, "scratch") == 1);
    CHECK(rows_in(*db, "audit_log") == audited + 1);

    // A failure after the audit entry: neither stays, and what was done outside is undone.
    bool undone = false;
    CHECK_THROWS_AS(db->write([&](Write& w) {
        w.on_rollback([&] { undone = true; });
        w.db().execute("INSERT INTO scratch VALUES (2)");
        w.audit(entry("test.lost"));
        throw std::runtime_error("half way");
    }),
                    std::runtime_error);
    CHECK(undone);
    CHECK(rows_in(*db, "scratch") == 1);
    CHECK(rows_in(*db, "audit_log") == audited + 1);

    // A dry run writes, sees what it wrote, and keeps nothing.
    undone = false;
    db->write([&](Write& w) {
        w.on_rollback([&] { undone = true; });
        w.db().execute("INSERT INTO scratch VALUES (3)");
        CHECK(rows_in(w.db(), "scratch") == 2);
        w.discard();
    });
    CHECK(undone);
    CHECK(rows_in(*db, "scratch") == 1);

    // Busy: another writer holds the lock, the unit gives a temporary error and runs nothing.
    DatabaseOptions quick = options;
    quick.busy_timeout_ms = 100;
    auto other = Database::open(quick);
    auto held = db->write_transaction();
    bool ran = false;
    CHECK(error_kind_of([&] { other->write([&](Write&) { ran = true; }); }) == ErrorKind::temporary);
    CHECK_FALSE(ran);
}
