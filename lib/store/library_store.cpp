#include "store/library_store.hpp"

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

LibraryFile read_file(Statement& q) {
    LibraryFile f;
    f.id = q.integer(0);
    f.space_id = q.integer(1);
    f.path = q.text(2);
    f.created_at = q.text(3);
    f.deleted_at = q.optional_text(4);
    f.current.revision = q.integer(5);
    f.current.sha256 = q.text(6); // "": pulled without its bytes
    f.current.size = static_cast<std::uint64_t>(q.integer(7));
    f.current.added_at = q.text(8);
    f.current.added_by = q.optional_integer(9);
    f.revisions = static_cast<std::size_t>(q.integer(10));
    return f;
}

} // namespace

std::optional<LibraryFile> LibraryStore::find(std::int64_t space_id, const std::string& path) {
    return db_.guarded([&]() -> std::optional<LibraryFile> {
        Statement q = db_.prepare(std::string(file_query) +
                                  "WHERE f.space_id = ? AND f.path = ? AND f.deleted_at IS NULL");
        q.bind(1, space_id);
        q.bind(2, path);
        if (!q.next()) return std::nullopt;
        return read_file(q);
    });
}

std::vector<LibraryFile> LibraryStore::list(std::int64_t space_id) {
    return db_.guarded([&] {
        Statement q = db_.prepare(std::string(file_query) +
                                  "WHERE f.space_id = ? AND f.deleted_at IS NULL ORDER BY f.path");
        q.bind(1, space_id);
        std::vector<LibraryFile> files;
        while (q.next())
            files.push_back(read_file(q));
        return files;
    });
}

std::vector<LibraryRevision> LibraryStore::revisions(std::int64_t file_id) {
    return db_.guarded([&] {
        Statement q =
            db_.prepare("SELECT revision, sha256, size, added_at, added_by FROM library_revisions "
                        "WHERE file_id = ? ORDER BY revision");
        q.bind(1, file_id);
        std::vector<LibraryRevision> out;
        while (q.next()) {
            out.push_back({q.integer(0), q.text(1), static_cast<std::uint64_t>(q.integer(2)),
                           q.text(3), q.optional_integer(4)});
        }
        return out;
    });
}

std::uint64_t LibraryStore::space_bytes(std::int64_t space_id) {
    return db_.guarded([&] {
        Statement q = db_.prepare("SELECT coalesce(sum(r.size), 0) FROM library_revisions r "
                                  "JOIN library_files f ON f.id = r.file_id WHERE f.space_id = ?");
        q.bind(1, space_id);
        q.next();
        return static_cast<std::uint64_t>(q.integer(0));
    });
}

void LibraryStore::record_blob(const std::string& sha256, std::uint64_t size) {
    db_.guarded([&] {
        auto& q = db_.cached(
            "INSERT INTO blobs (sha256, size) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING");
        q.bind(1, sha256);
        q.bind(2, static_cast<std::int64_t>(size));
        q.run();
    });
}

std::int64_t LibraryStore::create_file(std::int64_t space_id, const std::string& path,
                                       const std::string& at) {
    return db_.guarded([&] {
        auto& q = db_.cached(
            "INSERT INTO library_files (space_id, path, created_at) VALUES (?, ?, ?) RETURNING id");
        q.bind(1, space_id);
        q.bind(2, path);
        q.bind(3, at);
        q.next();
        const auto id = q.integer(0);
        q.reset();
        return id;
    });
}

std::int64_t LibraryStore::add_revision(std::int64_t file_id, const std::string& sha256,
                                        std::uint64_t size, const std::string& at,
                                        std::optional<std::int64_t> member_id) {
    return db_.guarded([&] {
        auto& q = db_.cached(
            "INSERT INTO library_revisions (file_id, revision, sha256, size, added_at, added_by) "
            "VALUES (?, (SELECT coalesce(max(revision), 0) + 1 FROM library_revisions "
            "WHERE file_id = ?), ?, ?, ?, ?) RETURNING revision");
        q.bind(1, file_id);
        q.bind(2, file_id);
        q.bind(3, sha256);
        q.bind(4, static_cast<std::int64_t>(size));
        q.bind(5, at);
        q.bind(6, member_id);
        q.next();
        const auto revision = q.integer(0);
        q.reset();
        return revision;
    });
}

void LibraryStore::rename(std::int64_t file_id, const std::string& path) {
    db_.guarded([&] {
        Statement q = db_.prepare("UPDATE library_files SET path = ? WHERE id = ?");
        q.bind(1, path);
        q.bind(2, file_id);
        q.run();
    });
}

void LibraryStore::mark_deleted(std::int64_t file_id, const std::string& at) {
    db_.guarded([&] {
        Statement q = db_.prepare("UPDATE library_files SET deleted_at = ? WHERE id = ?");
        q.bind(1, at);
        q.bind(2, file_id);
        q.run();
    });
}

std::uint64_t LibraryStore::file_count(std::int64_t space_id) {
    return db_.guarded([&] {
        Statement q = db_.prepare("SELECT count(*) FROM library_files WHERE space_id = ?");
        q.bind(1, space_id);
        q.next();
        return static_cast<std::uint64_t>(q.integer(0));
    });
}

std::vector<std::string> LibraryStore::paths(std::int64_t space_id) {
    return db_.guarded([&] {
        Statement q =
            db_.prepare("SELECT path FROM library_files WHERE space_id = ? AND deleted_at IS NULL");
        q.bind(1, space_id);
        std::vector<std::string> out;
        while (q.next())
            out.push_back(q.text(0));
        return out;
    });
}

std::vector<std::int64_t> LibraryStore::files_at(std::int64_t space_id, const std::string& path) {
    return db_.guarded([&] {
        Statement q =
            db_.prepare("SELECT id FROM library_files WHERE space_id = ? AND path = ? ORDER BY id");
        q.bind(1, space_id);
        q.bind(2, path);
        std::vector<std::int64_t> out;
        while (q.next())
            out.push_back(q.integer(0));
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
        Statement q = db_.prepare(
            "SELECT count(*) FROM library_revisions WHERE sha256 = ? AND file_id NOT IN (" +
            id_list(except) + ")");
        q.bind(1, sha256);
        q.next();
        return q.integer(0);
    });
}

std::uint64_t LibraryStore::blob_size(const std::string& sha256) {
    return db_.guarded([&] {
        Statement q = db_.prepare("SELECT size FROM blobs WHERE sha256 = ?");
        q.bind(1, sha256);
        return q.next() ? static_cast<std::uint64_t>(q.integer(0)) : 0;
    });
}

bool LibraryStore::has_blob(const std::string& sha256) {
    return db_.guarded([&] {
        auto& q = db_.cached("SELECT 1 FROM blobs WHERE sha256 = ?");
        q.bind(1, sha256);
        const bool found = q.next();
        q.reset();
        return found;
    });
}

std::vector<std::pair<std::string, std::uint64_t>> LibraryStore::blobs() {
    return db_.guarded([&] {
        Statement q = db_.prepare("SELECT sha256, size FROM blobs ORDER BY sha256");
        std::vector<std::pair<std::string, std::uint64_t>> out;
        while (q.next())
            out.emplace_back(q.text(0), static_cast<std::uint64_t>(q.integer(1)));
        return out;
    });
}

void LibraryStore::erase_files(std::int64_t space_id, const std::vector<std::int64_t>& file_ids) {
    db_.guarded([&] {
        const std::string ids = id_list(file_ids);
        // The activity of adding a file keeps the count (statistics need it), not the name.
        Statement activities =
            db_.prepare("UPDATE activities SET content = NULL WHERE kind = 'file' AND "
                        "space_id = ? AND content IN (SELECT path FROM library_files "
                        "WHERE id IN (" +
                        ids + "))");
        activities.bind(1, space_id);
        activities.run();
        db_.prepare("DELETE FROM library_revisions WHERE file_id IN (" + ids + ")").run();
        db_.prepare("DELETE FROM library_files WHERE id IN (" + ids + ")").run();
    });
}

void LibraryStore::erase_blob(const std::string& sha256) {
    db_.guarded([&] {
        Statement q = db_.prepare("DELETE FROM blobs WHERE sha256 = ?");
        q.bind(1, sha256);
        q.run();
    });
}

} // namespace expeer

namespace expeer {

std::vector<std::pair<std::string, std::uint64_t>>
blobs_in(const std::filesystem::path& database_file) {
    DatabaseOptions options{database_file};
    options.access = DatabaseAccess::read_only;
    const auto db = Database::open(options);
    return db->read([&](Read&) {
        Statement q = db->prepare("SELECT sha256, size FROM blobs ORDER BY sha256");
        std::vector<std::pair<std::string, std::uint64_t>> out;
        while (q.next()) out.emplace_back(q.text(0), static_cast<std::uint64_t>(q.integer(1)));
        return out;
    });
}

} // namespace expeer
