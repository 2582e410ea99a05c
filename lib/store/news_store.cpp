#include "store/news_store.hpp"

#include "store/activity_store.hpp"
#include "store/columns.hpp"
#include "store/database.hpp"

namespace expeer {

namespace {

// What read_news and read_comment read, in their order.
const std::string news_columns = "n.id, n.space_id, n.author_id, n.title, n.body, n.posted_at, n.edited_at, n.external_id";
const std::string comment_columns = "id, news_id, author_id, body, posted_at, edited_at, external_id";

News read_news(SQLite::Statement& q) {
    News n;
    n.id = q.getColumn(0).getInt64();
    n.space_id = q.getColumn(1).getInt64();
    n.author_id = optional_integer(q.getColumn(2));
    n.title = q.getColumn(3).getString();
    n.body = q.getColumn(4).getString();
    n.posted_at = q.getColumn(5).getString();
    n.edited_at = optional_text(q.getColumn(6));
    n.external_id = optional_text(q.getColumn(7));
    return n;
}

Comment read_comment(SQLite::Statement& q) {
    Comment c;
    c.id = q.getColumn(0).getInt64();
    c.news_id = q.getColumn(1).getInt64();
    c.author_id = optional_integer(q.getColumn(2));
    c.body = q.getColumn(3).getString();
    c.posted_at = q.getColumn(4).getString();
    c.edited_at = optional_text(q.getColumn(5));
    c.external_id = optional_text(q.getColumn(6));
    return c;
}

std::vector<Comment> read_comments(Database& db, const char* where, std::int64_t value) {
    return db.guarded([&] {
        SQLite::Statement q(db.sql(), "SELECT " + comment_columns + " FROM comments WHERE " +
                                          where + " ORDER BY posted_at, id");
        q.bind(1, value);
        std::vector<Comment> out;
        while (q.executeStep()) out.push_back(read_comment(q));
        return out;
    });
}

} // namespace

std::int64_t insert_news(Database& db, const News& n) {
    return db.guarded([&] {
        SQLite::Statement q(db.sql(), "INSERT INTO news (space_id, author_id, title, body, posted_at) VALUES (?, ?, ?, ?, ?)");
        q.bind(1, n.space_id);
        bind_optional(q, 2, n.author_id);
        q.bind(3, n.title);
        q.bind(4, n.body);
        q.bind(5, n.posted_at);
        q.exec();
        return db.sql().getLastInsertRowid();
    });
}

std::int64_t insert_comment(Database& db, const Comment& c) {
    return db.guarded([&] {
        SQLite::Statement q(db.sql(), "INSERT INTO comments (news_id, author_id, body, posted_at) VALUES (?, ?, ?, ?)");
        q.bind(1, c.news_id);
        bind_optional(q, 2, c.author_id);
        q.bind(3, c.body);
        q.bind(4, c.posted_at);
        q.exec();
        return db.sql().getLastInsertRowid();
    });
}

std::optional<News> find_news(Database& db, std::int64_t id) {
    return db.guarded([&]() -> std::optional<News> {
        SQLite::Statement q(db.sql(), "SELECT " + news_columns + " FROM news n WHERE n.id = ?");
        q.bind(1, id);
        if (!q.executeStep()) return std::nullopt;
        return read_news(q);
    });
}

void for_each_news(Database& db, const std::optional<std::int64_t>& space_id, const std::optional<std::int64_t>& author_id,
                   const std::optional<std::string>& since, const std::function<void(const News&, std::size_t)>& visit) {
    db.guarded([&] {
        std::string sql = "SELECT " + news_columns +
                          ", (SELECT count(*) FROM comments c WHERE c.news_id = n.id) FROM news n WHERE 1 = 1";
        if (space_id) sql += " AND n.space_id = :space";
        if (author_id) sql += " AND n.author_id = :author";
        if (since) sql += " AND n.posted_at >= :since";
        sql += " ORDER BY n.posted_at DESC, n.id DESC";
        SQLite::Statement q(db.sql(), sql);
        if (space_id) q.bind(":space", *space_id);
        if (author_id) q.bind(":author", *author_id);
        if (since) q.bind(":since", *since);
        while (q.executeStep()) visit(read_news(q), static_cast<std::size_t>(q.getColumn(8).getInt64()));
    });
}

std::vector<Comment> comments_of(Database& db, std::int64_t news_id) { return read_comments(db, "news_id = ?", news_id); }

std::vector<Comment> comments_by_author(Database& db, std::int64_t author_id) {
    return read_comments(db, "author_id = ?", author_id);
}

std::vector<News> news_by_author(Database& db, std::int64_t author_id) {
    return db.guarded([&] {
        SQLite::Statement q(db.sql(), "SELECT " + news_columns + " FROM news n WHERE n.author_id = ? ORDER BY n.posted_at, n.id");
        q.bind(1, author_id);
        std::vector<News> out;
        while (q.executeStep()) out.push_back(read_news(q));
        return out;
    });
}

std::size_t delete_content_of(Database& db, std::int64_t author_id) {
    return db.guarded([&] {
        // Others' comments on the person's news go with it: the title their activities carry goes too.
        SQLite::Statement titles(db.sql(), "UPDATE activities SET content = NULL WHERE content IS NOT NULL AND news_id IN "
                                           "(SELECT id FROM news WHERE author_id = ?)");
        titles.bind(1, author_id);
        titles.exec();
        SQLite::Statement comments(db.sql(), "DELETE FROM comments WHERE author_id = ?");
        comments.bind(1, author_id);
        const int c = comments.exec();
        SQLite::Statement news(db.sql(), "DELETE FROM news WHERE author_id = ?"); // their comments cascade
        news.bind(1, author_id);
        const int n = news.exec();
        SQLite::Statement activity(db.sql(), "UPDATE activities SET content = NULL WHERE member_id = ? "
                                             "AND (kind = 'news' OR kind = 'comment')");
        activity.bind(1, author_id);
        activity.exec();
        return static_cast<std::size_t>(c + n);
    });
}

std::optional<Comment> find_comment(Database& db, std::int64_t id) {
    const auto found = read_comments(db, "id = ?", id);
    if (found.empty()) return std::nullopt;
    return found.front();
}

void record_content_activity(Database& db, const Activity& activity, std::int64_t news_id,
                             std::optional<std::int64_t> comment_id) {
    db.guarded([&] {
        record_activity(db, activity);
        SQLite::Statement q(db.sql(), "UPDATE activities SET news_id = ?, comment_id = ? WHERE id = ?");
        q.bind(1, news_id);
        bind_optional(q, 2, comment_id);
        q.bind(3, db.sql().getLastInsertRowid());
        q.exec();
    });
}

void save_news_edit(Database& db, const News& n) {
    db.guarded([&] {
        SQLite::Statement q(db.sql(), "UPDATE news SET title = ?, body = ?, edited_at = ? WHERE id = ?");
        q.bind(1, n.title);
        q.bind(2, n.body);
        bind_optional(q, 3, n.edited_at);
        q.bind(4, n.id);
        q.exec();
        // The activities of the news and of its comments carry its title, where they carry any.
        SQLite::Statement titles(db.sql(), "UPDATE activities SET content = ? WHERE news_id = ? AND content IS NOT NULL");
        titles.bind(1, n.title);
        titles.bind(2, n.id);
        titles.exec();
    });
}

void save_comment_edit(Database& db, const Comment& c) {
    db.guarded([&] {
        SQLite::Statement q(db.sql(), "UPDATE comments SET body = ?, edited_at = ? WHERE id = ?");
        q.bind(1, c.body);
        bind_optional(q, 2, c.edited_at);
        q.bind(3, c.id);
        q.exec();
    });
}

std::size_t delete_news(Database& db, std::int64_t news_id) {
    return db.guarded([&] {
        SQLite::Statement activities(db.sql(), "DELETE FROM activities WHERE news_id = ?"); // its comments' too
        activities.bind(1, news_id);
        activities.exec();
        SQLite::Statement comments(db.sql(), "DELETE FROM comments WHERE news_id = ?");
        comments.bind(1, news_id);
        const int deleted = comments.exec();
        SQLite::Statement news(db.sql(), "DELETE FROM news WHERE id = ?");
        news.bind(1, news_id);
        news.exec();
        return static_cast<std::size_t>(deleted);
    });
}

void delete_comment(Database& db, std::int64_t comment_id) {
    db.guarded([&] {
        SQLite::Statement activities(db.sql(), "DELETE FROM activities WHERE comment_id = ?");
        activities.bind(1, comment_id);
        activities.exec();
        SQLite::Statement comment(db.sql(), "DELETE FROM comments WHERE id = ?");
        comment.bind(1, comment_id);
        comment.exec();
    });
}

} // namespace expeer
