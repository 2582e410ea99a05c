// Library entries, revisions and blob records in the database.
#pragma once

#include "library/library.hpp"

#include <optional>
#include <vector>

namespace expeer {

class Database;

class LibraryStore {
public:
    explicit LibraryStore(Database& db) : db_(db) {}

    std::optional<LibraryFile> find(std::int64_t space_id, const std::string& path); // not deleted
    std::vector<LibraryFile> list(std::int64_t space_id);                             // not deleted, by path
    std::vector<LibraryRevision> revisions(std::int64_t file_id);
    std::uint64_t space_bytes(std::int64_t space_id);

    void record_blob(const std::string& sha256, std::uint64_t size); // once per content
    std::int64_t create_file(std::int64_t space_id, const std::string& path, const std::string& at);
    std::int64_t add_revision(std::int64_t file_id, const std::string& sha256, std::uint64_t size, const std::string& at,
                              std::optional<std::int64_t> member_id);
    void rename(std::int64_t file_id, const std::string& path);
    void mark_deleted(std::int64_t file_id, const std::string& at);

private:
    Database& db_;
};

} // namespace expeer

namespace expeer {

// The contents a database file refers to (read-only: used on a backup's snapshot).
std::vector<std::pair<std::string, std::uint64_t>> blobs_in(const std::filesystem::path& database_file);

} // namespace expeer
