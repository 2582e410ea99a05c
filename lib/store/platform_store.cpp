#include "store/platform_store.hpp"

#include "store/database.hpp"

namespace expeer {

std::map<std::string, std::int64_t> PlatformStore::spaces_by_external_id() {
    return db_.guarded([&] {
        std::map<std::string, std::int64_t> out;
        Statement q =
            db_.prepare("SELECT external_id, id FROM spaces WHERE external_id IS NOT NULL");
        while (q.next())
            out.emplace(q.text(0), q.integer(1));
        return out;
    });
}

void PlatformStore::link_space(std::int64_t space_id, const std::string& external_id) {
    db_.guarded([&] {
        auto& q = db_.cached("UPDATE spaces SET external_id = ? WHERE id = ?");
        q.bind(1, external_id);
        q.bind(2, space_id);
        q.run();
    });
}

std::optional<PlatformCursor> PlatformStore::cursor(std::int64_t space_id) {
    return db_.guarded([&]() -> std::optional<PlatformCursor> {
        Statement q = db_.prepare(
            "SELECT last_event_id, contents_modified, pulled_public FROM platform_cursors "
            "WHERE space_id = ?");
        q.bind(1, space_id);
        if (!q.next()) return std::nullopt;
        return PlatformCursor{q.optional_integer(0), q.optional_text(1), q.integer(2) != 0};
    });
}

void PlatformStore::save_cursor(std::int64_t space_id, const PlatformCursor& cursor,
                                const std::string& at) {
    db_.guarded([&] {
        auto& q = db_.cached(
            "INSERT INTO platform_cursors (space_id, last_event_id, contents_modified, pulled_at, "
            "pulled_public) VALUES (?, ?, ?, ?, ?) ON CONFLICT (space_id) DO UPDATE SET "
            "last_event_id = excluded.last_event_id, contents_modified = excluded.contents_modified, "
            "pulled_at = excluded.pulled_at, pulled_public = excluded.pulled_public");
        q.bind(1, space_id);
        q.bind(2, cursor.last_event_id);
        q.bind_no_copy(3, cursor.contents_modified);
        q.bind(4, at);
        q.bind(5, cursor.pulled_public ? 1 : 0);
        q.run();
    });
}

void PlatformStore::forget_contents_cursor(std::int64_t space_id) {
    db_.guarded([&] {
        auto& q =
            db_.cached("UPDATE platform_cursors SET contents_modified = NULL WHERE space_id = ?");
        q.bind(1, space_id);
        q.run();
    });
}

void PlatformStore::save_folder(std::int64_t space_id, const PlatformFolder& f) {
    db_.guarded([&] {
        auto& q = db_.cached(
            "INSERT INTO platform_folders (external_id, space_id, parent_external_id, label) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (external_id) DO UPDATE SET space_id = excluded.space_id, "
            "parent_external_id = excluded.parent_external_id, label = excluded.label");
        q.bind(1, f.external_id);
        q.bind(2, space_id);
        q.bind_no_copy(3, f.parent_external_id);
        q.bind(4, f.label);
        q.run();
    });
}

std::map<std::string, PlatformFolder> PlatformStore::folders(std::int64_t space_id) {
    return db_.guarded([&] {
        std::map<std::string, PlatformFolder> out;
        Statement q = db_.prepare("SELECT external_id, parent_external_id, label FROM "
                                  "platform_folders WHERE space_id = ?");
        q.bind(1, space_id);
        while (q.next())
            out.emplace(q.text(0), PlatformFolder{q.text(0), q.optional_text(1), q.text(2)});
        return out;
    });
}

std::optional<std::int64_t> PlatformStore::id_by(const char* sql, const std::string& external_id) {
    return db_.guarded([&]() -> std::optional<std::int64_t> {
        auto& q = db_.cached(sql);
        q.bind(1, external_id);
        std::optional<std::int64_t> found;
        if (q.next()) found = q.integer(0);
        q.reset();
        return found;
    });
}

std::optional<std::int64_t> PlatformStore::news_id(const std::string& external_id) {
    return id_by("SELECT id FROM news WHERE external_id = ?", external_id);
}

std::optional<std::int64_t> PlatformStore::comment_id(const std::string& external_id) {
    return id_by("SELECT id FROM comments WHERE external_id = ?", external_id);
}

void PlatformStore::link_news(std::int64_t news_id, const std::string& external_id,
                              const std::optional<std::string>& body_external_id) {
    db_.guarded([&] {
        auto& q = db_.cached("UPDATE news SET external_id = ?, body_external_id = ? WHERE id = ?");
        q.bind(1, external_id);
        q.bind_no_copy(2, body_external_id);
        q.bind(3, news_id);
        q.run();
    });
}

std::optional<std::string> PlatformStore::news_body_id(std::int64_t news_id) {
    return db_.guarded([&]() -> std::optional<std::string> {
        Statement q = db_.prepare("SELECT body_external_id FROM news WHERE id = ?");
        q.bind(1, news_id);
        if (!q.next()) return std::nullopt;
        return q.optional_text(0);
    });
}

void PlatformStore::link_comment(std::int64_t comment_id, const std::string& external_id) {
    db_.guarded([&] {
        auto& q = db_.cached("UPDATE comments SET external_id = ? WHERE id = ?");
        q.bind(1, external_id);
        q.bind(2, comment_id);
        q.run();
    });
}

bool PlatformStore::update_news(std::int64_t news_id, const std::string& title,
                                const std::string& body, std::optional<std::int64_t> author_id,
                                const std::string& posted_at) {
    return db_.guarded([&] {
        auto& q = db_.cached("UPDATE news SET title = ?, body = ?, author_id = ?, posted_at = ? "
                             "WHERE id = ? AND "
                             "(title <> ? OR body <> ? OR author_id IS DISTINCT FROM ? OR posted_at <> ?)");
        q.bind(5, news_id);
        for (int first : {1, 6}) { // the new values, then the same values compared
            q.bind(first, title);
            q.bind(first + 1, body);
            q.bind(first + 2, author_id);
            q.bind(first + 3, posted_at);
        }
        return q.run() > 0;
    });
}

bool PlatformStore::update_comment(std::int64_t comment_id, const std::string& body,
                                   std::optional<std::int64_t> author_id,
                                   const std::string& posted_at) {
    return db_.guarded([&] {
        auto& q = db_.cached(
            "UPDATE comments SET body = ?, author_id = ?, posted_at = ? WHERE id = ? AND "
            "(body <> ? OR author_id IS DISTINCT FROM ? OR posted_at <> ?)");
        q.bind(4, comment_id);
        for (int first : {1, 5}) { // the new values, then the same values compared
            q.bind(first, body);
            q.bind(first + 1, author_id);
            q.bind(first + 2, posted_at);
        }
        return q.run() > 0;
    });
}

void PlatformStore::delete_comment(std::int64_t comment_id) {
    db_.guarded([&] {
        auto& q = db_.cached("DELETE FROM comments WHERE id = ?");
        q.bind(1, comment_id);
        q.run();
    });
}

void PlatformStore::delete_news(std::int64_t news_id) {
    db_.guarded([&] {
        auto& comments = db_.cached("DELETE FROM comments WHERE news_id = ?");
        comments.bind(1, news_id);
        comments.run();
        auto& news = db_.cached("DELETE FROM news WHERE id = ?");
        news.bind(1, news_id);
        news.run();
    });
}

bool PlatformStore::is_news_body(const std::string& external_id) {
    return id_by("SELECT id FROM news WHERE body_external_id = ?", external_id).has_value();
}

std::optional<std::int64_t> PlatformStore::library_file_id(const std::string& external_id) {
    return id_by("SELECT id FROM library_files WHERE external_id = ?", external_id);
}

void PlatformStore::link_library_file(std::int64_t file_id, const std::string& external_id) {
    db_.guarded([&] {
        auto& q = db_.cached("UPDATE library_files SET external_id = ? WHERE id = ?");
        q.bind(1, external_id);
        q.bind(2, file_id);
        q.run();
    });
}

std::optional<std::string> PlatformStore::library_path(std::int64_t file_id) {
    return db_.guarded([&]() -> std::optional<std::string> {
        auto& q = db_.cached("SELECT path FROM library_files WHERE id = ?");
        q.bind(1, file_id);
        std::optional<std::string> path;
        if (q.next()) path = q.text(0);
        q.reset();
        return path;
    });
}

std::optional<PulledRevision> PlatformStore::revision(const std::string& external_id) {
    return db_.guarded([&]() -> std::optional<PulledRevision> {
        Statement q = db_.prepare(
            "SELECT file_id, revision, sha256 FROM library_revisions WHERE external_id = ?");
        q.bind(1, external_id);
        if (!q.next()) return std::nullopt;
        return PulledRevision{q.integer(0), q.integer(1), q.optional_text(2)};
    });
}

std::int64_t PlatformStore::revision_count(std::int64_t file_id) {
    return db_.guarded([&] {
        Statement q = db_.prepare("SELECT count(*) FROM library_revisions WHERE file_id = ?");
        q.bind(1, file_id);
        q.next();
        return q.integer(0);
    });
}

void PlatformStore::add_revision(std::int64_t file_id, std::int64_t revision,
                                 const std::optional<std::string>& sha256, std::uint64_t size,
                                 const std::string& at, std::optional<std::int64_t> member_id,
                                 const std::string& external_id) {
    db_.guarded([&] {
        auto& q = db_.cached(
            "INSERT INTO library_revisions (file_id, revision, sha256, size, added_at, added_by, "
            "external_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, file_id);
        q.bind(2, revision);
        q.bind_no_copy(3, sha256);
        q.bind(4, static_cast<std::int64_t>(size));
        q.bind(5, at);
        q.bind(6, member_id);
        q.bind(7, external_id);
        q.run();
    });
}

void PlatformStore::set_revision_content(const std::string& external_id,
                                         const std::string& sha256) {
    db_.guarded([&] {
        auto& q = db_.cached("UPDATE library_revisions SET sha256 = ? WHERE external_id = ?");
        q.bind(1, sha256);
        q.bind(2, external_id);
        q.run();
    });
}

std::vector<std::pair<std::string, std::string>>
PlatformStore::revisions_without_bytes(std::int64_t space_id) {
    return db_.guarded([&] {
        Statement q =
            db_.prepare("SELECT f.external_id, r.external_id FROM library_revisions r "
                        "JOIN library_files f ON f.id = r.file_id "
                        "WHERE f.space_id = ? AND f.deleted_at IS NULL AND r.sha256 IS NULL "
                        "AND f.external_id IS NOT NULL AND r.external_id IS NOT NULL "
                        "ORDER BY r.id");
        q.bind(1, space_id);
        std::vector<std::pair<std::string, std::string>> found;
        while (q.next())
            found.emplace_back(q.text(0), q.text(1));
        return found;
    });
}

std::size_t PlatformStore::scrub_space(std::int64_t space_id, const std::string& placeholder) {
    return db_.guarded([&] {
        std::size_t changed = 0;
        // Each statement takes the space; the one with the placeholder takes it before the
        // space and again after.
        const auto run = [&](const char* sql, bool with_placeholder) {
            Statement q = db_.prepare(sql);
            int parameter = 0;
            if (with_placeholder) q.bind(++parameter, placeholder);
            q.bind(++parameter, space_id);
            if (with_placeholder) q.bind(++parameter, placeholder);
            changed += static_cast<std::size_t>(q.run());
        };
        run("UPDATE news SET title = ?, body = '' WHERE space_id = ? AND external_id IS NOT NULL "
            "AND (title <> ? OR body <> '')",
            true);
        run("UPDATE comments SET body = '' WHERE external_id IS NOT NULL AND body <> '' "
            "AND news_id IN (SELECT id FROM news WHERE space_id = ?)",
            false);
        // "tracim:content:38" becomes "platform-file-38", as the pull names such files.
        run("UPDATE library_files SET path = 'platform-file-' || substr(external_id, 16) WHERE "
            "space_id = ? "
            "AND external_id LIKE 'tracim:content:%' AND path <> 'platform-file-' || "
            "substr(external_id, 16)",
            false);
        run("UPDATE activities SET content = NULL WHERE space_id = ? AND external_id IS NOT NULL "
            "AND content IS NOT NULL",
            false);
        run("UPDATE platform_folders SET label = '' WHERE space_id = ? AND label <> ''", false);
        return changed;
    });
}

} // namespace expeer
