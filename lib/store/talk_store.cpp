#include "store/talk_store.hpp"

#include "store/database.hpp"
#include "store/columns.hpp"

namespace expeer {

namespace {

constexpr const char* talk_columns =
    "id, starts_at, title_fr, title_en, summary_fr, summary_en, speakers, replay_url, created_at, updated_at";

Talk read_talk(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(),
            optional_text(q.getColumn(4)), optional_text(q.getColumn(5)), optional_text(q.getColumn(6)),
            optional_text(q.getColumn(7)), q.getColumn(8).getString(), q.getColumn(9).getString()};
}

} // namespace

std::optional<Talk> find_talk(Database& db, std::int64_t id) {
    return db.guarded([&]() -> std::optional<Talk> {
        SQLite::Statement q(db.sql(), std::string("SELECT ") + talk_columns + " FROM talks WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep()) return std::nullopt;
        return read_talk(q);
    });
}

std::int64_t save_talk(Database& db, const Talk& t) {
    return db.guarded([&] {
        SQLite::Statement q(db.sql(), t.id ? "UPDATE talks SET starts_at = ?1, title_fr = ?2, title_en = ?3, "
                                             "summary_fr = ?4, summary_en = ?5, speakers = ?6, replay_url = ?7, "
                                             "created_at = ?8, updated_at = ?9 WHERE id = ?10"
                                           : "INSERT INTO talks (starts_at, title_fr, title_en, summary_fr, summary_en, "
                                             "speakers, replay_url, created_at, updated_at) "
                                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        q.bind(1, t.starts_at);
        q.bind(2, t.title_fr);
        q.bind(3, t.title_en);
        bind_optional(q, 4, t.summary_fr);
        bind_optional(q, 5, t.summary_en);
        bind_optional(q, 6, t.speakers);
        bind_optional(q, 7, t.replay_url);
        q.bind(8, t.created_at);
        q.bind(9, t.updated_at);
        if (t.id) q.bind(10, t.id);
        q.exec();
        return t.id ? t.id : db.sql().getLastInsertRowid();
    });
}

std::vector<Talk> list_talks(Database& db, const std::optional<std::string>& from) {
    return db.guarded([&] {
        SQLite::Statement q(db.sql(), std::string("SELECT ") + talk_columns + " FROM talks" +
                                          (from ? " WHERE starts_at >= ?" : "") + " ORDER BY starts_at, id");
        if (from) q.bind(1, *from);
        std::vector<Talk> talks;
        while (q.executeStep()) talks.push_back(read_talk(q));
        return talks;
    });
}

} // namespace expeer
