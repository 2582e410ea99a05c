// Which erasure list belongs to the database: the fingerprint of the list's key, so that a
// database is never run with another database's list (or none) once it has one.
#pragma once

#include <optional>
#include <string>

namespace expeer {

class Database;

std::optional<std::string> erasure_key_fingerprint(Database& db);
void record_erasure_key_fingerprint(Database& db, const std::string& fingerprint);

} // namespace expeer
