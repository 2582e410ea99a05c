// What the stores rely on from a statement, on every engine (test::engines()).
#include "store/statement.hpp"

#include "../scratch_database.hpp"
#include "store/database.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

namespace {

struct Store {
    test::ScratchDatabase scratch;
    std::unique_ptr<Database> db;
    explicit Store(const std::string& engine) : scratch(engine) {
        const FixedClock clock(test::at("2024-01-01T00:00:00Z"));
        Database::init(scratch.options(), clock);
        db = Database::open(scratch.options());
        db->guarded([&] {
            db->prepare("CREATE TABLE t (i BIGINT, r DOUBLE PRECISION, s TEXT, UNIQUE (s))").run();
        });
    }
};

} // namespace

TEST_CASE("values go in and come out as they were, NULL as none", "[engine]") {
    const auto engine = GENERATE(from_range(test::engines()));
    CAPTURE(engine);
    Store store(engine);
    Database& db = *store.db;
    db.guarded([&] {
        // SQLite keeps a NUL inside a text; PostgreSQL refuses one (expeer refuses control
        // characters before they reach the store).
        const std::string with_nul = engine == "sqlite" ? std::string("a\0b", 3) : std::string("a\tb");
        auto insert = db.prepare("INSERT INTO t (i, r, s) VALUES (?, ?, ?)");
        CHECK(insert.bind(1, std::int64_t{-9007199254740993}).bind(2, 0.5).bind(3, with_nul).run() == 1);
        insert.reset();
        CHECK(insert.bind(1, std::optional<std::int64_t>()).bind(2, 1.0).bind(3, "").run() == 1);
        insert.reset();
        CHECK(insert.bind(1, 7).bind(2, 2.0).bind(3, std::optional<std::string>()).run() == 1);

        auto q = db.prepare("SELECT i, r, s FROM t ORDER BY r");
        REQUIRE(q.next());
        CHECK(q.integer(0) == -9007199254740993);
        CHECK(q.real(1) == 0.5);
        CHECK(q.text(2) == with_nul);
        REQUIRE(q.next());
        CHECK_FALSE(q.optional_integer(0));
        CHECK(q.optional_text(2) == std::optional<std::string>("")); // empty, not NULL
        REQUIRE(q.next());
        CHECK(q.optional_integer(0) == 7);
        CHECK(q.is_null(2));
        CHECK_FALSE(q.next());
    });
}

TEST_CASE("a cached statement comes back reset, its parameters cleared", "[engine]") {
    const auto engine = GENERATE(from_range(test::engines()));
    CAPTURE(engine);
    Store store(engine);
    Database& db = *store.db;
    db.guarded([&] {
        auto& insert = db.cached("INSERT INTO t (i, s) VALUES (?, ?) ON CONFLICT (s) DO NOTHING");
        CHECK(insert.bind(1, 1).bind(2, "x").run() == 1);
        CHECK(db.cached("INSERT INTO t (i, s) VALUES (?, ?) ON CONFLICT (s) DO NOTHING")
                  .bind(1, 2).bind(2, "x").run() == 0); // nothing changed
        auto& again = db.cached("INSERT INTO t (i, s) VALUES (?, ?) ON CONFLICT (s) DO NOTHING");
        again.bind(2, "y"); // the first parameter left unbound: NULL, not 2
        CHECK(again.run() == 1);
        auto& count = db.cached("SELECT count(*) FROM t WHERE i IS NULL");
        REQUIRE(count.next());
        CHECK(count.integer(0) == 1);
    });
}

TEST_CASE("a bound value that was not copied is read when the statement runs", "[engine]") {
    const auto engine = GENERATE(from_range(test::engines()));
    CAPTURE(engine);
    Store store(engine);
    Database& db = *store.db;
    db.guarded([&] {
        std::string value = "kept";
        auto& insert = db.cached("INSERT INTO t (s) VALUES (?)");
        insert.bind_no_copy(1, value).run();
        auto q = db.prepare("SELECT s FROM t");
        REQUIRE(q.next());
        CHECK(q.text(0) == "kept");
    });
}

TEST_CASE("the engine's failures become expeer's errors; reading past the rows is a bug", "[engine]") {
    const auto engine = GENERATE(from_range(test::engines()));
    CAPTURE(engine);
    Store store(engine);
    Database& db = *store.db;
    CHECK_THROWS_AS(db.guarded([&] { db.prepare("SELEKT 1").run(); }), Error);
    db.guarded([&] {
        db.prepare("INSERT INTO t (s) VALUES ('x')").run();
        auto q = db.prepare("SELECT s FROM t");
        CHECK_THROWS_AS(q.text(0), std::logic_error); // no row yet
        REQUIRE(q.next());
        CHECK_FALSE(q.next());
        CHECK_THROWS_AS(q.text(0), std::logic_error); // none left
    });
    CHECK_THROWS_AS(db.guarded([&] { db.prepare("INSERT INTO t (s) VALUES ('x')").run(); }), Error);
}
