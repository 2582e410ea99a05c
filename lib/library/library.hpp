// The shared file library of each space: folders, files, and every revision of each file.
#pragma once

#include "library/archive_reader.hpp"
#include "library/archive_writer.hpp"
#include "library/blob_store.hpp"
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

struct LibraryRevision {
    std::int64_t revision = 0; // 1, 2, ...
    std::string sha256; // "" for a version pulled from the platform without its bytes
    std::uint64_t size = 0;
    std::string added_at;
    std::optional<std::int64_t> added_by; // member id
};

struct LibraryFile {
    std::int64_t id = 0;
    std::int64_t space_id = 0;
    std::string path; // "études/rapport 2023.pdf"
    std::string created_at;
    std::optional<std::string> deleted_at;
    LibraryRevision current;      // the newest revision
    std::size_t revisions = 0;
};

struct AddedFile {
    std::string path;
    std::int64_t revision = 0;
    bool stored_new_content = false; // false: the same content was already in the store
};

// Why `path` cannot name a file in a library, if it cannot: empty, absolute, a "." or ".."
// component, control characters, not UTF-8, too long.
std::optional<std::string> library_path_problem(std::string_view path);
// "a//b/" -> "a/b"; the caller checks the result with library_path_problem.
std::string normalise_library_path(std::string_view path);

class SpaceLibrary {
public:
    // The quota of a space, by slug, in bytes (0: no limit). It counts every revision of every
    // file of the space.
    using Quota = std::function<std::uint64_t(const std::string& slug)>;
    SpaceLibrary(Database& db, BlobStore& blobs, const Clock& clock, std::string actor, Quota quota);

    // Adds files under `folder` (their own names), all or nothing; an existing path gets a new
    // revision. `as.as` is the member sharing them (an activity each): a contributor of the
    // space, unless --as-admin lifts that (spaces/permissions.hpp).
    std::vector<AddedFile> add(const std::string& space, const std::vector<std::filesystem::path>& files,
                               const std::string& folder, const Acting& as);
    // Adds every file of an archive, keeping its folders; all or nothing, hostile archives
    // refused (archive_reader.hpp).
    std::vector<AddedFile> import_archive(const std::string& space, const std::filesystem::path& archive,
                                          const std::string& folder, const Acting& as, const ArchiveLimits& limits);
    // The current revision of every file, in its folders; returns how many files.
    std::size_t export_archive(const std::string& space, ArchiveFormat format,
                               const std::function<void(std::string_view)>& write);
    std::vector<LibraryFile> list(const std::string& space); // by path
    std::uint64_t size_of(const std::string& space);         // bytes, every revision
    // Writes the content of a revision (the current one by default) through `sink`.
    LibraryRevision get(const std::string& space, const std::string& path, std::optional<std::int64_t> revision,
                        const std::function<void(std::string_view)>& sink);
    // Moving and removing a file is for a contributor who added every revision of it, or a
    // content manager.
    void move(const std::string& space, const std::string& from, const std::string& to, const Acting& who);
    void remove(const std::string& space, const std::string& path, const Acting& who);
    std::vector<LibraryRevision> history(const std::string& space, const std::string& path);

private:
    struct Sharer;
    Sharer check_sharer(const std::string& space, const Acting& as, std::vector<FieldError>& errors);
    std::vector<AddedFile> record(const Sharer& sharer, const std::vector<std::string>& paths,
                                  const std::vector<StoredBlob>& stored);

    Database& db_;
    BlobStore& blobs_;
    const Clock& clock_;
    std::string actor_;
    Quota quota_;
};

} // namespace expeer
