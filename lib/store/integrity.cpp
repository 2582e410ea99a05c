#include "store/integrity.hpp"

#include "store/database.hpp"

#include <fmt/format.h>

namespace expeer {

// A PostgreSQL server checks references at every statement and its pages as it reads them
// (with data checksums on): nothing for expeer to walk through there.
std::vector<std::string> integrity_problems(Database& db) {
    if (db.options().on_server()) return {};
    return db.guarded([&] {
        std::vector<std::string> problems;
        Statement integrity = db.prepare("PRAGMA integrity_check");
        while (integrity.next())
            if (auto line = integrity.text(0); line != "ok") problems.push_back(std::move(line));
        return problems;
    });
}

std::vector<std::string> foreign_key_problems(Database& db) {
    if (db.options().on_server()) return {};
    return db.guarded([&] {
        std::vector<std::string> problems;
        Statement keys = db.prepare("PRAGMA foreign_key_check");
        while (keys.next())
            problems.push_back(fmt::format("{} row {}: no {} row it refers to", keys.text(0), keys.integer(1),
                                           keys.text(2)));
        return problems;
    });
}

} // namespace expeer
