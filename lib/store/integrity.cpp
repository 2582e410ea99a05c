#include "store/integrity.hpp"

#include "store/database.hpp"

#include <fmt/format.h>

namespace expeer {

std::vector<std::string> integrity_problems(Database& db) {
    return db.guarded([&] {
        std::vector<std::string> problems;
        SQLite::Statement integrity(db.sql(), "PRAGMA integrity_check");
        while (integrity.executeStep())
            if (auto line = integrity.getColumn(0).getString(); line != "ok") problems.push_back(std::move(line));
        return problems;
    });
}

std::vector<std::string> foreign_key_problems(Database& db) {
    return db.guarded([&] {
        std::vector<std::string> problems;
        SQLite::Statement keys(db.sql(), "PRAGMA foreign_key_check");
        while (keys.executeStep())
            problems.push_back(fmt::format("{} row {}: no {} row it refers to", keys.getColumn(0).getString(),
                                           keys.getColumn(1).getInt64(), keys.getColumn(2).getString()));
        return problems;
    });
}

} // namespace expeer
