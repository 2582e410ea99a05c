// Backups of the whole installation in one file: a consistent copy of the database, every
// stored content it refers to, and a manifest of their SHA-256, as a tar.gz.
#pragma once

#include "store/database_options.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace expeer {

class BlobStore;
class Clock;
class Database;
class ErasureList;

struct BackupSummary {
    std::size_t entries = 0; // database and contents
    std::uint64_t bytes = 0;
    int schema_version = 0;
    std::string created_at;
    std::size_t erasures_replayed = 0; // restore: people erased since the backup, erased again
};

// Written atomically, mode 0600; refuses an existing file unless `overwrite`. Safe while
// other commands write: the database is copied with VACUUM INTO.
BackupSummary create_backup(Database& db, const BlobStore& blobs, const Clock& clock, const std::filesystem::path& file,
                            bool overwrite);

// Checks every entry against the manifest; a damaged, incomplete or foreign file is an Error.
BackupSummary verify_backup(const std::filesystem::path& file);

// Verifies the whole backup first, then restores the database to `target` (a file that does
// not exist, or a server's empty database) and the contents to `blobs`, which must be empty.
// Nothing is left half-restored. The database is brought to this program's schema, and
// everyone on `erasures` is erased again: a backup made before an erasure holds the person
// in full. Into a server, all that is done on an SQLite file in a private directory beside
// `blobs`, then copied in one transaction.
BackupSummary restore_backup(const std::filesystem::path& file, const DatabaseOptions& target, BlobStore& blobs,
                             const ErasureList& erasures, const Clock& clock, const std::string& actor);

} // namespace expeer
