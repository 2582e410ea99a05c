// One space of a pull: its contents (news, comments, library files and versions) and its
// event feed (activity), from where the last pull stopped. The contents are read first, then
// written with the feed as it comes and the new cursor, in one transaction: a crash leaves
// the space as the last pull left it.
#include "activity/activity.hpp"
#include "library/blob_store.hpp"
#include "library/library.hpp"
#include "platform/html_text.hpp"
#include "platform/pull_steps.hpp"
#include "store/activity_store.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/library_store.hpp"
#include "store/news_store.hpp"
#include "store/platform_store.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"
#include "util/printable.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <deque>
#include <future>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace expeer {

namespace {

constexpr std::size_t max_title_chars = 300;
constexpr std::size_t max_body_bytes = 100000;

// What a platform event counts as, if it counts (activity.hpp's kinds).
std::optional<std::string> activity_kind(const TracimEvent& e) {
    const auto& t = e.event_type;
    if (t == "content.created.thread" && e.content_namespace == "publication") return "news";
    if (t == "content.created.file") return e.content_namespace == "publication" ? "news" : "file";
    if (t == "content.modified.file" && e.revision_type == "revision")
        return "file"; // a new version
    if (t == "content.created.comment") return "comment";
    if (t == "workspace_member.created") return "membership";
    return std::nullopt;
}

bool is_publication(const TracimContent& c) {
    return c.content_namespace == "publication" && !c.parent_id &&
           (c.content_type == "thread" || c.content_type == "file");
}

bool is_library_file(const TracimContent& c) {
    return c.content_type == "file" && c.content_namespace != "publication";
}

// New bytes; other revisions rename, describe, archive.
bool new_bytes(const TracimRevision& r) {
    return r.revision_type == "creation" || r.revision_type == "revision";
}

// Calls `fetch` for up to four keys at once, on other threads, and `use` on each answer in
// order: the platform answers the next calls (on connections of their own, see
// TransportPool) while expeer reads the last answer. `use` must not call the platform.
template <typename Key, typename Fetch, typename Use>
void ahead(const std::vector<Key>& keys, Fetch&& fetch, Use&& use) {
    constexpr std::size_t at_once = 4;
    using Result = decltype(fetch(keys.front()));
    std::deque<std::future<Result>> next; // destroyed first: a call under way ends first
    std::size_t asked = 0;
    const auto ask = [&] {
        while (asked < keys.size() && next.size() < at_once)
            next.push_back(std::async(std::launch::async, fetch, keys[asked++]));
    };
    for (std::size_t i = 0; i < keys.size(); ++i) {
        ask();
        Result result = next.front().get();
        next.pop_front();
        ask();
        use(keys[i], std::move(result));
    }
}

// Not found (deleted while it was read) is nothing; any other refusal goes on.
template <typename Call> auto unless_gone(Call&& call) -> std::optional<decltype(call())> {
    try {
        return call();
    } catch (const PlatformRefusal& e) {
        if (!e.not_found()) throw;
        return std::nullopt;
    }
}

// A file downloaded into a private temporary file beside the contents, then stored by hash.
class Download {
  public:
    explicit Download(const std::filesystem::path& dir) {
        std::filesystem::create_directories(dir);
        path_ = (dir / "incoming-platform-XXXXXX").string();
        fd_ = ::mkstemp(path_.data());
        if (fd_ < 0)
            throw Error(ErrorKind::cannot_create,
                        fmt::format("cannot create a temporary file in '{}': {}", dir.string(),
                                    std::strerror(errno)));
        ::fchmod(fd_, 0600);
        sink_.write = [this](std::string_view data) {
            for (std::size_t done = 0; done < data.size();) {
                const auto n = ::write(fd_, data.data() + done, data.size() - done);
                if (n < 0 && errno == EINTR) continue;
                if (n < 0)
                    throw Error(ErrorKind::io,
                                fmt::format("cannot write '{}': {}", path_, std::strerror(errno)));
                done += static_cast<std::size_t>(n);
            }
        };
        sink_.restart = [this] {
            if (::ftruncate(fd_, 0) != 0 || ::lseek(fd_, 0, SEEK_SET) != 0)
                throw Error(ErrorKind::io, fmt::format("cannot rewrite '{}'", path_));
        };
    }
    ~Download() {
        if (fd_ >= 0) ::close(fd_);
        ::unlink(path_.c_str());
    }
    Download(const Download&) = delete;
    Download& operator=(const Download&) = delete;
    const BodySink& sink() const { return sink_; }
    std::filesystem::path finish() {
        ::close(fd_);
        fd_ = -1;
        return path_;
    }

  private:
    std::string path_;
    int fd_ = -1;
    BodySink sink_;
};

} // namespace

// What the platform says of one space, read before anything is written.
struct SpaceRead {
    PlatformCursor before;
    PlatformCursor after;
    std::vector<TracimContent> changed; // the latest change first
    // News items (new or changed publications, and earlier ones with new comments) and their
    // comments, oldest first; nothing when the item was deleted while it was read.
    std::vector<std::pair<std::int64_t, std::optional<std::vector<TracimComment>>>> comments;
    std::size_t other_comments = 0; // on contents that are not news
    std::vector<std::pair<const TracimContent*, std::optional<std::vector<TracimRevision>>>> files;
    std::map<std::string, StoredBlob> bytes;         // by revision id, downloaded
    std::map<std::string, StoredBlob> earlier_bytes; // of versions an earlier pull recorded
    PullReport notes; // what reading skipped or warned about, for the writer to report
};

namespace {

class SpacePull {
  public:
    SpacePull(Database& db, BlobStore& blobs, TracimClient& tracim, const SpaceToPull& space,
              const PulledRegistry& registry, const PullRequest& request,
              const PullContext& context, PullReport& report)
        : db_(db), blobs_(blobs), tracim_(tracim), space_(space), registry_(registry),
          request_(request), report_(report), platform_(db), library_(db) {
        now_ = format_timestamp(context.clock.now());
    }

    // Notes go to `r.notes`, not to the report: the writer, on another thread, has that.
    void read(SpaceRead& r, NewBlobs& downloaded) {
        r.before = space_.before;
        r.after = r.before;
        // Contents changed since the last pull (or since --since), the latest first.
        std::optional<std::string> floor = r.before.contents_modified;
        if (!floor && request_.since) floor = *request_.since + "T00:00:00Z";
        tracim_.contents(space_.space.id, floor, [&](const TracimContent& c) {
            if (!r.after.contents_modified || c.modified > *r.after.contents_modified)
                r.after.contents_modified = c.modified;
            r.changed.push_back(c);
        });
        read_comments(r);
        read_files(r, downloaded);
        if (!space_.reader && !r.before.last_event_id)
            r.notes.warnings.push_back(fmt::format("space '{}': no member, so no event feed to read",
                                                   printable(space_.space.slug)));
    }

    void write(const SpaceRead& r, FeedPages& feed) {
        report_.add(r.notes);
        folders(r.changed);
        news(r);
        library(r);
        PlatformCursor after = r.after;
        after.last_event_id = events(r, feed);
        after.pulled_public = space_.is_public;
        platform_.save_cursor(space_.id, after, now_);
    }

  private:
    std::optional<std::int64_t> member(std::optional<std::int64_t> user) const {
        if (!user) return std::nullopt;
        const auto it = registry_.members.find(*user);
        return it == registry_.members.end() ? std::nullopt
                                             : std::optional<std::int64_t>(it->second);
    }

    std::string title(const std::string& label) const {
        if (!space_.is_public) return withheld_title;
        const std::string t = one_line(label, max_title_chars);
        return t.empty() ? "(untitled)" : t;
    }

    std::string body(const std::string& html) const {
        if (!space_.is_public) return {};
        std::string t = html_to_text(html);
        if (t.size() > max_body_bytes) t = one_line(t, max_body_bytes / 4);
        return t;
    }

    // The comments of every news item that needs them. In a space that is not public no text
    // is kept, so none is asked for: the listing says who commented, and when. In a public
    // one the texts are read, several calls at once.
    void read_comments(SpaceRead& r) {
        std::set<std::int64_t> publications;
        std::map<std::int64_t, std::vector<TracimComment>> listed; // by parent, without their text
        for (const auto& c : r.changed) {
            if (is_publication(c)) publications.insert(c.id);
            if (c.content_type == "comment" && c.parent_id)
                listed[*c.parent_id].push_back({c.id, *c.parent_id, c.author_id, c.created, ""});
        }
        std::vector<std::int64_t> parents(publications.begin(), publications.end());
        for (const auto& [parent, comments] : listed) {
            if (publications.count(parent)) continue;
            if (platform_.news_id(platform_id("content", parent)))
                parents.push_back(parent);
            else
                r.other_comments += comments.size();
        }
        const auto keep = [&](std::int64_t parent,
                              std::optional<std::vector<TracimComment>> comments) {
            r.comments.emplace_back(parent, std::move(comments));
        };
        if (!space_.is_public) {
            for (const auto parent : parents) {
                auto comments = listed[parent];
                std::stable_sort(
                    comments.begin(), comments.end(),
                    [](const auto& a, const auto& b) { return a.created < b.created; });
                keep(parent, std::move(comments));
            }
            return;
        }
        ahead(
            parents,
            [&](std::int64_t parent) {
                return unless_gone([&] { return tracim_.comments(space_.space.id, parent); });
            },
            keep);
    }

    // The versions of every changed file, several calls at once, then the bytes asked for.
    void read_files(SpaceRead& r, NewBlobs& downloaded) {
        std::vector<const TracimContent*> files;
        for (const auto& c : r.changed)
            if (is_library_file(c)) files.push_back(&c);
        ahead(
            files,
            [&](const TracimContent* c) {
                return unless_gone([&] { return tracim_.revisions(space_.space.id, c->id); });
            },
            [&](const TracimContent* c, std::optional<std::vector<TracimRevision>> revisions) {
                r.files.emplace_back(c, std::move(revisions));
            });
        if (!request_.with_files || request_.dry_run) return;
        std::set<std::int64_t> listed;
        for (const auto& c : r.changed)
            listed.insert(c.id);
        for (const auto& [c, revisions] : r.files) {
            if (!revisions) continue;
            for (const auto& v : *revisions) {
                if (!new_bytes(v)) continue;
                const std::string ext = platform_id("revision", v.id);
                if (const auto known = platform_.revision(ext); known && known->sha256) continue;
                download(c->id, v.id, r.bytes, downloaded, r.notes);
            }
        }
        // Versions an earlier pull recorded without their bytes, of files unchanged since.
        for (const auto& [file_ext, revision_ext] : platform_.revisions_without_bytes(space_.id)) {
            const auto file = platform_number(file_ext, "content");
            const auto revision = platform_number(revision_ext, "revision");
            if (!file || !revision || listed.count(*file)) continue;
            download(*file, *revision, r.earlier_bytes, downloaded, r.notes);
        }
    }

    void download(std::int64_t content, std::int64_t revision,
                  std::map<std::string, StoredBlob>& into, NewBlobs& downloaded, PullReport& notes) {
        Download d(blobs_.run_directory()); // cleaned by recover_interrupted_writes if killed
        const auto fetched = unless_gone([&] {
            tracim_.revision_bytes(space_.space.id, content, revision, d.sink());
            return true;
        });
        if (!fetched) {
            notes.skip("file versions", "bytes deleted on the platform while they were read");
            return;
        }
        const StoredBlob blob = blobs_.put_file(d.finish());
        downloaded.add(blob);
        notes.bytes += blob.size;
        into.emplace(platform_id("revision", revision), blob);
    }

    void folders(const std::vector<TracimContent>& changed) {
        for (const auto& c : changed)
            if (c.content_type == "folder")
                platform_.save_folder(
                    space_.id, {platform_id("content", c.id),
                                c.parent_id ? std::optional(platform_id("content", *c.parent_id))
                                            : std::nullopt,
                                space_.is_public ? one_line(c.label, 200) : ""});
    }

    void news(const SpaceRead& r) {
        if (r.other_comments) {
            report_["comments"].skipped += r.other_comments;
            report_.skipped_why
                ["comments: comments on contents that are not news (library files, discussions)"] +=
                r.other_comments;
        }
        std::map<std::int64_t, const TracimContent*> publications;
        for (const auto& c : r.changed)
            if (is_publication(c)) publications[c.id] = &c;
        for (const auto& [parent, comments] : r.comments) {
            const auto pub = publications.find(parent);
            if (!comments) { // deleted on the platform while it was read
                if (pub != publications.end()) {
                    report_.skip("news", "news deleted on the platform while it was read");
                }
                continue;
            }
            if (pub == publications.end()) {
                const auto news_id = *platform_.news_id(platform_id("content", parent));
                upsert_comments(news_id, *comments, platform_.news_body_id(news_id));
                continue;
            }
            // A thread's first comment is its text; a file publication's comments are comments.
            const auto existing = platform_.news_id(platform_id("content", parent));
            std::optional<std::string> body_id =
                existing ? platform_.news_body_id(*existing) : std::nullopt;
            if (!body_id && pub->second->content_type == "thread" && !comments->empty())
                body_id = platform_id("content", comments->front().id);
            std::string text;
            for (const auto& comment : *comments)
                if (platform_id("content", comment.id) == body_id) text = body(comment.raw_content);
            upsert_comments(upsert_news(*pub->second, text, body_id), *comments, body_id);
        }
    }

    std::int64_t upsert_news(const TracimContent& c, const std::string& text,
                             const std::optional<std::string>& body_id) {
        auto& tally = report_["news"];
        const std::string ext = platform_id("content", c.id);
        if (const auto existing = platform_.news_id(ext)) {
            const bool changed = platform_.update_news(*existing, title(c.label), text,
                                                       member(c.author_id), c.created);
            platform_.link_news(*existing, ext, body_id);
            ++(changed ? tally.updated : tally.unchanged);
            return *existing;
        }
        const std::int64_t id =
            insert_news(db_, {0, space_.id, member(c.author_id), title(c.label), text, c.created, {}, {}});
        platform_.link_news(id, ext, body_id);
        ++tally.created;
        return id;
    }

    void upsert_comments(std::int64_t news_id, const std::vector<TracimComment>& comments,
                         const std::optional<std::string>& body_id) {
        auto& tally = report_["comments"];
        for (const auto& c : comments) {
            const std::string ext = platform_id("content", c.id);
            if (ext == body_id) continue;
            const std::string text = body(c.raw_content);
            if (const auto existing = platform_.comment_id(ext)) {
                const bool changed =
                    platform_.update_comment(*existing, text, member(c.author_id), c.created);
                ++(changed ? tally.updated : tally.unchanged);
                continue;
            }
            const std::int64_t id =
                insert_comment(db_, {0, news_id, member(c.author_id), text, c.created, {}, {}});
            platform_.link_comment(id, ext);
            ++tally.created;
        }
    }

    // "Case files/Interview notes.odt" in a public space; "platform-file-38" otherwise.
    std::string path_of(const TracimContent& c) {
        const std::string placeholder = fmt::format("platform-file-{}", c.id);
        if (!space_.is_public) return placeholder;
        if (folders_.empty()) folders_ = platform_.folders(space_.id);
        std::string path = c.filename;
        std::set<std::string> seen;
        std::string parent = c.parent_id ? platform_id("content", *c.parent_id) : std::string();
        while (!parent.empty()) {
            const auto it = folders_.find(parent);
            if (it == folders_.end() || !seen.insert(parent).second) break;
            path = it->second.label + "/" + path;
            parent = it->second.parent_external_id.value_or("");
        }
        path = normalise_library_path(path);
        return library_path_problem(path) ? placeholder : path;
    }

    void library(const SpaceRead& r) {
        for (const auto& [c, revisions] : r.files) {
            if (!revisions) {
                report_.skip("library files", "files deleted on the platform while they were read");
                continue;
            }
            versions(library_file(*c), *revisions, r.bytes);
        }
        for (const auto& [ext, blob] : r.earlier_bytes) {
            library_.record_blob(blob.sha256, blob.size);
            platform_.set_revision_content(ext, blob.sha256);
            ++report_["file versions"].updated;
        }
    }

    // The library file of a platform file, created or moved to its path now.
    std::int64_t library_file(const TracimContent& c) {
        auto& files = report_["library files"];
        const std::string ext = platform_id("content", c.id);
        std::string path = path_of(c);
        if (const auto file_id = platform_.library_file_id(ext)) {
            const bool moved =
                platform_.library_path(*file_id) != path && !library_.find(space_.id, path);
            if (moved) library_.rename(*file_id, path);
            ++(moved ? files.updated : files.unchanged);
            return *file_id;
        }
        if (library_.find(space_.id, path)) path += fmt::format(" (platform {})", c.id);
        const std::int64_t file_id = library_.create_file(space_.id, path, c.created);
        platform_.link_library_file(file_id, ext);
        ++files.created;
        return file_id;
    }

    void versions(std::int64_t file_id, const std::vector<TracimRevision>& revisions,
                  const std::map<std::string, StoredBlob>& bytes) {
        auto& tally = report_["file versions"];
        for (const auto& v : revisions) {
            if (!new_bytes(v)) continue;
            const std::string ext = platform_id("revision", v.id);
            const auto blob = bytes.find(ext);
            if (blob != bytes.end()) library_.record_blob(blob->second.sha256, blob->second.size);
            if (const auto existing = platform_.revision(ext)) {
                if (existing->sha256 || blob == bytes.end()) {
                    ++tally.unchanged;
                    continue;
                }
                platform_.set_revision_content(ext, blob->second.sha256);
                ++tally.updated;
                continue;
            }
            const bool have = blob != bytes.end();
            platform_.add_revision(file_id, platform_.revision_count(file_id) + 1,
                                   have ? std::optional(blob->second.sha256) : std::nullopt,
                                   have ? blob->second.size
                                        : static_cast<std::uint64_t>(v.size.value_or(0)),
                                   v.created, member(v.author_id), ext);
            ++tally.created;
        }
    }

    // Activity from the feed; returns where the next pull should read it from: the newest
    // event seen, or where the last pull stopped if the platform refused the feed midway.
    std::optional<std::int64_t> events(const SpaceRead& r, FeedPages& feed) {
        std::optional<std::int64_t> newest = r.before.last_event_id;
        try {
            while (auto page = feed.pop())
                for (const auto& e : *page) {
                    if (!newest || e.id > *newest) newest = e.id;
                    event(e);
                }
        } catch (const PlatformRefusal& e) {
            if (!e.forbidden() && !e.not_found()) throw;
            report_.unfinished_spaces.push_back(space_.space.slug);
            report_.warnings.push_back(
                fmt::format("space '{}': its event feed could not be read ({}); the next pull "
                            "reads it again",
                            printable(space_.space.slug), e.what()));
            return r.before.last_event_id;
        }
        return newest;
    }

    // One event of the feed: what it deleted, and the activity it counts as.
    void event(const TracimEvent& e) {
        auto& tally = report_["activities"];
        deletion(e);
        const auto kind = activity_kind(e);
        if (!kind) return;
        // The platform writes a thread's text as its first comment, with an event of its
        // own: that is the news item being written, not a comment on it.
        if (*kind == "comment" && e.content_id &&
            platform_.is_news_body(platform_id("content", *e.content_id)))
            return;
        const auto who = *kind == "membership" ? member(e.user_id) : member(e.author_id);
        std::optional<std::string> content;
        if (space_.is_public && *kind != "comment")
            content = *kind == "membership" ? "joined as " + space_role_from_tracim(e.role)
                      : *kind == "file"     ? one_line(e.filename, 200)
                                            : one_line(e.label, 200);
        const bool added = record_activity(db_, {0, platform_id("event", e.id), e.created, who,
                                                 *kind, space_.id, content})
                               .has_value();
        ++(added ? tally.created : tally.unchanged);
    }

    // What was deleted on the platform leaves here too.
    void deletion(const TracimEvent& e) {
        if (!e.event_type.starts_with("content.deleted.") || !e.content_id) return;
        const std::string ext = platform_id("content", *e.content_id);
        if (const auto news = platform_.news_id(ext)) {
            platform_.delete_news(*news);
            ++report_["news"].updated;
        } else if (const auto comment = platform_.comment_id(ext)) {
            platform_.delete_comment(*comment);
            ++report_["comments"].updated;
        } else if (const auto file = platform_.library_file_id(ext)) {
            library_.mark_deleted(*file, e.created);
            ++report_["library files"].updated;
        }
    }

    Database& db_;
    BlobStore& blobs_;
    TracimClient& tracim_;
    const SpaceToPull& space_;
    const PulledRegistry& registry_;
    const PullRequest& request_;
    PullReport& report_;
    PlatformStore platform_;
    LibraryStore library_;
    std::map<std::string, PlatformFolder> folders_;
    std::string now_;
};

} // namespace

void SpaceReadDeleter::operator()(SpaceRead* read) const { delete read; }

ReadOfSpace read_space(Database& db, BlobStore& blobs, TracimClient& tracim,
                       const SpaceToPull& space, const PulledRegistry& registry,
                       const PullRequest& request, const PullContext& context,
                       NewBlobs& downloaded) {
    ReadOfSpace read(new SpaceRead);
    PullReport unused; // reading notes into read->notes
    SpacePull(db, blobs, tracim, space, registry, request, context, unused).read(*read, downloaded);
    return read;
}

void read_feed(TracimClient& tracim, const SpaceToPull& space, const PullRequest& request,
               FeedPages& pages) {
    struct Abandoned {};
    std::vector<TracimEvent> page;
    try {
        if (space.reader) {
            const auto since =
                request.since ? std::optional(*request.since + "T00:00:00Z") : std::nullopt;
            tracim.events(*space.reader, space.space.id, space.before.last_event_id, since,
                          [&](const TracimEvent& e) {
                              page.push_back(e);
                              if (page.size() == feed_page_events &&
                                  !pages.push(std::exchange(page, {})))
                                  throw Abandoned{};
                          });
            if (!page.empty()) pages.push(std::move(page));
        }
        pages.close();
    } catch (const Abandoned&) {
    } catch (...) {
        if (!page.empty()) pages.push(std::move(page)); // what was read before it failed
        pages.close(std::current_exception());
    }
}

void write_space(Database& db, BlobStore& blobs, TracimClient& tracim, const SpaceToPull& space,
                 const PulledRegistry& registry, const PullRequest& request,
                 const PullContext& context, const SpaceRead& read, FeedPages& feed,
                 PullReport& report) {
    SpacePull(db, blobs, tracim, space, registry, request, context, report).write(read, feed);
}

} // namespace expeer
