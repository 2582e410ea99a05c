#include "backup/backup.hpp"

#include "library/archive_error.hpp"
#include "library/blob_store.hpp"
#include "members/data_rights.hpp"
#include "members/erasure_list.hpp"
#include "store/migrations.hpp"
#include "store/database.hpp"
#include "store/database_copy.hpp"
#include "store/library_store.hpp"
#include "util/atomic_file.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"
#include "util/scratch_file.hpp"
#include "util/sha256.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <stdlib.h>
#include <exception>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace expeer {

namespace {

constexpr const char* manifest_name = "manifest.json";
constexpr const char* database_name = "expeer.db";
constexpr std::size_t chunk = 1 << 16;

struct WriterFree {
    void operator()(archive* a) const { archive_write_free(a); }
};
struct ReaderFree {
    void operator()(archive* a) const { archive_read_free(a); }
};
struct EntryFree {
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};

[[noreturn]] void damaged(const std::filesystem::path& file, const std::string& why) {
    throw Error(ErrorKind::data, fmt::format("the backup '{}' cannot be used: {}", file.string(), why));
}

class TarWriter {
public:
    explicit TarWriter(AtomicFile& out) : out_(out), a_(archive_write_new()) {
        check(archive_write_set_format_pax_restricted(a_.get()));
        check(archive_write_add_filter_gzip(a_.get()));
        check(archive_write_open2(a_.get(), this, nullptr, &TarWriter::write_callback, nullptr, nullptr));
    }
    void add(const std::string& path, std::uint64_t size, const std::function<void(const std::function<void(std::string_view)>&)>& body) {
        std::unique_ptr<archive_entry, EntryFree> e(archive_entry_new());
        archive_entry_copy_pathname(e.get(), path.c_str());
        archive_entry_set_filetype(e.get(), AE_IFREG);
        archive_entry_set_perm(e.get(), 0600);
        archive_entry_set_size(e.get(), static_cast<la_int64_t>(size));
        check(archive_write_header(a_.get(), e.get()));
        body([&](std::string_view piece) {
            if (archive_write_data(a_.get(), piece.data(), piece.size()) < 0) check(ARCHIVE_FATAL);
        });
    }
    void close() { check(archive_write_close(a_.get())); }

private:
    // No exception may cross libarchive's C frames: a failed write (a full disk) is kept and
    // thrown once libarchive has returned.
    static la_ssize_t write_callback(archive* a, void* self, const void* buffer, size_t length) {
        auto* writer = static_cast<TarWriter*>(self);
        try {
            writer->out_.write(std::string_view(static_cast<const char*>(buffer), length));
        } catch (...) {
            if (!writer->failure_) writer->failure_ = std::current_exception();
            archive_set_error(a, EIO, "cannot write the backup");
            return -1;
        }
        return static_cast<la_ssize_t>(length);
    }
    void check(int status) {
        if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
        if (status < ARCHIVE_WARN) throw Error(ErrorKind::io, fmt::format("cannot write the backup: {}", archive_error(a_.get())));
    }
    AtomicFile& out_;
    std::exception_ptr failure_;
    std::unique_ptr<archive, WriterFree> a_;
};

void read_file(const std::filesystem::path& path, const std::function<void(std::string_view)>& sink) {
    std::ifstream in(path, std::ios::binary);
    std::vector<char> buffer(chunk);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (in.gcount() > 0) sink(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
    }
}

struct ManifestEntry {
    std::string sha256;
    std::uint64_t size = 0;
};

// Reads a backup from the start: the manifest first, then each entry handed to `visit`
// with a reader of its data. Every entry is checked against the manifest, and the manifest
// against what was found.
BackupSummary walk_backup(const std::filesystem::path& file,
                          const std::function<void(const std::string& path, const ManifestEntry&, const BlobStore::Reader&)>& visit) {
    std::unique_ptr<archive, ReaderFree> a(archive_read_new());
    archive_read_support_filter_gzip(a.get());
    archive_read_support_format_tar(a.get());
    if (archive_read_open_filename(a.get(), file.c_str(), chunk) != ARCHIVE_OK)
        damaged(file, fmt::format("not a backup of expeer ({})", archive_error(a.get())));
    archive_entry* entry = nullptr;
    if (archive_read_next_header(a.get(), &entry) != ARCHIVE_OK || std::string(archive_entry_pathname(entry)) != manifest_name)
        damaged(file, "it does not start with a manifest");
    std::string manifest_text;
    std::vector<char> buffer(chunk);
    for (la_ssize_t n; (n = archive_read_data(a.get(), buffer.data(), buffer.size())) > 0;)
        manifest_text.append(buffer.data(), static_cast<std::size_t>(n));
    BackupSummary summary;
    std::map<std::string, ManifestEntry> expected;
    try {
        const auto manifest = nlohmann::json::parse(manifest_text);
        if (manifest.at("format") != "expeer-backup" || manifest.at("version") != 1) damaged(file, "unknown manifest format");
        summary.schema_version = manifest.at("schema_version");
        summary.created_at = manifest.at("created_at");
        for (const auto& e : manifest.at("entries"))
            expected[e.at("path")] = {e.at("sha256"), e.at("size").get<std::uint64_t>()};
    } catch (const nlohmann::json::exception& e) {
        damaged(file, fmt::format("its manifest is damaged ({})", e.what()));
    }
    std::map<std::string, bool> seen;
    for (;;) {
        const int status = archive_read_next_header(a.get(), &entry);
        if (status == ARCHIVE_EOF) break;
        if (status < ARCHIVE_WARN) damaged(file, fmt::format("it is damaged or cut short ({})", archive_error(a.get())));
        const std::string path = archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "";
        const auto it = expected.find(path);
        if (it == expected.end() || seen[path]) damaged(file, fmt::format("entry '{}' is not in its manifest", path));
        seen[path] = true;
        Sha256 sha;
        std::uint64_t size = 0;
        visit(path, it->second, [&](char* out, std::size_t capacity) -> std::size_t {
            const la_ssize_t n = archive_read_data(a.get(), out, capacity);
            if (n < 0) damaged(file, fmt::format("entry '{}' is damaged ({})", path, archive_error(a.get())));
            sha.update(std::string_view(out, static_cast<std::size_t>(n)));
            size += static_cast<std::uint64_t>(n);
            return static_cast<std::size_t>(n);
        });
        // Whatever the visitor did not read is read here, so the checksum covers it all.
        for (la_ssize_t n; (n = archive_read_data(a.get(), buffer.data(), buffer.size())) > 0;) {
            sha.update(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
            size += static_cast<std::uint64_t>(n);
        }
        if (sha.hex_digest() != it->second.sha256 || size != it->second.size)
            damaged(file, fmt::format("entry '{}' does not match its checksum", path));
        ++summary.entries;
        summary.bytes += size;
    }
    for (const auto& [path, entry_] : expected)
        if (!seen[path]) damaged(file, fmt::format("it is incomplete: entry '{}' is missing", path));
    if (!seen[database_name]) damaged(file, "it holds no database");
    return summary;
}

} // namespace

BackupSummary create_backup(Database& db, const BlobStore& blobs, const Clock& clock, const std::filesystem::path& file,
                            bool overwrite) {
    AtomicFile out(file, overwrite);
    // The consistent copy of the database is made beside the database, in its private
    // directory, not beside the backup: a run killed while it exists leaves the personal data
    // where it already was, and the next backup removes it. A read-only copy of the database
    // has it beside the backup instead, where the next backup removes it as well.
    // A database on a server has no directory here: its copy is made beside the backup.
    const auto backup_directory = std::filesystem::absolute(file).parent_path();
    const auto database_directory =
        db.options().on_server() ? backup_directory : std::filesystem::absolute(db.file()).parent_path();
    const std::string prefix =
        "." + (db.options().on_server() ? std::string("expeer") : db.file().filename().string()) + ".backup-";
    remove_orphan_scratch_files(database_directory, prefix);
    remove_orphan_scratch_files(backup_directory, prefix);
    std::optional<ScratchFile> scratch;
    try {
        scratch.emplace(database_directory, prefix);
    } catch (const Error&) {
        scratch.emplace(backup_directory, prefix);
    }
    const auto& snapshot = scratch->path();
    db.snapshot_to(snapshot);

    BackupSummary summary;
    summary.created_at = format_timestamp(clock.now());
    summary.schema_version = db.status().version;
    Sha256 db_sha;
    read_file(snapshot, [&](std::string_view piece) { db_sha.update(piece); });
    const auto db_size = std::filesystem::file_size(snapshot);
    const auto contents = blobs_in(snapshot);

    nlohmann::json manifest{{"format", "expeer-backup"},
                            {"version", 1},
                            {"created_at", summary.created_at},
                            {"schema_version", summary.schema_version},
                            {"entries", nlohmann::json::array()}};
    manifest["entries"].push_back({{"path", database_name}, {"sha256", db_sha.hex_digest()}, {"size", db_size}});
    for (const auto& [sha, size] : contents)
        manifest["entries"].push_back({{"path", "files/" + sha.substr(0, 2) + "/" + sha}, {"sha256", sha}, {"size", size}});
    const std::string manifest_text = manifest.dump(2) + "\n";

    TarWriter tar(out);
    tar.add(manifest_name, manifest_text.size(), [&](const auto& write) { write(manifest_text); });
    tar.add(database_name, db_size, [&](const auto& write) { read_file(snapshot, write); });
    for (const auto& [sha, size] : contents) {
        const std::string& content = sha; // clang 14 cannot capture a structured binding
        tar.add("files/" + content.substr(0, 2) + "/" + content, size,
                [&](const auto& write) { blobs.read(content, write); });
    }
    tar.close();
    out.commit();
    summary.entries = 1 + contents.size();
    summary.bytes = db_size;
    for (const auto& [sha, size] : contents) summary.bytes += size;
    return summary;
}

BackupSummary verify_backup(const std::filesystem::path& file) {
    return walk_backup(file, [](const std::string&, const ManifestEntry&, const BlobStore::Reader&) {});
}

namespace {

BackupSummary restore_to_file(const std::filesystem::path& file, const std::filesystem::path& database_file,
                              BlobStore& blobs, const ErasureList& erasures, const Clock& clock,
                              const std::string& actor);

// A server's database is filled from the backup's SQLite file, restored first in a private
// directory (0700) beside the contents and removed after, with every erasure replayed there:
// the server never holds a person erased since the backup, not even for a moment.
BackupSummary restore_to_server(const std::filesystem::path& file, const DatabaseOptions& target, BlobStore& blobs,
                                const ErasureList& erasures, const Clock& clock, const std::string& actor) {
    Database::init(target, clock);
    const auto server = Database::open(target);
    // Checked before any content is restored; copy_database checks again, in its transaction.
    require_new_database(*server, "a backup is restored only into an empty database");
    const auto place = std::filesystem::absolute(blobs.root()).parent_path();
    create_private_directories(place);
    std::string pattern = (place / ".expeer-restore-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        throw Error(ErrorKind::cannot_create,
                    fmt::format("cannot make a private directory in '{}': {}", place.string(), std::strerror(errno)));
    const std::filesystem::path scratch = pattern;
    struct Remove {
        std::filesystem::path directory;
        ~Remove() {
            std::error_code ignored;
            std::filesystem::remove_all(directory, ignored);
        }
    } remove{scratch};
    auto restored = restore_to_file(file, scratch / "expeer.db", blobs, erasures, clock, actor);
    DatabaseOptions restored_file;
    restored_file.file = scratch / "expeer.db";
    const auto source = Database::open(restored_file);
    copy_database(*source, *server);
    return restored;
}

} // namespace

BackupSummary restore_backup(const std::filesystem::path& file, const DatabaseOptions& target, BlobStore& blobs,
                             const ErasureList& erasures, const Clock& clock, const std::string& actor) {
    if (target.on_server()) return restore_to_server(file, target, blobs, erasures, clock, actor);
    return restore_to_file(file, target.file, blobs, erasures, clock, actor);
}

namespace {

BackupSummary restore_to_file(const std::filesystem::path& file, const std::filesystem::path& database_file,
                              BlobStore& blobs, const ErasureList& erasures, const Clock& clock,
                              const std::string& actor) {
    if (std::filesystem::exists(database_file))
        throw Error(ErrorKind::cannot_create, fmt::format("'{}' exists: a backup is restored only where there is no "
                                                          "database yet", database_file.string()));
    std::error_code error;
    if (std::filesystem::exists(blobs.root()) && !std::filesystem::is_empty(blobs.root(), error))
        throw Error(ErrorKind::cannot_create, fmt::format("'{}' is not empty: a backup is restored only into an empty place",
                                                          blobs.root().string()));
    // A damaged or incomplete backup is refused before anything is written, and so is one this
    // program cannot bring up to date.
    if (verify_backup(file).schema_version > migrations().back().version)
        throw Error(ErrorKind::config, fmt::format("the backup '{}' is of a newer expeer (its database is at a schema "
                                                   "version this program does not know): restore it with that one",
                                                   file.string()));

    create_private_directories(database_file.parent_path());
    // The database appears last, whole, up to date and with every erasure since the backup
    // replayed: a restore that fails or is killed before leaves no database in which erased
    // people live again, only its temporary file, which the next write of it removes.
    AtomicFile database(database_file, false);
    NewBlobs created(blobs);
    auto restored = walk_backup(file, [&](const std::string& path, const ManifestEntry& entry, const BlobStore::Reader& read) {
        if (path == database_name) {
            std::vector<char> buffer(chunk);
            for (std::size_t n; (n = read(buffer.data(), buffer.size())) > 0;) database.write(std::string_view(buffer.data(), n));
            return;
        }
        const auto blob = blobs.put_stream(read);
        created.add(blob);
        if (blob.sha256 != entry.sha256) damaged(file, fmt::format("entry '{}' does not match its checksum", path));
    });
    {
        const DatabaseOptions options{database.written_so_far()};
        Database::init(options, clock); // an older backup's database is brought up to date
        const auto db = Database::open(options);
        erasures.check_matches(*db);
        restored.erasures_replayed = replay_erasures(*db, clock, actor, erasures);
        erasures.record_key(*db);
        if (!db->checkpoint_and_truncate())
            throw Error(ErrorKind::temporary, "cannot finish the restored database: another process has it open");
    } // closed: SQLite's own files beside it are gone
    database.commit();
    created.keep();
    return restored;
}

} // namespace

} // namespace expeer
