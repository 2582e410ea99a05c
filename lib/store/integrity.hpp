// What the engine itself finds wrong in the database: damaged pages or indexes, and rows
// whose parent row is gone.
#pragma once

#include <string>
#include <vector>

namespace expeer {

class Database;

// Each problem the engine's own check reports; empty when it finds none.
std::vector<std::string> integrity_problems(Database& db);
// "library_revisions row 4: no blobs row it refers to", one per row.
std::vector<std::string> foreign_key_problems(Database& db);

} // namespace expeer
