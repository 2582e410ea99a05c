#include "platform/pull.hpp"

#include "library/blob_store.hpp"
#include "library/library.hpp"
#include "platform/pull_steps.hpp"
#include "spaces/visibility.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/platform_store.hpp"
#include "store/space_store.hpp"
#include "util/clock.hpp"
#include "util/printable.hpp"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <future>
#include <memory>
#include <nlohmann/json.hpp>

namespace expeer {

PullTally& PullReport::operator[](const std::string& kind) {
    for (auto& [name, tally] : kinds)
        if (name == kind) return tally;
    return kinds.emplace_back(kind, PullTally{}).second;
}

void PullReport::skip(const std::string& kind, const std::string& why) {
    ++(*this)[kind].skipped;
    ++skipped_why[kind + ": " + why];
}

void PullReport::add(const PullReport& other) {
    for (const auto& [kind, tally] : other.kinds) {
        auto& mine = (*this)[kind];
        mine.created += tally.created;
        mine.updated += tally.updated;
        mine.unchanged += tally.unchanged;
        mine.skipped += tally.skipped;
    }
    for (const auto& [why, count] : other.skipped_why) skipped_why[why] += count;
    warnings.insert(warnings.end(), other.warnings.begin(), other.warnings.end());
    skipped_spaces.insert(skipped_spaces.end(), other.skipped_spaces.begin(), other.skipped_spaces.end());
    unfinished_spaces.insert(unfinished_spaces.end(), other.unfinished_spaces.begin(),
                             other.unfinished_spaces.end());
    bytes += other.bytes;
}

const std::vector<StoredField>& pulled_fields() {
    static const std::vector<StoredField> fields = {
        {"members",
         "email, name, language, profile (member, trusted, admin), active or disabled, "
         "registration date, "
         "platform id; never a country, an organisation or a consent",
         "GET /api/users"},
        {"spaces",
         "slug, label, access, parent, default role, creation date, platform id; deleted: archived",
         "GET /api/workspaces"},
        {"memberships", "member, space, role", "GET /api/workspaces/ID/members"},
        {"news",
         "public spaces: title, text (the thread's first comment), author, date; other spaces: the "
         "author "
         "and the date, a placeholder title",
         "GET /api/workspaces/ID/contents, .../contents/ID/comments"},
        {"comments", "public spaces: text, author, date; other spaces: author and date only",
         ".../contents/ID/comments"},
        {"library files", "public spaces: folder and file name; other spaces: platform-file-ID",
         ".../contents"},
        {"file versions", "size, author, date; the bytes only with --with-files",
         ".../files/ID/revisions"},
        {"activities",
         "kind (news, comment, file, membership), author, space, date; public spaces: the title or "
         "file name",
         "GET /api/users/ID/messages (the feed of a member of each space)"},
    };
    return fields;
}

namespace {

// Writes each step in a transaction of its own; a dry run writes them all in one that is
// rolled back at the end, so later steps still see what earlier ones would have written.
class Steps {
  public:
    Steps(Database& db, bool dry_run) : db_(db), dry_run_(dry_run) {
        if (dry_run_) whole_.emplace(db_);
    }
    template <typename Body> void run(Body&& body) {
        if (dry_run_) return db_.in_savepoint(body);
        db_.write([&](Write&) { body(); });
    }

    // Spaces are written in batches, one transaction each, committed after a second or when
    // the writer would wait for the platform anyway: a transaction per space rewrote every
    // index page it touched at each commit (2.6 GB of WAL for a 54 MB database). A crash loses
    // the batch under way, which the next pull reads again: where each space's feed stopped is
    // written in the same transaction. `committed` runs once the batch is committed.
    template <typename Body> void run_batched(Body&& body, std::function<void()> committed) {
        if (dry_run_) {
            run(body);
            return committed();
        }
        if (!batch_) {
            batch_.emplace(db_);
            batch_started_ = std::chrono::steady_clock::now();
        }
        // A space whose feed fails midway leaves nothing of itself; the spaces before it stay.
        db_.in_savepoint(body);
        on_commit_.push_back(std::move(committed));
        if (std::chrono::steady_clock::now() - batch_started_ >= std::chrono::seconds(1)) commit_batch();
    }
    void commit_batch() {
        if (!batch_) return;
        batch_->commit();
        batch_.reset();
        for (const auto& f : on_commit_) f();
        on_commit_.clear();
    }

  private:
    Database& db_;
    bool dry_run_;
    std::optional<HeldWrite> whole_; // rolled back when it goes
    std::optional<HeldWrite> batch_; // rolled back if it goes uncommitted
    std::chrono::steady_clock::time_point batch_started_;
    std::vector<std::function<void()>> on_commit_;
};

// A member whose feed holds the space's whole history: the login when it is one, so that
// the platform does the least work, else any.
std::optional<std::int64_t> reader_of(const std::vector<TracimMember>& members, std::int64_t me) {
    if (members.empty()) return std::nullopt;
    for (const auto& m : members)
        if (m.user_id == me) return me;
    return members.front().user_id;
}

} // namespace

PullReport pull_platform(Database& db, BlobStore& blobs, TracimClient& tracim,
                         const PullRequest& request, const PullContext& context,
                         const PullProgress& progress) {
    // One pull or push at a time: they move the same cursors and links. Downloads go to this
    // process's own folder of the content store, and what a killed run (a pull, an import)
    // left there goes, as every command that stores contents does (library/blob_store.hpp).
    const auto lock = db.lock_job("platform", "another `expeer platform pull` or `push`");
    recover_interrupted_writes(db, blobs);
    const TracimUser me = require_administrator(tracim, "a pull reads every account and space");
    const std::string login = printable(me.username.value_or(me.public_name));
    PullReport report;
    for (const char* kind : {"members", "spaces", "memberships", "news", "comments",
                             "library files", "file versions", "activities"})
        report[kind];
    if (progress) progress("accounts and spaces", 0, 0);
    PlatformDirectory directory{tracim.users(), tracim.spaces(), {}};
    std::erase_if(directory.spaces, [](const TracimSpace& s) { return s.is_deleted; });
    for (const auto& space : directory.spaces) {
        try {
            directory.members[space.id] = tracim.members(space.id);
        } catch (const PlatformRefusal& e) {
            if (!e.not_found() && !e.forbidden()) throw;
            report.skipped_spaces.push_back(space.slug);
            report.warnings.push_back(fmt::format("space '{}': its members cannot be read ({})",
                                                  printable(space.slug), e.what()));
        }
    }
    // Which spaces' contents to read: those asked for, each named if the platform has none.
    std::vector<const TracimSpace*> chosen;
    for (const auto& space : directory.spaces)
        if (request.spaces.empty() || std::find(request.spaces.begin(), request.spaces.end(),
                                                space.slug) != request.spaces.end())
            chosen.push_back(&space);
    for (const auto& slug : request.spaces)
        if (std::none_of(directory.spaces.begin(), directory.spaces.end(),
                         [&](auto& s) { return s.slug == slug; }))
            report.warnings.push_back(
                fmt::format("space '{}': the platform has no such space", printable(slug)));

    const std::string now = format_timestamp(context.clock.now());
    Steps steps(db, request.dry_run);
    PulledRegistry registry;
    std::set<std::int64_t> visible;
    std::size_t scrubbed = 0;
    steps.run([&] {
        registry = pull_registry(db, directory, context, report);
        visible = public_space_ids(SpaceStore(db).all());
        scrubbed = apply_visibility(db, visible, now);
    });
    // The texts of a space that stopped being public were overwritten; their old versions
    // must not stay in the store's files either (SQLite's WAL, PostgreSQL's dead rows).
    if (scrubbed > 0 && !request.dry_run && !db.checkpoint_and_truncate())
        report.warnings.push_back("a space stopped being public, and another process still reads an older state of "
                                  "the database: the old copies of its texts may stay in the database's files until "
                                  "it is done; run `expeer db check --repair` then");
    // The next space is read from the platform while this one is written, on a connection of
    // its own: the platform's answers, not expeer's writes, set the pace. One space ahead at
    // most, and its feed a few pages ahead of the writer, so memory stays that of the largest
    // space's contents, whatever the number of events.
    DatabaseOptions reading = db.options();
    reading.access = DatabaseAccess::read_only;
    reading.cache_kib = 2000; // it looks up a few cursors: SQLite's default
    const auto reading_db = Database::open(reading);
    struct Ahead {
        Ahead(SpaceToPull t, BlobStore& blobs) : target(std::move(t)), downloaded(blobs) {}
        SpaceToPull target;
        NewBlobs downloaded; // removed unless the space's transaction commits
        FeedPages feed{feed_pages_ahead};
        std::future<ReadOfSpace> read;
        std::future<void> feed_read;
        // The readers under way end before what they use goes: the feed's stops at once.
        ~Ahead() {
            feed.abandon();
            if (feed_read.valid()) feed_read.wait();
            if (read.valid()) read.wait();
        }
    };
    const auto start = [&](std::size_t i) {
        const TracimSpace& space = *chosen[i];
        const std::int64_t local = registry.spaces.at(space.id);
        const auto members = directory.members.find(space.id);
        // Only this thread uses the reading connection now: the reader of the space before
        // has finished with it.
        const PlatformCursor before = PlatformStore(*reading_db).cursor(local).value_or(PlatformCursor{});
        auto ahead = std::make_unique<Ahead>(
            SpaceToPull{space, local, visible.count(local) > 0,
                        members == directory.members.end() ? std::nullopt
                                                           : reader_of(members->second, me.id),
                        before},
            blobs);
        Ahead* a = ahead.get();
        a->feed_read = std::async(std::launch::async,
                                  [&, a] { read_feed(tracim, a->target, request, a->feed); });
        a->read = std::async(std::launch::async, [&, a] {
            return read_space(*reading_db, blobs, tracim, a->target, registry, request, context, a->downloaded);
        });
        return ahead;
    };
    std::unique_ptr<Ahead> next = chosen.empty() ? nullptr : start(0);
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        const std::shared_ptr<Ahead> current = std::move(next);
        const TracimSpace& space = current->target.space;
        if (progress) progress(space.slug, i, chosen.size());
        // The writer would wait for the platform: commit what is written meanwhile, at no cost.
        if (current->read.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            steps.commit_batch();
        ReadOfSpace read;
        try {
            read = current->read.get();
        } catch (const PlatformRefusal& e) {
            // A space the login may not read is skipped, never fatal: the others go on.
            if (!e.forbidden() && !e.not_found()) {
                steps.commit_batch(); // the spaces written before stay
                throw;
            }
            report.skipped_spaces.push_back(space.slug);
            report.warnings.push_back(
                fmt::format("space '{}': {} cannot read its contents ({}); skipped",
                            printable(space.slug), login, e.forbidden() ? "not a member" : "gone"));
        } catch (...) {
            steps.commit_batch();
            throw;
        }
        if (i + 1 < chosen.size()) next = start(i + 1);
        if (!read) continue;
        try {
            steps.run_batched(
                [&] {
                    write_space(db, blobs, tracim, current->target, registry, request, context,
                                *read, current->feed, report);
                    record_audit(db, {0, now, context.actor, "platform.pull", "space",
                                      std::to_string(current->target.id), ""});
                },
                [current] { current->downloaded.keep(); });
        } catch (...) {
            // The space left nothing (its savepoint); the spaces written before stay, unless the
            // store cannot commit them either.
            try {
                steps.commit_batch();
            } catch (...) {
            }
            throw;
        }
    }
    steps.commit_batch();
    if (progress) progress("", chosen.size(), chosen.size());
    report.written = !request.dry_run;
    return report;
}

} // namespace expeer
