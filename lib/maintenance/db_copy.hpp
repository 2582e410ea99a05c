// `expeer db copy`: a network moved from one database to another, SQLite or PostgreSQL.
#pragma once

#include "store/database_copy.hpp"
#include "store/database_options.hpp"

#include <string>
#include <vector>

namespace expeer {

class Clock;

// Opens `from` read-only, makes `to`'s schema (a new file, or a server's empty database),
// copies every table and compares them (store/database_copy.hpp), and records the copy in
// `to`'s audit log. A file it created is removed when the copy fails.
std::vector<CopiedTable> copy_network(const DatabaseOptions& from, const DatabaseOptions& to, const Clock& clock,
                                      const std::string& actor);

} // namespace expeer
