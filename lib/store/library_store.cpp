#include "store/library_store.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace expeer {

namespace {

// The file with its newest revision and its number of revisions.
constexpr const char* file_query =
    "SELECT f.id, f.space_id, f.path, f.created_at, f.deleted_at, r.revision, r.sha256, r.size, "
    "r.added_at, "
    "r.added_by, (SELECT count(*) FROM library_revisions c WHERE c.file_id = f.id) "
    "FROM library_files f JOIN library_revisions r ON r.file_id = f.id "
    "AND r.revision = (SELECT max(revision) FROM library_revisions m WHERE m.file_id = f.id) ";

LibraryFile read_file(SQLite::Statement& q) {
    LibraryFile f;
    f.id = q.getColumn(0).getInt64();
    f.space_id = q.getColumn(1).getInt64();
    f.path = q.getColumn(2).getString();
    f.created_at = q.getColumn(3).getString();
    f.deleted_at = optional_text(q.getColumn(4));
    f.current.revision = q.getColumn(5).getInt64();
    f.current.sha256 = q.getColumn(6).getString(); // "": pulled without its bytes
    f.current.size = static_cast<std::uint64_t>(q.getColumn(7).getInt64());
    f.current.added_at = q.getColumn(8).getString();
    f.current.added_by = optional_integer(q.getColumn(9));
    f.revisions = static_cast<std::size_t>(q.getColumn(10).getInt64());
    return f;
}

} // namespace

std::optional<LibraryFile> LibraryStore::find(std::int64_t space_id, const std::string& path) {
    return db_.guarded([&]() -> std::optional<LibraryFile> {
        SQLite::Statement q(db_.sql(),
                            std::string(file_query) +
                                "WHERE f.space_id = ? AND f.path = ? AND f.deleted_at IS NULL");
        q.bind(1, space_id);
        q.bind(2, path);
        if (!q.executeStep()) return std::nullopt;
        return read_file(q);
    });
}

std::vector<LibraryFile> LibraryStore::list(std::int64_t space_id) {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(),
                            std::string(file_query) +
                                "WHERE f.space_id = ? AND f.deleted_at IS NULL ORDER BY f.path");
        q.bind(1, space_id);
        std::vector<LibraryFile> files;
        while (q.executeStep())
            files.push_back(read_file(q));
        return files;
    });
}

std::vector<LibraryRevision> LibraryStore::revisions(std::int64_t file_id) {
    return db_.guarded([&] {
        SQLite::Statement q(
            db_.sql(), "SELECT revision, sha256, size, added_at, added_by FROM library_revisions "
                       "WHERE file_id = ? ORDER BY revision");
        q.bind(1, file_id);
        std::vector<LibraryRevision> out;
        while (q.executeStep()) {
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                           static_cast<std::uint64_t>(q.getColumn(2).getInt64()),
                           q.getColumn(3).getString(), optional_integer(q.getColumn(4))});
        }
        return out;
    });
}

std::uint64_t LibraryStore::space_bytes(std::int64_t space_id) {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(),
                            "SELECT coalesce(sum(r.size), 0) FROM library_revisions r "
                            "JOIN library_files f ON f.id = r.file_id WHERE f.space_id = ?");
        q.bind(1, space_id);
        q.executeStep();
        return static_cast<std::uint64_t>(q.getColumn(0).getInt64());
    });
}

void LibraryStore::record_blob(const std::string& sha256, std::uint64_t size) {
    db_.guarded([&] {
        auto& q = db_.statement(
            "INSERT INTO blobs (sha256, size) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING");
        q.bind(1, sha256);
        q.bind(2, static_cast<std::int64_t>(size));
        q.exec();
    });
}

std::int64_t LibraryStore::create_file(std::int64_t space_id, const std::string& path,
                                       const std::string& at) {
    return db_.guarded([&] {
        auto& q = db_.statement(
            "INSERT INTO library_files (space_id, path, created_at) VALUES (?, ?, ?)");
        q.bind(1, space_id);
        q.bind(2, path);
        q.bind(3, at);
        q.exec();
        return db_.sql().getLastInsertRowid();
    });
}

std::int64_t LibraryStore::add_revision(std::int64_t file_id, const std::string& sha256,
                                        std::uint64_t size, const std::string& at,
                                        std::optional<std::int64_t> member_id) {
    return db_.guarded([&] {
        auto& q = db_.statement(
            "INSERT INTO library_revisions (file_id, revision, sha256, size, added_at, added_by) "
            "VALUES (?1, (SELECT coalesce(max(revision), 0) + 1 FROM library_revisions "
            "WHERE file_id = ?1), ?2, ?3, ?4, ?5) RETURNING revision");
        q.bind(1, file_id);
        q.bind(2, sha256);
        q.bind(3, static_cast<std::int64_t>(size));
        q.bind(4, at);
        bind_optional(q, 5, member_id);
        q.executeStep();
        const auto revision = q.getColumn(0).getInt64();
        q.reset();
        return revision;
    });
}

void LibraryStore::rename(std::int64_t file_id, const std::string& path) {
    db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "UPDATE library_files SET path = ? WHERE id = ?");
        q.bind(1, path);
        q.bind(2, file_id);
        q.exec();
    });
}

void LibraryStore::mark_deleted(std::int64_t file_id, const std::string& at) {
    db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "UPDATE library_files SET deleted_at = ? WHERE id = ?");
        q.bind(1, at);
        q.bind(2, file_id);
        q.exec();
    });
}

std::uint64_t LibraryStore::file_count(std::int64_t space_id) {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "SELECT count(*) FROM library_files WHERE space_id = ?");
        q.bind(1, space_id);
        q.executeStep();
        return static_cast<std::uint64_t>(q.getColumn(0).getInt64());
    });
}

std::vector<std::string> LibraryStore::paths(std::int64_t space_id) {
    return db_.guarded([&] {
        SQLite::Statement q(
            db_.sql(), "SELECT path FROM library_files WHERE space_id = ? AND deleted_at IS NULL");
        q.bind(1, space_id);
        std::vector<std::string> out;
        while (q.executeStep())
            out.push_back(q.getColumn(0).getString());
        return out;
    });
}

std::vector<std::int64_t> LibraryStore::files_at(std::int64_t space_id, const std::string& path) {
    return db_.guarded([&] {
        SQLite::Statement q(
            db_.sql(), "SELECT id FROM library_files WHERE space_id = ? AND path = ? ORDER BY id");
        q.bind(1, space_id);
        q.bind(2, path);
        std::vector<std::int64_t> out;
        while (q.executeStep())
            out.push_back(q.getColumn(0).getInt64());
        return out;
    });
}

namespace {

std::string id_list(const std::vector<std::int64_t>& ids) {
    std::string out;
    for (const auto id : ids)
        out += (out.empty() ? "" : ",") + std::to_string(id);
    return out.empty() ? "NULL" : out;
}

} // namespace

std::int64_t LibraryStore::revisions_using(const std::string& sha256,
                                           const std::vector<std::int64_t>& except) {
    return db_.guarded([&] {
        SQLite::Statement q(
            db_.sql(),
            "SELECT count(*) FROM library_revisions WHERE sha256 = ? AND file_id NOT IN (" +
                id_list(except) + ")");
        q.bind(1, sha256);
        q.executeStep();
        return q.getColumn(0).getInt64();
    });
}

std::uint64_t LibraryStore::blob_size(const std::string& sha256) {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "SELECT size FROM blobs WHERE sha256 = ?");
        q.bind(1, sha256);
        return q.executeStep() ? static_cast<std::uint64_t>(q.getColumn(0).getInt64()) : 0;
    });
}

bool LibraryStore::has_blob(const std::string& sha256) {
    return db_.guarded([&] {
        auto& q = db_.statement("SELECT 1 FROM blobs WHERE sha256 = ?");
        q.bind(1, sha256);
        const bool found = q.executeStep();
        q.reset();
        return found;
    });
}

std::vector<std::pair<std::string, std::uint64_t>> LibraryStore::blobs() {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "SELECT sha256, size FROM blobs ORDER BY sha256");
        std::vector<std::pair<std::string, std::uint64_t>> out;
        while (q.executeStep())
            out.emplace_back(q.getColumn(0).getString(),
                             static_cast<std::uint64_t>(q.getColumn(1).getInt64()));
        return out;
    });
}

void LibraryStore::erase_files(std::int64_t space_id, const std::vector<std::int64_t>& file_ids) {
    db_.guarded([&] {
        const std::string ids = id_list(file_ids);
        // The activity of adding a file keeps the count (statistics need it), not the name.
        SQLite::Statement activities(db_.sql(),
                                     "UPDATE activities SET content = NULL WHERE kind = 'file' AND "
                                     "space_id = ? AND content IN (SELECT path FROM library_files "
                                     "WHERE id IN (" +
                                         ids + "))");
        activities.bind(1, space_id);
        activities.exec();
        db_.sql().exec("DELETE FROM library_revisions WHERE file_id IN (" + ids + ")");
        db_.sql().exec("DELETE FROM library_files WHERE id IN (" + ids + ")");
    });
}

void LibraryStore::erase_blob(const std::string& sha256) {
    db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "DELETE FROM blobs WHERE sha256 = ?");
        q.bind(1, sha256);
        q.exec();
    });
}

} // namespace expeer

namespace expeer {

std::vector<std::pair<std::string, std::uint64_t>>
blobs_in(const std::filesystem::path& database_file) {
    SQLite::Database db(database_file.string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT sha256, size FROM blobs ORDER BY sha256");
    std::vector<std::pair<std::string, std::uint64_t>> out;
    while (q.executeStep())
        out.emplace_back(q.getColumn(0).getString(),
                         static_cast<std::uint64_t>(q.getColumn(1).getInt64()));
    return out;
}

} // namespace expeer
