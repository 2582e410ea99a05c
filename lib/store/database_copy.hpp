// A whole network from one database into another, whichever their engines: from SQLite to
// PostgreSQL when a network outgrows one machine, and back; the backups of a server.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace expeer {

class Database;

struct CopiedTable {
    std::string name;
    std::int64_t rows = 0;
};

// Every row of every table of `from` into `to`, with its ids, in one transaction on `to`;
// then every table is read back from both and compared, row by row. Both must be at the same
// schema version, and `to` hold nothing yet (a database just made). An Error otherwise, or
// when the copy differs: nothing is then kept in `to`.
std::vector<CopiedTable> copy_database(Database& from, Database& to);

// An Error, which ends with `why`, when `to` holds data: a database just made holds only its
// email key rule.
void require_new_database(Database& to, const std::string& why);

// The tables a copy carries, in the order their references need; a test checks that it is
// every table of the schema.
const std::vector<std::string>& copied_tables();

} // namespace expeer
