#include "library/library.hpp"

#include "library/blob_store.hpp"
#include "library/names.hpp"
#include "members/registry.hpp"
#include "spaces/registry.hpp"
#include "spaces/visibility.hpp"
#include "store/activity_store.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/library_store.hpp"
#include "store/member_store.hpp"
#include "store/space_store.hpp"
#include "util/clock.hpp"
#include "util/invalid_input.hpp"
#include "util/printable.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>

namespace expeer {

namespace {

// A path for a new name: the whole rule of names.hpp.
std::string checked_path(const std::string& field, const std::string& raw) {
    const std::string path = normalise_library_path(raw);
    if (const auto problem = library_path_problem(path))
        throw InvalidInput({{field, printable(raw), *problem}});
    return path;
}

// A path naming a file that is there: any name a library could hold, so that one added before
// the rule can still be read, moved to a good name or purged.
std::string lookup_path(const std::string& field, const std::string& raw) {
    std::string path = normalise_library_path(raw);
    if (const auto problem = library_lookup_problem(path))
        throw InvalidInput({{field, printable(raw), *problem}});
    return path;
}

std::optional<LibraryFile> find_any_form(LibraryStore& store, const Space& space,
                                         const std::string& raw, const std::string& path) {
    if (auto file = store.find(space.id, path)) return file;
    // Stored before names were kept in NFC: as typed.
    const std::string as_typed = normalise_slashes(raw);
    if (as_typed != path) return store.find(space.id, as_typed);
    return std::nullopt;
}

LibraryFile find_file(LibraryStore& store, const Space& space, const std::string& field,
                      const std::string& raw) {
    const std::string path = lookup_path(field, raw);
    auto file = find_any_form(store, space, raw, path);
    if (!file)
        throw Error(ErrorKind::not_found,
                    fmt::format("no file '{}' in space '{}'", printable(path), space.slug));
    return *file;
}

} // namespace

namespace {

Recovery recover_in_transaction(LibraryStore& library, BlobStore& blobs) {
    return blobs.recover([&](const std::string& sha256) { return library.has_blob(sha256); });
}

} // namespace

Recovery recover_interrupted_writes(Database& db, BlobStore& blobs) {
    if (!blobs.has_dead_runs()) return {}; // the usual case: no transaction
    return db.write([&](Write&) {
        LibraryStore library(db);
        auto recovery = recover_in_transaction(library, blobs);
        return recovery;
    });
}

SpaceLibrary::SpaceLibrary(Database& db, BlobStore& blobs, const Clock& clock, std::string actor,
                           Quota quota)
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

void SpaceLibrary::check_quota(LibraryStore& library, const Space& space,
                               const std::vector<std::string>& paths,
                               const std::vector<StoredBlob>& stored) {
    const SpaceQuota quota = quota_ ? quota_(space.slug) : SpaceQuota{};
    if (quota.bytes) {
        std::uint64_t total = library.space_bytes(space.id);
        for (const auto& blob : stored)
            total += blob.size;
        if (total > quota.bytes)
            throw Error(ErrorKind::data,
                        fmt::format("space '{}' would hold {:.1f} MB, over its quota of {:.1f} MB: "
                                    "nothing was added",
                                    space.slug, total / 1e6, quota.bytes / 1e6));
    }
    if (quota.files) {
        std::uint64_t files = library.file_count(space.id);
        for (const auto& path : paths)
            files += !library.find(space.id, path);
        if (files > quota.files)
            throw Error(ErrorKind::data,
                        fmt::format("space '{}' would hold {} files, over its limit of {} "
                                    "(library.max_files; removed "
                                    "files count until `expeer library purge`): nothing was added",
                                    space.slug, files, quota.files));
    }
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
// A path whose current revision has the content already gets no new revision.
std::vector<AddedFile> SpaceLibrary::record(const Sharer& sharer,
                                            const std::vector<std::string>& paths,
                                            const std::vector<StoredBlob>& stored,
                                            NewBlobs& created) {
    const Space& space = sharer.space;
    return db_.write([&](Write& w) {
        LibraryStore library(db_);
        // Names that would be one file on Windows or macOS, among these and the library's.
        NameClashes clashes;
        for (const auto& path : library.paths(space.id))
            clashes.add(path);
        std::vector<FieldError> errors;
        for (const auto& path : paths)
            if (const auto clash = clashes.add(path))
                errors.push_back({"path", printable(path), *clash});
        if (!errors.empty()) throw InvalidInput(std::move(errors));

        std::vector<std::optional<LibraryFile>> existing;
        std::vector<std::string> new_paths;
        std::vector<StoredBlob> new_contents;
        for (std::size_t i = 0; i < paths.size(); ++i) {
            existing.push_back(library.find(space.id, paths[i]));
            if (existing.back() && existing.back()->current.sha256 == stored[i].sha256) continue;
            new_paths.push_back(paths[i]);
            new_contents.push_back(stored[i]);
        }
        check_quota(library, space, new_paths, new_contents);
        const std::string now = format_timestamp(clock_.now());
        std::vector<AddedFile> added;
        for (std::size_t i = 0; i < paths.size(); ++i) {
            if (existing[i] && existing[i]->current.sha256 == stored[i].sha256) {
                added.push_back({paths[i], existing[i]->current.revision, false, true});
                continue;
            }
            library.record_blob(stored[i].sha256, stored[i].size);
            const auto file_id =
                existing[i] ? existing[i]->id : library.create_file(space.id, paths[i], now);
            const auto revision = library.add_revision(file_id, stored[i].sha256, stored[i].size,
                                                       now, sharer.member.id);
            record_activity(db_,
                            {0, std::nullopt, now, sharer.member.id, "file", space.id, paths[i]});
            w.audit({0, now, actor_, "library.add", "space", std::to_string(space.id),
                     sharer.authority.audit_details(
                         nlohmann::json{{"file", file_id}, {"revision", revision}}.dump())});
            added.push_back({paths[i], revision, stored[i].created, false});
        }
        // Discarded if this does not commit, before the lock goes, so that no other process
        // relies on them.
        w.on_rollback([&] { created.discard(); });
        // In place only while this transaction holds the write lock: no other process can
        // see them unrecorded, and a crash leaves them listed for recover_interrupted_writes.
        blobs_.publish_pending();
        return added;
    });
}

std::vector<AddedFile> SpaceLibrary::add(const std::string& slug,
                                         const std::vector<std::filesystem::path>& files,
                                         const std::string& folder, const Acting& as) {
    // Check everything that can be checked before storing a byte.
    std::vector<FieldError> errors;
    const Sharer sharer = check_sharer(slug, as, errors);
    const std::string prefix = normalise_library_path(folder);
    std::vector<std::string> paths;
    std::set<std::string> seen;
    NameClashes clashes;
    for (const auto& file : files) {
        const std::string path = normalise_library_path(
            prefix.empty() ? file.filename().string() : prefix + "/" + file.filename().string());
        if (const auto problem = library_path_problem(path))
            errors.push_back({"path", printable(path), *problem});
        else if (!seen.insert(path).second)
            errors.push_back({"path", printable(path), "is given twice"});
        else if (const auto clash = clashes.add(path))
            errors.push_back({"path", printable(path), *clash});
        std::error_code error;
        if (!std::filesystem::is_regular_file(file, error))
            errors.push_back(
                {"file", shown_value(file.string()), "is not a readable regular file"});
        paths.push_back(path);
    }
    if (!errors.empty()) throw InvalidInput(std::move(errors));

    recover_interrupted_writes(db_, blobs_);
    NewBlobs created(blobs_);
    blobs_.begin_batch();
    struct Discard {
        BlobStore& blobs;
        ~Discard() { blobs.discard_pending(); } // a refused batch leaves no temporary file
    } discard{blobs_};
    std::vector<StoredBlob> stored;
    for (const auto& file : files) {
        stored.push_back(blobs_.put_file(file));
        created.add(stored.back());
    }
    blobs_.sync_pending(); // the slow part, before the transaction
    auto added = record(sharer, paths, stored, created);
    created.keep();
    return added;
}

ImportedArchive SpaceLibrary::import_archive(const std::string& slug,
                                             const std::filesystem::path& archive,
                                             const std::string& folder, const Acting& as,
                                             const ArchiveLimits& limits) {
    std::vector<FieldError> errors;
    const Sharer sharer = check_sharer(slug, as, errors);
    if (const auto prefix = normalise_library_path(folder); !prefix.empty())
        if (const auto problem = library_path_problem(prefix))
            errors.push_back({"folder", printable(folder), *problem});
    if (!errors.empty()) throw InvalidInput(std::move(errors));
    recover_interrupted_writes(db_, blobs_);
    NewBlobs created(blobs_);
    blobs_.begin_batch();
    struct Discard {
        BlobStore& blobs;
        ~Discard() { blobs.discard_pending(); } // a refused archive leaves no temporary file
    } discard{blobs_};
    const auto contents = read_archive(archive, folder, limits, blobs_, created);
    blobs_.sync_pending(); // every content on disk before the transaction puts it in place
    std::vector<std::string> paths;
    std::vector<StoredBlob> stored;
    for (const auto& f : contents.files) {
        paths.push_back(f.path);
        stored.push_back(f.blob);
    }
    ImportedArchive imported{record(sharer, paths, stored, created), contents.skipped,
                             contents.guessed_encoding};
    created.keep();
    return imported;
}

std::size_t SpaceLibrary::export_archive(const std::string& slug, ArchiveFormat format,
                                         const std::function<void(std::string_view)>& write) {
    std::vector<ArchiveMember> members;
    // A file named before the rule for names existed (CON, a clash on case) would be unpacked
    // wrongly, or over another, on Windows or macOS: refused, each named, before anything is
    // written; `library mv` renames it.
    std::vector<FieldError> problems;
    NameClashes clashes;
    for (const auto& f : list(slug)) {
        auto problem = library_path_problem(f.path);
        if (!problem) problem = clashes.add(f.path);
        if (problem)
            problems.push_back({"file", printable(f.path),
                                fmt::format("{}; rename it first: expeer library mv {} '{}' NEW-PATH",
                                            *problem, slug, printable(f.path))});
        // A version pulled from the platform without its bytes has nothing to export.
        if (!f.current.sha256.empty()) members.push_back({f.path, f.current.sha256, f.current.size});
    }
    if (!problems.empty()) throw InvalidInput(std::move(problems));
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

LibraryRevision SpaceLibrary::get(const std::string& slug, const std::string& raw_path,
                                  std::optional<std::int64_t> revision,
                                  const std::function<void(std::string_view)>& sink) {
    SpaceStore spaces(db_);
    LibraryStore library(db_);
    const Space space = find_space(spaces, slug);
    const LibraryFile file = find_file(library, space, "path", raw_path);
    LibraryRevision wanted = file.current;
    if (revision) {
        const auto all = library.revisions(file.id);
        const auto it = std::find_if(all.begin(), all.end(), [&](const LibraryRevision& r) {
            return r.revision == *revision;
        });
        if (it == all.end())
            throw Error(ErrorKind::not_found, fmt::format("'{}' has no revision {} (it has {})",
                                                          file.path, *revision, all.size()));
        wanted = *it;
    }
    if (wanted.sha256.empty())
        throw Error(ErrorKind::not_found, fmt::format("revision {} of '{}' came from the platform "
                                                      "without its bytes: `expeer platform pull "
                                                      "--with-files` brings them",
                                                      wanted.revision, file.path));
    blobs_.read(wanted.sha256, sink);
    return wanted;
}

void SpaceLibrary::move(const std::string& slug, const std::string& from, const std::string& to, const Acting& who) {
    db_.write([&](Write& w) {
        SpaceStore spaces(db_);
        LibraryStore library(db_);
        const Space space = find_space(spaces, slug);
        const LibraryFile file = find_file(library, space, "from", from);
        const Authority authority = authorize_file_change(db_, library, space, file, who, "move files");
        const std::string target = checked_path("to", to);
        if (const auto there = library.find(space.id, target); there && there->id != file.id)
            throw InvalidInput(
                {{"to", printable(target), fmt::format("is already a file in space '{}'", slug)}});
        NameClashes
            clashes; // "Rapport.pdf" to "rapport.pdf" is the same file: no clash with itself
        for (const auto& path : library.paths(space.id))
            if (path != file.path) clashes.add(path);
        if (const auto clash = clashes.add(target))
            throw InvalidInput({{"to", printable(target), *clash}});
        library.rename(file.id, target);
        rename_file_activities(db_, space.id, file.path, target);
        w.audit({0, format_timestamp(clock_.now()), actor_, "library.move", "space",
                 std::to_string(space.id), authority.audit_details(nlohmann::json{{"file", file.id}}.dump())});
    });
}

void SpaceLibrary::remove(const std::string& slug, const std::string& path, const Acting& who) {
    db_.write([&](Write& w) {
        SpaceStore spaces(db_);
        LibraryStore library(db_);
        const Space space = find_space(spaces, slug);
        const LibraryFile file = find_file(library, space, "path", path);
        const Authority authority = authorize_file_change(db_, library, space, file, who, "remove files");
        const std::string now = format_timestamp(clock_.now());
        library.mark_deleted(file.id, now);
        rename_file_activities(db_, space.id, file.path, std::nullopt);
        w.audit({0, now, actor_, "library.remove", "space", std::to_string(space.id),
                 authority.audit_details(nlohmann::json{{"file", file.id}}.dump())});
    });
}

PurgedFile SpaceLibrary::purge(const std::string& slug, const std::string& raw_path, const Acting& who,
                               bool apply) {
    std::vector<std::string> unused; // contents no other revision uses
    // Pages freed by the deletes are overwritten, not left for a forensic read of the file
    // (Debian's SQLite does so by default; a build that does not must not matter).
    db_.overwrite_deleted_data();
    PurgedFile purged = db_.write([&](Write& w) {
        SpaceStore spaces(db_);
        LibraryStore library(db_);
        const Space space = find_space(spaces, slug);
        PurgedFile result;
        result.path = lookup_path("path", raw_path);
        auto ids = library.files_at(space.id, result.path);
        if (ids.empty() && normalise_slashes(raw_path) != result.path)
            ids = library.files_at(space.id, normalise_slashes(raw_path));
        if (ids.empty())
            throw Error(ErrorKind::not_found,
                        fmt::format("no file '{}' in space '{}', nor a removed one",
                                    printable(result.path), space.slug));
        result.files = ids.size();
        std::optional<Authority> authority;
        for (const auto id : ids) {
            LibraryFile file;
            file.id = id;
            const Authority one = authorize_file_change(db_, library, space, file, who, "purge files");
            if (!authority || one.override_used) authority = one;
        }
        std::set<std::string> contents;
        for (const auto id : ids)
            for (const auto& revision : library.revisions(id)) {
                ++result.revisions;
                if (!revision.sha256.empty()) contents.insert(revision.sha256);
            }
        for (const auto& sha256 : contents)
            if (library.revisions_using(sha256, ids) == 0) {
                unused.push_back(sha256);
                result.bytes += library.blob_size(sha256);
            }
        result.contents = unused.size();
        if (!apply) return result;
        library.erase_files(space.id, ids);
        for (const auto& sha256 : unused)
            library.erase_blob(sha256);
        recover_in_transaction(library, blobs_);
        nlohmann::json details{
            {"files", ids}, {"revisions", result.revisions}, {"contents", result.contents}};
        // The name of a file in a space that is not public is not the audit log's to keep.
        if (is_public(space, spaces.all())) details["path"] = result.path;
        w.audit({0, format_timestamp(clock_.now()), actor_, "library.purge", "space", std::to_string(space.id),
       authority->audit_details(details.dump())});
        // Out of place while this transaction holds the write lock, so no other process
        // finds them stored and records them again; a crash leaves them to recovery.
        w.on_rollback([&] { blobs_.put_back_withdrawn(); });
        for (const auto& sha256 : unused)
            blobs_.withdraw(sha256);
        result.applied = true;
        return result;
    });
    if (!purged.applied) return purged;
    blobs_.drop_withdrawn();
    purged.wal_emptied = db_.checkpoint_and_truncate(); // no old copy of the rows left in the WAL
    return purged;
}

std::vector<LibraryRevision> SpaceLibrary::history(const std::string& slug,
                                                   const std::string& path) {
    SpaceStore spaces(db_);
    LibraryStore library(db_);
    const Space space = find_space(spaces, slug);
    return library.revisions(find_file(library, space, "path", path).id);
}

} // namespace expeer
