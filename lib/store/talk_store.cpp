#include "store/talk_store.hpp"

#include "store/database.hpp"

namespace expeer {

namespace {

constexpr const char* talk_columns =
    "id, starts_at, title_fr, title_en, summary_fr, summary_en, speakers, replay_url, created_at, updated_at";

Talk read_talk(Statement& q) {
    return {q.integer(0), q.text(1), q.text(2), q.text(3), q.optional_text(4), q.optional_text(5),
            q.optional_text(6), q.optional_text(7), q.text(8), q.text(9)};
}

} // namespace

std::optional<Talk> find_talk(Database& db, std::int64_t id) {
    return db.guarded([&]() -> std::optional<Talk> {
        Statement q = db.prepare(std::string("SELECT ") + talk_columns + " FROM talks WHERE id = ?");
        q.bind(1, id);
        if (!q.next()) return std::nullopt;
        return read_talk(q);
    });
}

std::int64_t save_talk(Database& db, const Talk& t) {
    return db.guarded([&] {
        Statement q = db.prepare(t.id ? "UPDATE talks SET starts_at = ?, title_fr = ?, title_en = ?, "
                                        "summary_fr = ?, summary_en = ?, speakers = ?, replay_url = ?, "
                                        "created_at = ?, updated_at = ? WHERE id = ?"
                                      : "INSERT INTO talks (starts_at, title_fr, title_en, summary_fr, summary_en, "
                                        "speakers, replay_url, created_at, updated_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        q.bind(1, t.starts_at);
        q.bind(2, t.title_fr);
        q.bind(3, t.title_en);
        q.bind_no_copy(4, t.summary_fr);
        q.bind_no_copy(5, t.summary_en);
        q.bind_no_copy(6, t.speakers);
        q.bind_no_copy(7, t.replay_url);
        q.bind(8, t.created_at);
        q.bind(9, t.updated_at);
        if (t.id) {
            q.bind(10, t.id);
            q.run();
            return t.id;
        }
        q.next();
        return q.integer(0);
    });
}

std::vector<Talk> list_talks(Database& db, const std::optional<std::string>& from) {
    return db.guarded([&] {
        Statement q = db.prepare(std::string("SELECT ") + talk_columns + " FROM talks" +
                                 (from ? " WHERE starts_at >= ?" : "") + " ORDER BY starts_at, id");
        if (from) q.bind(1, *from);
        std::vector<Talk> talks;
        while (q.next()) talks.push_back(read_talk(q));
        return talks;
    });
}

} // namespace expeer
