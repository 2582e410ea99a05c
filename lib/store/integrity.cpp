#include "store/integrity.hpp"

#include "store/database.hpp"

#include <fmt/format.h>

namespace expeer {

std::vector<std::string> integrity_problems(Database& db) { return db.damage(); }

std::vector<std::string> foreign_key_problems(Database& db) {
    std::vector<std::string> problems;
    for (const auto& row : db.rows_without_parent())
        problems.push_back(fmt::format("{} row {}: no {} row it refers to", row.table, row.row, row.parent));
    return problems;
}

} // namespace expeer
