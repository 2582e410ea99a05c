#include "store/platform_store.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace expeer {

std::map<std::string, std::int64_t> PlatformStore::spaces_by_external_id() {
    return db_.guarded([&] {
        std::map<std::string, std::int64_t> out;
        SQLite::Statement q(db_.sql(),
                            "SELECT external_id, id FROM spaces WHERE external_id IS NOT NULL");
        while (q.executeStep())
            out.emplace(q.getColumn(0).getString(), q.getColumn(1).getInt64());
        return out;
    });
}

void PlatformStore::link_space(std::int64_t space_id, const std::string& external_id) {
    db_.guarded([&] {
        auto& q = db_.statement("UPDATE spaces SET external_id = ? WHERE id = ?");
        q.bind(1, external_id);
        q.bind(2, space_id);
        q.exec();
    });
}

std::optional<PlatformCursor> PlatformStore::cursor(std::int64_t space_id) {
    return db_.guarded([&]() -> std::optional<PlatformCursor> {
        SQLite::Statement q(
            db_.sql(),
            "SELECT last_event_id, contents_modified, pulled_public FROM platform_cursors "
            "WHERE space_id = ?");
        q.bind(1, space_id);
        if (!q.executeStep()) return std::nullopt;
        return PlatformCursor{optional_integer(q.getColumn(0)), optional_text(q.getColumn(1)),
                              q.getColumn(2).getInt() != 0};
    });
}

void PlatformStore::save_cursor(std::int64_t space_id, const PlatformCursor& cursor,
                                const std::string& at) {
    db_.guarded([&] {
        auto& q = db_.statement(
            "INSERT INTO platform_cursors (space_id, last_event_id, contents_modified, pulled_at, "
            "pulled_public) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (space_id) DO UPDATE SET "
            "last_event_id = ?2, contents_modified = ?3, pulled_at = ?4, pulled_public = ?5");
        q.bind(1, space_id);
        bind_optional(q, 2, cursor.last_event_id);
        bind_optional(q, 3, cursor.contents_modified);
        q.bind(4, at);
        q.bind(5, cursor.pulled_public ? 1 : 0);
        q.exec();
    });
}

void PlatformStore::forget_contents_cursor(std::int64_t space_id) {
    db_.guarded([&] {
        auto& q = db_.statement(
            "UPDATE platform_cursors SET contents_modified = NULL WHERE space_id = ?");
        q.bind(1, space_id);
        q.exec();
    });
}

void PlatformStore::save_folder(std::int64_t space_id, const PlatformFolder& f) {
    db_.guarded([&] {
        auto& q = db_.statement(
            "INSERT INTO platform_folders (external_id, space_id, parent_external_id, label) "
            "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (external_id) DO UPDATE SET "
            "space_id = ?2, parent_external_id = ?3, label = ?4");
        q.bind(1, f.external_id);
        q.bind(2, space_id);
        bind_optional(q, 3, f.parent_external_id);
        q.bind(4, f.label);
        q.exec();
    });
}

std::map<std::string, PlatformFolder> PlatformStore::folders(std::int64_t space_id) {
    return db_.guarded([&] {
        std::map<std::string, PlatformFolder> out;
        SQLite::Statement q(db_.sql(), "SELECT external_id, parent_external_id, label FROM "
                                       "platform_folders WHERE space_id = ?");
        q.bind(1, space_id);
        while (q.executeStep())
            out.emplace(q.getColumn(0).getString(),
                        PlatformFolder{q.getColumn(0).getString(), optional_text(q.getColumn(1)),
                                       q.getColumn(2).getString()});
        return out;
    });
}

std::optional<std::int64_t> PlatformStore::id_by(const char* sql, const std::string& external_id) {
    return db_.guarded([&]() -> std::optional<std::int64_t> {
        auto& q = db_.statement(sql);
        q.bind(1, external_id);
        std::optional<std::int64_t> found;
        if (q.executeStep()) found = q.getColumn(0).getInt64();
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
        auto& q =
            db_.statement("UPDATE news SET external_id = ?, body_external_id = ? WHERE id = ?");
        q.bind(1, external_id);
        bind_optional(q, 2, body_external_id);
        q.bind(3, news_id);
        q.exec();
    });
}

std::optional<std::string> PlatformStore::news_body_id(std::int64_t news_id) {
    return db_.guarded([&]() -> std::optional<std::string> {
        SQLite::Statement q(db_.sql(), "SELECT body_external_id FROM news WHERE id = ?");
        q.bind(1, news_id);
        if (!q.executeStep()) return std::nullopt;
        return optional_text(q.getColumn(0));
    });
}

void PlatformStore::link_comment(std::int64_t comment_id, const std::string& external_id) {
    db_.guarded([&] {
        auto& q = db_.statement("UPDATE comments SET external_id = ? WHERE id = ?");
        q.bind(1, external_id);
        q.bind(2, comment_id);
        q.exec();
    });
}

bool PlatformStore::update_news(std::int64_t news_id, const std::string& title,
                                const std::string& body, std::optional<std::int64_t> author_id,
                                const std::string& posted_at) {
    return db_.guarded([&] {
        auto& q =
            db_.statement("UPDATE news SET title = ?1, body = ?2, author_id = ?3, posted_at = ?4 "
                          "WHERE id = ?5 AND "
                          "(title <> ?1 OR body <> ?2 OR author_id IS NOT ?3 OR posted_at <> ?4)");
        q.bind(1, title);
        q.bind(2, body);
        bind_optional(q, 3, author_id);
        q.bind(4, posted_at);
        q.bind(5, news_id);
        return q.exec() > 0;
    });
}

bool PlatformStore::update_comment(std::int64_t comment_id, const std::string& body,
                                   std::optional<std::int64_t> author_id,
                                   const std::string& posted_at) {
    return db_.guarded([&] {
        auto& q = db_.statement(
            "UPDATE comments SET body = ?1, author_id = ?2, posted_at = ?3 WHERE id = ?4 AND "
            "(body <> ?1 OR author_id IS NOT ?2 OR posted_at <> ?3)");
        q.bind(1, body);
        bind_optional(q, 2, author_id);
        q.bind(3, posted_at);
        q.bind(4, comment_id);
        return q.exec() > 0;
    });
}

void PlatformStore::delete_comment(std::int64_t comment_id) {
    db_.guarded([&] {
        auto& q = db_.statement("DELETE FROM comments WHERE id = ?");
        q.bind(1, comment_id);
        q.exec();
    });
}

void PlatformStore::delete_news(std::int64_t news_id) {
    db_.guarded([&] {
        auto& comments = db_.statement("DELETE FROM comments WHERE news_id = ?");
        comments.bind(1, news_id);
        comments.exec();
        auto& news = db_.statement("DELETE FROM news WHERE id = ?");
        news.bind(1, news_id);
        news.exec();
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
        auto& q = db_.statement("UPDATE library_files SET external_id = ? WHERE id = ?");
        q.bind(1, external_id);
        q.bind(2, file_id);
        q.exec();
    });
}

std::optional<std::string> PlatformStore::library_path(std::int64_t file_id) {
    return db_.guarded([&]() -> std::optional<std::string> {
        auto& q = db_.statement("SELECT path FROM library_files WHERE id = ?");
        q.bind(1, file_id);
        std::optional<std::string> path;
        if (q.executeStep()) path = q.getColumn(0).getString();
        q.reset();
        return path;
    });
}

std::optional<PulledRevision> PlatformStore::revision(const std::string& external_id) {
    return db_.guarded([&]() -> std::optional<PulledRevision> {
        SQLite::Statement q(
            db_.sql(),
            "SELECT file_id, revision, sha256 FROM library_revisions WHERE external_id = ?");
        q.bind(1, external_id);
        if (!q.executeStep()) return std::nullopt;
        return PulledRevision{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                              optional_text(q.getColumn(2))};
    });
}

std::int64_t PlatformStore::revision_count(std::int64_t file_id) {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "SELECT count(*) FROM library_revisions WHERE file_id = ?");
        q.bind(1, file_id);
        q.executeStep();
        return q.getColumn(0).getInt64();
    });
}

void PlatformStore::add_revision(std::int64_t file_id, std::int64_t revision,
                                 const std::optional<std::string>& sha256, std::uint64_t size,
                                 const std::string& at, std::optional<std::int64_t> member_id,
                                 const std::string& external_id) {
    db_.guarded([&] {
        auto& q = db_.statement(
            "INSERT INTO library_revisions (file_id, revision, sha256, size, added_at, added_by, "
            "external_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, file_id);
        q.bind(2, revision);
        bind_optional(q, 3, sha256);
        q.bind(4, static_cast<std::int64_t>(size));
        q.bind(5, at);
        bind_optional(q, 6, member_id);
        q.bind(7, external_id);
        q.exec();
    });
}

void PlatformStore::set_revision_content(const std::string& external_id,
                                         const std::string& sha256) {
    db_.guarded([&] {
        auto& q = db_.statement("UPDATE library_revisions SET sha256 = ? WHERE external_id = ?");
        q.bind(1, sha256);
        q.bind(2, external_id);
        q.exec();
    });
}

std::vector<std::pair<std::string, std::string>>
PlatformStore::revisions_without_bytes(std::int64_t space_id) {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(),
                            "SELECT f.external_id, r.external_id FROM library_revisions r "
                            "JOIN library_files f ON f.id = r.file_id "
                            "WHERE f.space_id = ? AND f.deleted_at IS NULL AND r.sha256 IS NULL "
                            "AND f.external_id IS NOT NULL AND r.external_id IS NOT NULL "
                            "ORDER BY r.id");
        q.bind(1, space_id);
        std::vector<std::pair<std::string, std::string>> found;
        while (q.executeStep())
            found.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
        return found;
    });
}

std::size_t PlatformStore::scrub_space(std::int64_t space_id, const std::string& placeholder) {
    return db_.guarded([&] {
        std::size_t changed = 0;
        const auto run = [&](const char* sql, bool with_placeholder) {
            SQLite::Statement q(db_.sql(), sql);
            q.bind(1, space_id);
            if (with_placeholder) q.bind(2, placeholder);
            changed += static_cast<std::size_t>(q.exec());
        };
        run("UPDATE news SET title = ?2, body = '' WHERE space_id = ?1 AND external_id IS NOT NULL "
            "AND (title <> ?2 OR body <> '')",
            true);
        run("UPDATE comments SET body = '' WHERE external_id IS NOT NULL AND body <> '' "
            "AND news_id IN (SELECT id FROM news WHERE space_id = ?1)",
            false);
        // "tracim:content:38" becomes "platform-file-38", as the pull names such files.
        run("UPDATE library_files SET path = 'platform-file-' || substr(external_id, 16) WHERE "
            "space_id = ?1 "
            "AND external_id LIKE 'tracim:content:%' AND path <> 'platform-file-' || "
            "substr(external_id, 16)",
            false);
        run("UPDATE activities SET content = NULL WHERE space_id = ?1 AND external_id IS NOT NULL "
            "AND content IS NOT NULL",
            false);
        run("UPDATE platform_folders SET label = '' WHERE space_id = ?1 AND label <> ''", false);
        return changed;
    });
}

} // namespace expeer
