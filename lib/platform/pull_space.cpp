// One space of a pull: its contents (news, comments, library files and versions) and its
// event feed (activity), from where the last pull stopped.
#include "activity/activity.hpp"
#include "library/blob_store.hpp"
#include "library/library.hpp"
#include "platform/html_text.hpp"
#include "platform/pull_steps.hpp"
#include "store/activity_store.hpp"
#include "store/database.hpp"
#include "store/library_store.hpp"
#include "store/news_store.hpp"
#include "store/platform_store.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
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

class SpacePull {
  public:
    SpacePull(Database& db, BlobStore& blobs, TracimClient& tracim, const SpaceToPull& space,
              const PulledRegistry& registry, const PullRequest& request,
              const PullContext& context, PullReport& report)
        : db_(db), blobs_(blobs), tracim_(tracim), space_(space), registry_(registry),
          request_(request), context_(context), report_(report), platform_(db), library_(db),
          new_blobs_(blobs) {
        now_ = format_timestamp(context.clock.now());
    }

    void run() {
        const PlatformCursor before = platform_.cursor(space_.id).value_or(PlatformCursor{});
        PlatformCursor after = before;
        // Contents changed since the last pull (or since --since), the latest first.
        std::optional<std::string> floor = before.contents_modified;
        if (!floor && request_.since) floor = *request_.since + "T00:00:00Z";
        std::vector<TracimContent> changed;
        tracim_.contents(space_.space.id, floor, [&](const TracimContent& c) {
            if (!after.contents_modified || c.modified > *after.contents_modified)
                after.contents_modified = c.modified;
            changed.push_back(c);
        });
        folders(changed);
        news(changed);
        library(changed);
        after.last_event_id = events(before, after.last_event_id);
        if (!space_.is_public) platform_.scrub_space(space_.id, withheld_title);
        if (!request_.dry_run) platform_.save_cursor(space_.id, after, now_);
        new_blobs_.keep();
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

    void folders(const std::vector<TracimContent>& changed) {
        for (const auto& c : changed)
            if (c.content_type == "folder")
                platform_.save_folder(
                    space_.id, {platform_id("content", c.id),
                                c.parent_id ? std::optional(platform_id("content", *c.parent_id))
                                            : std::nullopt,
                                space_.is_public ? one_line(c.label, 200) : ""});
    }

    // Publications, and the threads whose comments changed.
    void news(const std::vector<TracimContent>& changed) {
        std::map<std::int64_t, const TracimContent*> publications;
        std::set<std::int64_t> with_new_comments;
        for (const auto& c : changed) {
            if (is_publication(c)) publications[c.id] = &c;
            if (c.content_type == "comment" && c.parent_id) with_new_comments.insert(*c.parent_id);
        }
        for (const auto& c : changed)
            if (c.content_type == "comment" && c.parent_id && !publications.count(*c.parent_id) &&
                !platform_.news_id(platform_id("content", *c.parent_id))) {
                ++report_["comments"].skipped;
                report_.skip("comments",
                             "comments on contents that are not news (library files, discussions)");
            }
        auto& tally = report_["news"];
        for (const auto& [id, c] : publications) {
            std::vector<TracimComment> comments;
            try {
                comments = tracim_.comments(space_.space.id, id);
            } catch (const PlatformRefusal& e) {
                if (!e.not_found()) throw;
                ++tally.skipped;
                report_.skip("news", "news deleted on the platform while it was read");
                continue;
            }
            // A thread's first comment is its text; a file publication's comments are comments.
            std::optional<std::string> body_id;
            std::string text;
            if (c->content_type == "thread" && !comments.empty()) {
                body_id = platform_id("content", comments.front().id);
                text = body(comments.front().raw_content);
            }
            const std::int64_t news_id = upsert_news(*c, text, body_id, tally);
            upsert_comments(news_id, comments, body_id);
        }
        // Comments added to news pulled before, whose own content did not change.
        for (const auto parent : with_new_comments) {
            if (publications.count(parent)) continue;
            const auto news_id = platform_.news_id(platform_id("content", parent));
            if (!news_id) continue;
            try {
                upsert_comments(*news_id, tracim_.comments(space_.space.id, parent),
                                platform_.news_body_id(*news_id));
            } catch (const PlatformRefusal& e) {
                if (!e.not_found()) throw;
            }
        }
    }

    std::int64_t upsert_news(const TracimContent& c, const std::string& text,
                             const std::optional<std::string>& body_id, PullTally& tally) {
        const std::string ext = platform_id("content", c.id);
        if (const auto existing = platform_.news_id(ext)) {
            const bool changed = platform_.update_news(*existing, title(c.label), text,
                                                       member(c.author_id), c.created);
            platform_.link_news(*existing, ext, body_id);
            ++(changed ? tally.updated : tally.unchanged);
            return *existing;
        }
        const std::int64_t id =
            insert_news(db_, {0, space_.id, member(c.author_id), title(c.label), text, c.created});
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
                insert_comment(db_, {0, news_id, member(c.author_id), text, c.created});
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

    void library(const std::vector<TracimContent>& changed) {
        auto& files = report_["library files"];
        for (const auto& c : changed) {
            if (!is_library_file(c)) continue;
            const std::string ext = platform_id("content", c.id);
            std::vector<TracimRevision> revisions;
            try {
                revisions = tracim_.revisions(space_.space.id, c.id);
            } catch (const PlatformRefusal& e) {
                if (!e.not_found()) throw;
                ++files.skipped;
                report_.skip("library files", "files deleted on the platform while they were read");
                continue;
            }
            std::string path = path_of(c);
            std::optional<std::int64_t> file_id = platform_.library_file_id(ext);
            if (!file_id) {
                if (library_.find(space_.id, path)) path += fmt::format(" (platform {})", c.id);
                file_id = library_.create_file(space_.id, path, c.created);
                platform_.link_library_file(*file_id, ext);
                ++files.created;
            } else {
                bool moved = false;
                for (const auto& f : library_.list(space_.id))
                    if (f.id == *file_id && f.path != path && !library_.find(space_.id, path)) {
                        library_.rename(*file_id, path);
                        moved = true;
                    }
                ++(moved ? files.updated : files.unchanged);
            }
            versions(c, *file_id, revisions);
        }
    }

    void versions(const TracimContent& c, std::int64_t file_id,
                  const std::vector<TracimRevision>& revisions) {
        auto& tally = report_["file versions"];
        for (const auto& r : revisions) {
            // New bytes; other revisions rename, describe, archive.
            if (r.revision_type != "creation" && r.revision_type != "revision") continue;
            const std::string ext = platform_id("revision", r.id);
            const auto existing = platform_.revision(ext);
            if (existing && (existing->sha256 || !request_.with_files)) {
                ++tally.unchanged;
                continue;
            }
            std::optional<StoredBlob> blob;
            if (request_.with_files && !request_.dry_run) blob = download(c, r);
            if (existing) {
                platform_.set_revision_content(ext, blob->sha256);
                ++tally.updated;
                continue;
            }
            const std::uint64_t size =
                blob ? blob->size : static_cast<std::uint64_t>(r.size.value_or(0));
            platform_.add_revision(file_id, platform_.revision_count(file_id) + 1,
                                   blob ? std::optional(blob->sha256) : std::nullopt, size,
                                   r.created, member(r.author_id), ext);
            ++tally.created;
        }
    }

    StoredBlob download(const TracimContent& c, const TracimRevision& r) {
        Download d(blobs_.root());
        tracim_.revision_bytes(space_.space.id, c.id, r.id, d.sink());
        StoredBlob blob = blobs_.put_file(d.finish());
        new_blobs_.add(blob);
        LibraryStore(db_).record_blob(blob.sha256, blob.size);
        report_.bytes += blob.size;
        return blob;
    }

    // The feed, newest first, down to where the last pull stopped; returns the newest id.
    std::optional<std::int64_t> events(const PlatformCursor& before,
                                       std::optional<std::int64_t> newest) {
        auto& tally = report_["activities"];
        if (!space_.reader) {
            if (!before.last_event_id)
                report_.warnings.push_back(fmt::format("space '{}': no member, so no event "
                                                       "feed to read",
                                                       space_.space.slug));
            return newest;
        }
        const auto since =
            request_.since ? std::optional(*request_.since + "T00:00:00Z") : std::nullopt;
        tracim_.events(
            *space_.reader, space_.space.id, before.last_event_id, since,
            [&](const TracimEvent& e) {
                if (!newest || e.id > *newest) newest = e.id;
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
                const bool added = record_activity(db_, {0, platform_id("event", e.id), e.created,
                                                         who, *kind, space_.id, content});
                ++(added ? tally.created : tally.unchanged);
            });
        return newest;
    }

    // What was deleted on the platform leaves here too.
    void deletion(const TracimEvent& e) {
        if (!e.event_type.starts_with("content.deleted.") || !e.content_id) return;
        const std::string ext = platform_id("content", *e.content_id);
        if (const auto news = platform_.news_id(ext)) {
            platform_.delete_news(*news);
            ++report_["news"].updated;
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
    const PullContext& context_;
    PullReport& report_;
    PlatformStore platform_;
    LibraryStore library_;
    NewBlobs new_blobs_;
    std::map<std::string, PlatformFolder> folders_;
    std::string now_;
};

} // namespace

void pull_space(Database& db, BlobStore& blobs, TracimClient& tracim, const SpaceToPull& space,
                const PulledRegistry& registry, const PullRequest& request,
                const PullContext& context, PullReport& report) {
    SpacePull(db, blobs, tracim, space, registry, request, context, report).run();
}

} // namespace expeer
