#include "store/activity_store.hpp"

#include "store/database.hpp"

namespace expeer {

std::optional<std::int64_t> record_activity(Database& db, const Activity& a) {
    return db.guarded([&]() -> std::optional<std::int64_t> {
        auto& q = db.cached("INSERT INTO activities (external_id, at, member_id, kind, space_id, content) "
                            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (external_id) DO NOTHING RETURNING id");
        q.bind_no_copy(1, a.external_id);
        q.bind(2, a.at);
        q.bind(3, a.member_id);
        q.bind(4, a.kind);
        q.bind(5, a.space_id);
        q.bind_no_copy(6, a.content);
        if (!q.next()) return std::nullopt; // already there
        const std::int64_t id = q.integer(0);
        q.reset();
        return id;
    });
}

void rename_file_activities(Database& db, std::int64_t space_id, const std::string& from,
                            const std::optional<std::string>& to) {
    db.guarded([&] {
        Statement q = db.prepare("UPDATE activities SET content = ? "
                                 "WHERE kind = 'file' AND space_id = ? AND content = ?");
        q.bind(1, to);
        q.bind(2, space_id);
        q.bind(3, from);
        q.run();
    });
}

void for_each_activity(Database& db, const ActivityFilter& f, const std::function<void(const Activity&)>& visit) {
    db.guarded([&] {
        std::string sql = "SELECT id, external_id, at, member_id, kind, space_id, content FROM activities WHERE 1 = 1";
        if (f.member_id) sql += " AND member_id = ?";
        if (f.space_id) sql += " AND space_id = ?";
        if (f.kind) sql += " AND kind = ?";
        if (f.from) sql += " AND at >= ?";
        if (f.to) sql += " AND at < ?"; // the day after, so the whole last day counts
        sql += " ORDER BY at DESC, id DESC";
        if (f.limit) sql += " LIMIT " + std::to_string(f.limit);
        Statement q = db.prepare("SELECT * FROM (" + sql + ") AS latest ORDER BY at, id");
        int parameter = 0;
        if (f.member_id) q.bind(++parameter, *f.member_id);
        if (f.space_id) q.bind(++parameter, *f.space_id);
        if (f.kind) q.bind(++parameter, *f.kind);
        if (f.from) q.bind(++parameter, *f.from);
        if (f.to) q.bind(++parameter, *f.to);
        while (q.next()) {
            Activity a;
            a.id = q.integer(0);
            a.external_id = q.optional_text(1);
            a.at = q.text(2);
            a.member_id = q.optional_integer(3);
            a.kind = q.text(4);
            a.space_id = q.optional_integer(5);
            a.content = q.optional_text(6);
            visit(a);
        }
    });
}

} // namespace expeer
