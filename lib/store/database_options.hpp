// How to open the store: which database, for what, and the engine's settings.
#pragma once

#include <filesystem>
#include <string>

namespace expeer {

// What a command does with the database: a command that only reads opens it read-only, so
// that it works on a copy nobody may change (a mounted copy for a coordinator, mode 0444 in a
// read-only directory or file system).
enum class DatabaseAccess { read_only, read_write };

struct DatabaseOptions {
    // The embedded SQLite store's file; or, with `url` set, nothing.
    std::filesystem::path file;
    int busy_timeout_ms = 30000;
    DatabaseAccess access = DatabaseAccess::read_write;
    // Overwrite deleted content (SQLite's secure_delete). Always on in expeer; off only in the
    // tests that show what it protects against, whatever SQLite's compile-time default is.
    bool secure_delete = true;
    // Pages kept in memory: 32 MB instead of SQLite's 2 MB, as a large pull or import
    // otherwise spills its transaction's pages and reads index pages back, a system call each.
    int cache_kib = 32768;
    // A PostgreSQL server's database, as a libpq connection URI (postgresql://...), without
    // a password: libpq reads it from PGPASSFILE, expeer from EXPEER_DB_PASSWORD. Empty for
    // SQLite.
    std::string url = {};
    std::string password = {};

    bool on_server() const { return !url.empty(); }
    // The database as messages name it.
    std::string shown() const { return on_server() ? url : file.string(); }
};

// The database a location names: a file (or sqlite:///path) for the embedded SQLite store,
// postgresql:// or postgres:// for a PostgreSQL server.
DatabaseOptions database_at(const std::string& location, int busy_timeout_ms);

} // namespace expeer
