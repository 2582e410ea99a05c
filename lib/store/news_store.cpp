#include "store/news_store.hpp"

#include "store/activity_store.hpp"
#include "store/database.hpp"

namespace expeer {

namespace {

// What read_news and read_comment read, in their order.
const std::string news_columns = "n.id, n.space_id, n.author_id, n.title, n.body, n.posted_at, n.edited_at, n.external_id";
const std::string comment_columns = "id, news_id, author_id, body, posted_at, edited_at, external_id";

News read_news(Statement& q) {
    News n;
    n.id = q.integer(0);
    n.space_id = q.integer(1);
    n.author_id = q.optional_integer(2);
    n.title = q.text(3);
    n.body = q.text(4);
    n.posted_at = q.text(5);
    n.edited_at = q.optional_text(6);
    n.external_id = q.optional_text(7);
    return n;
}

Comment read_comment(Statement& q) {
    Comment c;
    c.id = q.integer(0);
    c.news_id = q.integer(1);
    c.author_id = q.optional_integer(2);
    c.body = q.text(3);
    c.posted_at = q.text(4);
    c.edited_at = q.optional_text(5);
    c.external_id = q.optional_text(6);
    return c;
}

std::vector<Comment> read_comments(Database& db, const char* where, std::int64_t value) {
    return db.guarded([&] {
        Statement q = db.prepare("SELECT " + comment_columns + " FROM comments WHERE " + where +
                                 " ORDER BY posted_at, id");
        q.bind(1, value);
        std::vector<Comment> out;
        while (q.next()) out.push_back(read_comment(q));
        return out;
    });
}

} // namespace

std::int64_t insert_news(Database& db, const News& n) {
    return db.guarded([&] {
        Statement q = db.prepare("INSERT INTO news (space_id, author_id, title, body, posted_at) VALUES (?, ?, ?, ?, ?) "
                                 "RETURNING id");
        q.bind(1, n.space_id);
        q.bind(2, n.author_id);
        q.bind(3, n.title);
        q.bind(4, n.body);
        q.bind(5, n.posted_at);
        q.next();
        return q.integer(0);
    });
}

std::int64_t insert_comment(Database& db, const Comment& c) {
    return db.guarded([&] {
        Statement q = db.prepare("INSERT INTO comments (news_id, author_id, body, posted_at) VALUES (?, ?, ?, ?) "
                                 "RETURNING id");
        q.bind(1, c.news_id);
        q.bind(2, c.author_id);
        q.bind(3, c.body);
        q.bind(4, c.posted_at);
        q.next();
        return q.integer(0);
    });
}

std::optional<News> find_news(Database& db, std::int64_t id) {
    return db.guarded([&]() -> std::optional<News> {
        Statement q = db.prepare("SELECT " + news_columns + " FROM news n WHERE n.id = ?");
        q.bind(1, id);
        if (!q.next()) return std::nullopt;
        return read_news(q);
    });
}

void for_each_news(Database& db, const std::optional<std::int64_t>& space_id, const std::optional<std::int64_t>& author_id,
                   const std::optional<std::string>& since, const std::function<void(const News&, std::size_t)>& visit) {
    db.guarded([&] {
        std::string sql = "SELECT " + news_columns +
                          ", (SELECT count(*) FROM comments c WHERE c.news_id = n.id) FROM news n WHERE 1 = 1";
        if (space_id) sql += " AND n.space_id = ?";
        if (author_id) sql += " AND n.author_id = ?";
        if (since) sql += " AND n.posted_at >= ?";
        sql += " ORDER BY n.posted_at DESC, n.id DESC";
        Statement q = db.prepare(sql);
        int parameter = 0;
        if (space_id) q.bind(++parameter, *space_id);
        if (author_id) q.bind(++parameter, *author_id);
        if (since) q.bind(++parameter, *since);
        while (q.next()) visit(read_news(q), static_cast<std::size_t>(q.integer(8)));
    });
}

std::vector<Comment> comments_of(Database& db, std::int64_t news_id) { return read_comments(db, "news_id = ?", news_id); }

std::vector<Comment> comments_by_author(Database& db, std::int64_t author_id) {
    return read_comments(db, "author_id = ?", author_id);
}

std::vector<News> news_by_author(Database& db, std::int64_t author_id) {
    return db.guarded([&] {
        Statement q = db.prepare("SELECT " + news_columns + " FROM news n WHERE n.author_id = ? ORDER BY n.posted_at, n.id");
        q.bind(1, author_id);
        std::vector<News> out;
        while (q.next()) out.push_back(read_news(q));
        return out;
    });
}

std::size_t delete_content_of(Database& db, std::int64_t author_id) {
    return db.guarded([&] {
        // Others' comments on the person's news go with it: the title their activities carry goes too.
        Statement titles = db.prepare("UPDATE activities SET content = NULL WHERE content IS NOT NULL AND news_id IN "
                                      "(SELECT id FROM news WHERE author_id = ?)");
        titles.bind(1, author_id);
        titles.run();
        Statement comments = db.prepare("DELETE FROM comments WHERE author_id = ?");
        comments.bind(1, author_id);
        const std::int64_t c = comments.run();
        Statement news = db.prepare("DELETE FROM news WHERE author_id = ?"); // their comments cascade
        news.bind(1, author_id);
        const std::int64_t n = news.run();
        Statement activity = db.prepare("UPDATE activities SET content = NULL WHERE member_id = ? "
                                        "AND (kind = 'news' OR kind = 'comment')");
        activity.bind(1, author_id);
        activity.run();
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
        const auto id = record_activity(db, activity);
        if (!id) return; // recorded before, with its news and comment
        Statement q = db.prepare("UPDATE activities SET news_id = ?, comment_id = ? WHERE id = ?");
        q.bind(1, news_id);
        q.bind(2, comment_id);
        q.bind(3, *id);
        q.run();
    });
}

void save_news_edit(Database& db, const News& n) {
    db.guarded([&] {
        Statement q = db.prepare("UPDATE news SET title = ?, body = ?, edited_at = ? WHERE id = ?");
        q.bind(1, n.title);
        q.bind(2, n.body);
        q.bind_no_copy(3, n.edited_at);
        q.bind(4, n.id);
        q.run();
        // The activities of the news and of its comments carry its title, where they carry any.
        Statement titles = db.prepare("UPDATE activities SET content = ? WHERE news_id = ? AND content IS NOT NULL");
        titles.bind(1, n.title);
        titles.bind(2, n.id);
        titles.run();
    });
}

void save_comment_edit(Database& db, const Comment& c) {
    db.guarded([&] {
        Statement q = db.prepare("UPDATE comments SET body = ?, edited_at = ? WHERE id = ?");
        q.bind(1, c.body);
        q.bind_no_copy(2, c.edited_at);
        q.bind(3, c.id);
        q.run();
    });
}

std::size_t delete_news(Database& db, std::int64_t news_id) {
    return db.guarded([&] {
        Statement activities = db.prepare("DELETE FROM activities WHERE news_id = ?"); // its comments' too
        activities.bind(1, news_id);
        activities.run();
        Statement comments = db.prepare("DELETE FROM comments WHERE news_id = ?");
        comments.bind(1, news_id);
        const std::int64_t deleted = comments.run();
        Statement news = db.prepare("DELETE FROM news WHERE id = ?");
        news.bind(1, news_id);
        news.run();
        return static_cast<std::size_t>(deleted);
    });
}

void delete_comment(Database& db, std::int64_t comment_id) {
    db.guarded([&] {
        Statement activities = db.prepare("DELETE FROM activities WHERE comment_id = ?");
        activities.bind(1, comment_id);
        activities.run();
        Statement comment = db.prepare("DELETE FROM comments WHERE id = ?");
        comment.bind(1, comment_id);
        comment.run();
    });
}

} // namespace expeer
