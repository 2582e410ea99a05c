// The shared file library of each space: folders, files, and every revision of each file.
#pragma once

#include "library/archive_reader.hpp"
#include "library/archive_writer.hpp"
#include "library/blob_store.hpp"
#include "library/library_file.hpp"
#include "library/names.hpp"
#include "spaces/permissions.hpp"
#include "util/invalid_input.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Clock;
class Database;
class BlobStore;
class LibraryStore;
struct Space;

struct AddedFile {
    std::string path;
    std::int64_t revision = 0;
    bool stored_new_content = false; // false: the same content was already in the store
    bool unchanged = false;          // the current revision had this content: no new revision
};

struct ImportedArchive {
    std::vector<AddedFile> added;
    std::vector<SkippedEntry> skipped; // the metadata of macOS and Windows, left out
    std::string guessed_encoding;      // how names that are not UTF-8 were read, when guessed
};

// What a purge removed (or, in a dry run, would remove).
struct PurgedFile {
    std::string path;
    std::size_t files = 0; // the file and every removed file that had its path
    std::size_t revisions = 0;
    std::size_t contents = 0; // contents no other revision uses, deleted from the store
    std::uint64_t bytes = 0;  // of those contents
    bool applied = false;
    bool wal_emptied = true; // false: another process had the database open
};

// How much a space may hold: bytes of every revision, and files (removed ones too, until
// purged). 0: no limit.
struct SpaceQuota {
    std::uint64_t bytes = 0;
    std::uint64_t files = 0;
};

// Cleans what processes killed while storing contents left (blob_store.hpp): their temporary
// files, and the contents they put in place that the database does not record. Every command
// that stores contents calls it first; `expeer db check --repair` too.
Recovery recover_interrupted_writes(Database& db, BlobStore& blobs);

class SpaceLibrary {
  public:
    // The quota of a space, by slug. It counts every revision of every file of the space,
    // removed files too: only a purge frees what they hold.
    using Quota = std::function<SpaceQuota(const std::string& slug)>;
    SpaceLibrary(Database& db, BlobStore& blobs, const Clock& clock, std::string actor,
                 Quota quota);

    // Adds files under `folder` (their own names), all or nothing; an existing path gets a new
    // revision, unless its current revision has the same content. `as.as` is the member
    // sharing them (an activity each): a contributor of the space, unless --as-admin lifts
    // that (spaces/permissions.hpp). Names follow library_path_problem and must not clash
    // (names.hpp) with each other or with the library's files.
    std::vector<AddedFile> add(const std::string& space,
                               const std::vector<std::filesystem::path>& files,
                               const std::string& folder, const Acting& as);
    // Adds every file of an archive, keeping its folders; all or nothing, hostile archives
    // refused (archive_reader.hpp).
    ImportedArchive import_archive(const std::string& space, const std::filesystem::path& archive,
                                   const std::string& folder, const Acting& as,
                                   const ArchiveLimits& limits);
    // The current revision of every file, in its folders; returns how many files.
    std::size_t export_archive(const std::string& space, ArchiveFormat format,
                               const std::function<void(std::string_view)>& write);
    std::vector<LibraryFile> list(const std::string& space); // by path
    std::uint64_t size_of(const std::string& space);         // bytes, every revision
    // Writes the content of a revision (the current one by default) through `sink`.
    LibraryRevision get(const std::string& space, const std::string& path,
                        std::optional<std::int64_t> revision,
                        const std::function<void(std::string_view)>& sink);
    // Moving, removing and purging a file is for a contributor who added every revision of
    // it, or a content manager.
    void move(const std::string& space, const std::string& from, const std::string& to,
              const Acting& who);
    // Hides a file from the library; its revisions and contents stay (history shows them).
    void remove(const std::string& space, const std::string& path, const Acting& who);
    // Erases the file at `path`, and every removed file that had that path: their revisions,
    // the contents no other revision uses (deleted from the store, their rows overwritten by
    // secure_delete, the WAL emptied), the path in their activities. Audited without the path
    // unless the space is public. Nothing is changed unless `apply`.
    PurgedFile purge(const std::string& space, const std::string& path, const Acting& who,
                     bool apply);
    std::vector<LibraryRevision> history(const std::string& space, const std::string& path);

  private:
    struct Sharer;
    Sharer check_sharer(const std::string& space, const Acting& as,
                        std::vector<FieldError>& errors);
    std::vector<AddedFile> record(const Sharer& sharer, const std::vector<std::string>& paths,
                                  const std::vector<StoredBlob>& stored, NewBlobs& created);
    void check_quota(LibraryStore& library, const Space& space,
                     const std::vector<std::string>& paths, const std::vector<StoredBlob>& stored);

    Database& db_;
    BlobStore& blobs_;
    const Clock& clock_;
    std::string actor_;
    Quota quota_;
};

} // namespace expeer
