#include "maintenance/db_check.hpp"

#include "store/database.hpp"
#include "store/library_store.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <sys/stat.h>

namespace expeer {

bool DatabaseCheck::has_removable() const {
    return !orphan_contents.empty() || !strays.empty() || interrupted.runs > 0;
}

bool DatabaseCheck::has_damage() const {
    return !integrity.empty() || !foreign_keys.empty() || !missing_contents.empty() ||
           !wrong_size.empty();
}

namespace {

void check_contents(LibraryStore& library, BlobStore& blobs, DatabaseCheck& check) {
    const auto rows = library.blobs();
    const auto files = blobs.stored();
    const auto in_use = blobs.in_use(); // put in place by live processes, their commit to come
    std::set<std::string> recorded;
    for (const auto& [sha256, size] : rows) {
        recorded.insert(sha256);
        struct stat st {};
        if (::stat(blobs.path_of(sha256).c_str(), &st) != 0)
            check.missing_contents.push_back(sha256);
        else if (static_cast<std::uint64_t>(st.st_size) != size)
            check.wrong_size.push_back(
                fmt::format("{} ({} bytes, recorded as {})", sha256, st.st_size, size));
    }
    for (const auto& sha256 : files)
        if (!recorded.count(sha256) && !in_use.count(sha256))
            check.orphan_contents.push_back(sha256);
    for (const auto& path : blobs.strays())
        check.strays.push_back(std::filesystem::relative(path, blobs.root()).string());
}

} // namespace

DatabaseCheck check_database(Database& db, BlobStore& blobs, bool repair) {
    DatabaseCheck check;
    // The write lock, even to look: a process storing contents puts them in place inside
    // its write transaction, so none is caught between putting and recording.
    db.write([&](Write&) {
        LibraryStore library(db);
        check.integrity = db.damage();
        for (const auto& row : db.rows_without_parent())
            check.foreign_keys.push_back(
                fmt::format("{} row {}: no {} row it refers to", row.table, row.row, row.parent));
        const auto recorded = [&](const std::string& sha256) { return library.has_blob(sha256); };
        check.interrupted = blobs.recover(recorded, repair);
        check_contents(library, blobs, check);
        if (repair) {
            for (const auto& sha256 : check.orphan_contents)
                blobs.remove(sha256);
            std::error_code ignored;
            for (const auto& stray : check.strays)
                std::filesystem::remove(blobs.root() / stray, ignored);
            check.repaired = true;
        }
    });
    // Left empty, the dead runs' folders and the tmp folder itself are fine as they are.
    if (repair) check.wal_emptied = db.checkpoint_and_truncate();
    return check;
}

} // namespace expeer
