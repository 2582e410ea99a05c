// A database of its own for one test, on each engine the tests can reach: SQLite always;
// PostgreSQL when EXPEER_TEST_POSTGRES names a server's maintenance database (ctest's
// unit/postgres test starts one, tests/postgres/server). Removed afterwards.
#pragma once

#include "scratch.hpp"
#include "store/database.hpp"

#include <catch2/catch.hpp>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>
#include <vector>

namespace expeer::test {

inline std::vector<std::string> engines() {
    std::vector<std::string> names = {"sqlite"};
    if (const char* url = std::getenv("EXPEER_TEST_POSTGRES"); url && *url) names.push_back("postgresql");
    return names;
}

class ScratchDatabase {
public:
    explicit ScratchDatabase(const std::string& engine, int busy_timeout_ms = 1000) {
        options_.busy_timeout_ms = busy_timeout_ms;
        if (engine == "sqlite") {
            options_.file = dir_ / "expeer.db";
            return;
        }
        static std::atomic<int> made{0};
        name_ = "expeer_test_" + std::to_string(::getpid()) + "_" + std::to_string(++made);
        admin("DROP DATABASE IF EXISTS " + name_);
        admin("CREATE DATABASE " + name_);
        // The maintenance database's URL, with this database's name instead.
        const std::string server = std::getenv("EXPEER_TEST_POSTGRES");
        const auto query = server.find('?');
        options_.url = "postgresql:///" + name_ + (query == std::string::npos ? "" : server.substr(query));
    }
    ~ScratchDatabase() {
        if (!name_.empty()) admin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    }
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    const DatabaseOptions& options() const { return options_; }
    const ScratchDir& dir() const { return dir_; }

    // Runs SQL on the server's maintenance database, as its administrator.
    static void admin(const std::string& sql) {
        PGconn* connection = PQconnectdb(std::getenv("EXPEER_TEST_POSTGRES"));
        PQsetNoticeProcessor(connection, [](void*, const char*) {}, nullptr);
        PGresult* result = PQexec(connection, sql.c_str());
        const bool done = PQresultStatus(result) == PGRES_COMMAND_OK;
        const std::string message = PQerrorMessage(connection);
        PQclear(result);
        PQfinish(connection);
        if (!done) FAIL("PostgreSQL: " << sql << ": " << message);
    }

private:
    ScratchDir dir_;
    DatabaseOptions options_;
    std::string name_;
};

} // namespace expeer::test
