#include "store/activity_store.hpp"

#include "store/database.hpp"
#include "store/columns.hpp"

namespace expeer {

bool record_activity(Database& db, const Activity& a) {
    return db.guarded([&] {
        auto& q = db.statement("INSERT INTO activities (external_id, at, member_id, kind, space_id, content) "
                               "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (external_id) DO NOTHING");
        bind_optional(q, 1, a.external_id);
        q.bind(2, a.at);
        bind_optional(q, 3, a.member_id);
        q.bind(4, a.kind);
        bind_optional(q, 5, a.space_id);
        bind_optional(q, 6, a.content);
        return q.exec() == 1;
    });
}

void for_each_activity(Database& db, const ActivityFilter& f, const std::function<void(const Activity&)>& visit) {
    db.guarded([&] {
        std::string sql = "SELECT id, external_id, at, member_id, kind, space_id, content FROM activities WHERE 1 = 1";
        if (f.member_id) sql += " AND member_id = :member";
        if (f.space_id) sql += " AND space_id = :space";
        if (f.kind) sql += " AND kind = :kind";
        if (f.from) sql += " AND at >= :from";
        if (f.to) sql += " AND at < :to"; // :to is the day after, so the whole last day counts
        sql += " ORDER BY at DESC, id DESC";
        if (f.limit) sql += " LIMIT " + std::to_string(f.limit);
        SQLite::Statement q(db.sql(), "SELECT * FROM (" + sql + ") ORDER BY at, id");
        if (f.member_id) q.bind(":member", *f.member_id);
        if (f.space_id) q.bind(":space", *f.space_id);
        if (f.kind) q.bind(":kind", *f.kind);
        if (f.from) q.bind(":from", *f.from);
        if (f.to) q.bind(":to", *f.to);
        while (q.executeStep()) {
            Activity a;
            a.id = q.getColumn(0).getInt64();
            a.external_id = optional_text(q.getColumn(1));
            a.at = q.getColumn(2).getString();
            a.member_id = optional_integer(q.getColumn(3));
            a.kind = q.getColumn(4).getString();
            a.space_id = optional_integer(q.getColumn(5));
            a.content = optional_text(q.getColumn(6));
            visit(a);
        }
    });
}

} // namespace expeer
