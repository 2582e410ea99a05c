// `expeer db check`: does the database hold together, and do the database and the content
// store agree? Finds what a crash, a disk fault or a hand at work left: pages SQLite finds
// damaged, rows whose parent is gone, contents no row records (orphans), rows whose content
// is missing or of the wrong size, the temporary files of processes that died, and stray
// files. With repair, removes what can be removed safely; what cannot be (a missing content,
// a damaged database) is reported for a backup to restore.
#pragma once

#include "library/blob_store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace expeer {

class Database;

struct DatabaseCheck {
    std::vector<std::string> integrity;    // PRAGMA integrity_check, when not "ok"
    std::vector<std::string> foreign_keys; // "library_revisions row 4: no blobs row it refers to"
    std::vector<std::string> orphan_contents;  // stored files no blobs row records
    std::vector<std::string> missing_contents; // blobs rows without their file
    std::vector<std::string> wrong_size;       // files whose size is not their row's
    std::vector<std::string> strays;           // other files in the store (relative paths)
    Recovery interrupted;                      // what processes that died left
    bool repaired = false;                     // repair was asked: removable things were removed
    bool wal_emptied = true;

    // Anything found that repair removes.
    bool has_removable() const;
    // Anything found that repair cannot fix.
    bool has_damage() const;
};

DatabaseCheck check_database(Database& db, BlobStore& blobs, bool repair);

} // namespace expeer
