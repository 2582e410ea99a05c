// Library entries, revisions and blob records in the database.
#pragma once

#include "library/library_file.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace expeer {

class Database;

class LibraryStore {
  public:
    explicit LibraryStore(Database& db) : db_(db) {}

    std::optional<LibraryFile> find(std::int64_t space_id, const std::string& path); // not deleted
    std::vector<LibraryFile> list(std::int64_t space_id); // not deleted, by path
    std::vector<LibraryRevision> revisions(std::int64_t file_id);
    std::uint64_t space_bytes(std::int64_t space_id);
    std::uint64_t file_count(std::int64_t space_id);       // removed ones too
    std::vector<std::string> paths(std::int64_t space_id); // not deleted
    std::vector<std::int64_t> files_at(std::int64_t space_id,
                                       const std::string& path); // removed ones too
    // How many revisions, of files other than `except`, have this content.
    std::int64_t revisions_using(const std::string& sha256,
                                 const std::vector<std::int64_t>& except);
    std::uint64_t blob_size(const std::string& sha256);
    bool has_blob(const std::string& sha256);
    std::vector<std::pair<std::string, std::uint64_t>> blobs(); // every recorded content, by hash

    void record_blob(const std::string& sha256, std::uint64_t size); // once per content
    std::int64_t create_file(std::int64_t space_id, const std::string& path, const std::string& at);
    std::int64_t add_revision(std::int64_t file_id, const std::string& sha256, std::uint64_t size,
                              const std::string& at, std::optional<std::int64_t> member_id);
    void rename(std::int64_t file_id, const std::string& path);
    void mark_deleted(std::int64_t file_id, const std::string& at);
    // Deletes the files, their revisions, and their paths from the space's activities.
    void erase_files(std::int64_t space_id, const std::vector<std::int64_t>& file_ids);
    void erase_blob(const std::string& sha256);

  private:
    Database& db_;
};

} // namespace expeer

namespace expeer {

// The contents a database file refers to (read-only: used on a backup's snapshot).
std::vector<std::pair<std::string, std::uint64_t>>
blobs_in(const std::filesystem::path& database_file);

} // namespace expeer
