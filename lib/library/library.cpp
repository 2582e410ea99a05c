#include "library/library.hpp"

#include "library/blob_store.hpp"
#include "members/registry.hpp"
#include "spaces/registry.hpp"
#include "store/activity_store.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/library_store.hpp"
#include "store/member_store.hpp"
#include "store/space_store.hpp"
#include "util/clock.hpp"
#include "util/invalid_input.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <set>

namespace expeer {

std::string normalise_library_path(std::string_view path) {
    std::string out;
    for (char c : path) {
        if (c == '/' && (out.empty() || out.back() == '/')) continue;
        out += c;
    }
    if (!out.empty() && out.back() == '/') out.pop_back();
    return out;
}

std::optional<std::string> library_path_problem(std::string_view path) {
    if (path.empty()) return "is empty";
    if (path.front() == '/') return "must not start with /";
    if (path.size() > 1000) return "is longer than 1000 bytes";
    if (const auto problem = text::single_line_problem(path)) return problem;
    if (path.find('\t') != std::string_view::npos) return "contains a tab";
    if (path.find('\\') != std::string_view::npos) return "contains a backslash";
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        const auto part = path.substr(start, end - start);
        if (part.empty()) return "has an empty folder name";
        if (part == "." || part == "..") return "has a '.' or '..' folder";
        start = end + 1;
    }
    return std::nullopt;
}

namespace {

std::string checked_path(const std::string& field, const std::string& raw) {
    const std::string path = normalise_library_path(raw);
    if (const auto problem = library_path_problem(path)) throw InvalidInput({{field, shown_value(raw), *problem}});
    return path;
}

LibraryFile find_file(LibraryStore& store, const Space& space, const std::string& path) {
    auto file = store.find(space.id, path);
    if (!file) throw Error(ErrorKind::not_found, fmt::format("no file '{}' in space '{}'", path, space.slug));
    return *file;
}

} // namespace

SpaceLibrary::SpaceLibrary(Database& db, BlobStore& blobs, const Clock& clock, std::string actor, Quota quota)
    : db_(db), blobs_(blobs), clock_(clock), actor_(std::move(actor)), quota_(std::move(quota)) {}

struct SpaceLibrary::Sharer {
    Space space;
    Member member;
    Authority authority;
};

// Who may share files is settled before anything else is looked at (spaces/permissions.hpp).
SpaceLibrary::Sharer SpaceLibrary::check_sharer(const std::string& slug, const Acting& as,
                                                std::vector<FieldError>& errors) {
    SpaceStore spaces(db_);
    MemberStore members(db_);
    Sharer sharer{find_space(spaces, slug), {}, {}};
    if (!as.as) {
        errors.push_back({"as", "", "is required: the member sharing the files"});
        return sharer;
    }
    try {
        sharer.member = find_member(members, *as.as);
    } catch (const Error&) {
        errors.push_back({"as", shown_value(*as.as), "no such member"});
        return sharer;
    }
    sharer.authority = authorize(db_, sharer.space, sharer.member, as.as_admin, SpaceAction::add_files, "add files");
    return sharer;
}

namespace {

// Changing a file everyone added to is for a contributor who added every revision of it.
Authority authorize_file_change(Database& db, LibraryStore& library, const Space& space, const LibraryFile& file,
                                const Acting& who, std::string_view what) {
    std::optional<Member> member;
    if (who.as) {
        MemberStore members(db);
        member = find_member(members, *who.as);
    }
    bool own = member.has_value();
    for (const auto& revision : library.revisions(file.id)) own = own && revision.added_by == member->id;
    return authorize(db, space, member, who.as_admin, own ? SpaceAction::change_own : SpaceAction::change_others,
                     own ? std::string(what) : std::string(what) + " another member added to");
}

} // namespace

// Records stored contents as revisions at their paths, in one transaction, within the quota.
std::vector<AddedFile> SpaceLibrary::record(const Sharer& sharer, const std::vector<std::string>& paths,
                                            const std::vector<StoredBlob>& stored) {
    const Space& space = sharer.space;
    return db_.guarded([&] {
        auto transaction = db_.write_transaction();
        LibraryStore library(db_);
        if (const std::uint64_t quota = quota_ ? quota_(space.slug) : 0) {
            std::uint64_t total = library.space_bytes(space.id);
            for (const auto& blob : stored) total += blob.size;
            if (total > quota)
                throw Error(ErrorKind::data, fmt::format("space '{}' would hold {:.1f} MB, over its quota of {:.1f} MB: "
                                                         "nothing was added", space.slug, total / 1e6, quota / 1e6));
        }
        const std::string now = format_timestamp(clock_.now());
        std::vector<AddedFile> added;
        for (std::size_t i = 0; i < paths.size(); ++i) {
            library.record_blob(stored[i].sha256, stored[i].size);
            const auto existing = library.find(space.id, paths[i]);
            const auto file_id = existing ? existing->id : library.create_file(space.id, paths[i], now);
            const auto revision = library.add_revision(file_id, stored[i].sha256, stored[i].size, now, sharer.member.id);
            record_activity(db_, {0, std::nullopt, now, sharer.member.id, "file", space.id, paths[i]});
            record_audit(db_, {0, now, actor_, "library.add", "space", std::to_string(space.id),
                               sharer.authority.audit_details(
                                   nlohmann::json{{"file", file_id}, {"revision", revision}}.dump())});
            added.push_back({paths[i], revision, stored[i].created});
        }
        transaction.commit();
        return added;
    });
}

std::vector<AddedFile> SpaceLibrary::add(const std::string& slug, const std::vector<std::filesystem::path>& files,
                                         const std::string& folder, const Acting& as) {
    // Check everything that can be checked before storing a byte.
    std::vector<FieldError> errors;
    const Sharer sharer = check_sharer(slug, as, errors);
    const std::string prefix = normalise_library_path(folder);
    std::vector<std::string> paths;
    std::set<std::string> seen;
    for (const auto& file : files) {
        const std::string path = prefix.empty() ? file.filename().string() : prefix + "/" + file.filename().string();
        if (const auto problem = library_path_problem(path)) errors.push_back({"path", shown_value(path), *problem});
        else if (!seen.insert(path).second) errors.push_back({"path", path, "is given twice"});
        std::error_code error;
        if (!std::filesystem::is_regular_file(file, error))
            errors.push_back({"file", shown_value(file.string()), "is not a readable regular file"});
        paths.push_back(path);
    }
    if (!errors.empty()) throw InvalidInput(std::move(errors));

    NewBlobs created(blobs_);
    std::vector<StoredBlob> stored;
    for (const auto& file : files) {
        stored.push_back(blobs_.put_file(file));
        created.add(stored.back());
    }
    auto added = record(sharer, paths, stored);
    created.keep();
    return added;
}

std::vector<AddedFile> SpaceLibrary::import_archive(const std::string& slug, const std::filesystem::path& archive,
                                                    const std::string& folder, const Acting& as,
                                                    const ArchiveLimits& limits) {
    std::vector<FieldError> errors;
    const Sharer sharer = check_sharer(slug, as, errors);
    if (const auto prefix = normalise_library_path(folder); !prefix.empty())
        if (const auto problem = library_path_problem(prefix)) errors.push_back({"folder", shown_value(folder), *problem});
    if (!errors.empty()) throw InvalidInput(std::move(errors));
    NewBlobs created(blobs_);
    blobs_.begin_batch();
    struct Discard {
        BlobStore& blobs;
        ~Discard() { blobs.discard_pending(); } // a refused archive leaves no temporary file
    } discard{blobs_};
    const auto files = read_archive(archive, folder, limits, blobs_, created);
    blobs_.commit_pending(); // every content on disk, under its name, before the database refers to it
    std::vector<std::string> paths;
    std::vector<StoredBlob> stored;
    for (const auto& f : files) {
        paths.push_back(f.path);
        stored.push_back(f.blob);
    }
    auto added = record(sharer, paths, stored);
    created.keep();
    return added;
}

std::size_t SpaceLibrary::export_archive(const std::string& slug, ArchiveFormat format,
                                         const std::function<void(std::string_view)>& write) {
    std::vector<ArchiveMember> members;
    // A version pulled from the platform without its bytes has nothing to export.
    for (const auto& f : list(slug))
        if (!f.current.sha256.empty()) members.push_back({f.path, f.current.sha256, f.current.size});
    write_archive(members, format, blobs_, write);
    return members.size();
}

std::vector<LibraryFile> SpaceLibrary::list(const std::string& slug) {
    SpaceStore spaces(db_);
    return LibraryStore(db_).list(find_space(spaces, slug).id);
}

std::uint64_t SpaceLibrary::size_of(const std::string& slug) {
    SpaceStore spaces(db_);
    return LibraryStore(db_).space_bytes(find_space(spaces, slug).id);
}

LibraryRevision SpaceLibrary::get(const std::string& slug, const std::string& raw_path, std::optional<std::int64_t> revision,
                                  const std::function<void(std::string_view)>& sink) {
    SpaceStore spaces(db_);
    LibraryStore library(db_);
    const Space space = find_space(spaces, slug);
    const LibraryFile file = find_file(library, space, checked_path("path", raw_path));
    LibraryRevision wanted = file.current;
    if (revision) {
        const auto all = library.revisions(file.id);
        const auto it = std::find_if(all.begin(), all.end(), [&](const LibraryRevision& r) { return r.revision == *revision; });
        if (it == all.end())
            throw Error(ErrorKind::not_found, fmt::format("'{}' has no revision {} (it has {})", file.path, *revision, all.size()));
        wanted = *it;
    }
    if (wanted.sha256.empty())
        throw Error(ErrorKind::not_found,
                    fmt::format("revision {} of '{}' came from the platform without its bytes: `expeer platform pull "
                                "--with-files` brings them",
                                wanted.revision, file.path));
    blobs_.read(wanted.sha256, sink);
    return wanted;
}

void SpaceLibrary::move(const std::string& slug, const std::string& from, const std::string& to, const Acting& who) {
    db_.guarded([&] {
        auto transaction = db_.write_transaction();
        SpaceStore spaces(db_);
        LibraryStore library(db_);
        const Space space = find_space(spaces, slug);
        const LibraryFile file = find_file(library, space, checked_path("from", from));
        const Authority authority = authorize_file_change(db_, library, space, file, who, "move files");
        const std::string target = checked_path("to", to);
        if (library.find(space.id, target))
            throw InvalidInput({{"to", target, fmt::format("is already a file in space '{}'", slug)}});
        library.rename(file.id, target);
        record_audit(db_, {0, format_timestamp(clock_.now()), actor_, "library.move", "space", std::to_string(space.id),
                           authority.audit_details(nlohmann::json{{"file", file.id}}.dump())});
        transaction.commit();
    });
}

void SpaceLibrary::remove(const std::string& slug, const std::string& path, const Acting& who) {
    db_.guarded([&] {
        auto transaction = db_.write_transaction();
        SpaceStore spaces(db_);
        LibraryStore library(db_);
        const Space space = find_space(spaces, slug);
        const LibraryFile file = find_file(library, space, checked_path("path", path));
        const Authority authority = authorize_file_change(db_, library, space, file, who, "remove files");
        const std::string now = format_timestamp(clock_.now());
        library.mark_deleted(file.id, now);
        record_audit(db_, {0, now, actor_, "library.remove", "space", std::to_string(space.id),
                           authority.audit_details(nlohmann::json{{"file", file.id}}.dump())});
        transaction.commit();
    });
}

std::vector<LibraryRevision> SpaceLibrary::history(const std::string& slug, const std::string& path) {
    SpaceStore spaces(db_);
    LibraryStore library(db_);
    const Space space = find_space(spaces, slug);
    return library.revisions(find_file(library, space, checked_path("path", path)).id);
}

} // namespace expeer
