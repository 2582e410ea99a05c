#include "store/audit_store.hpp"

#include "store/database.hpp"

#include <algorithm>

namespace expeer {

void record_audit(Database& db, const AuditEntry& entry) {
    db.guarded([&] {
        auto& insert = db.cached("INSERT INTO audit_log (at, actor, action, object_type, "
                                 "object_id, details) VALUES (?, ?, ?, ?, ?, ?)");
        insert.bind(1, entry.at);
        insert.bind(2, entry.actor);
        insert.bind(3, entry.action);
        insert.bind(4, entry.object_type);
        insert.bind(5, entry.object_id);
        insert.bind(6, entry.details);
        insert.run();
    });
}

std::vector<AuditEntry> list_audit(Database& db, const AuditFilter& filter) {
    return db.guarded([&] {
        std::string sql = "SELECT id, at, actor, action, object_type, object_id, details "
                          "FROM audit_log WHERE 1 = 1";
        std::vector<std::string> values;
        const auto where = [&](const char* clause, const std::optional<std::string>& value) {
            if (!value) return;
            sql += clause;
            values.push_back(*value);
        };
        if (filter.action && !filter.action->empty() && filter.action->back() == '.') {
            sql += " AND substr(action, 1, length(?)) = ?";
            values.push_back(*filter.action);
            values.push_back(*filter.action);
        } else {
            where(" AND action = ?", filter.action);
        }
        where(" AND object_type = ?", filter.object_type);
        where(" AND object_id = ?", filter.object_id);
        where(" AND actor = ?", filter.actor);
        where(" AND at >= ?", filter.since);
        sql += " ORDER BY id DESC";
        if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
        Statement query = db.scan(sql);
        for (std::size_t i = 0; i < values.size(); ++i) query.bind(static_cast<int>(i + 1), values[i]);
        std::vector<AuditEntry> entries;
        while (query.next()) {
            entries.push_back({query.integer(0), query.text(1), query.text(2), query.text(3),
                               query.text(4), query.text(5), query.text(6)});
        }
        std::reverse(entries.begin(), entries.end());
        return entries;
    });
}

} // namespace expeer
