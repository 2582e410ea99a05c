#include "store/stats_store.hpp"

#include "store/database.hpp"

#include <fmt/format.h>

namespace expeer {

namespace {

// "*@test.example.org" as a LIKE pattern: '*' is any characters; % and _ are themselves.
std::string like_pattern(const std::string& glob) {
    std::string out;
    for (const char c : glob) {
        if (c == '*') out += '%';
        else if (c == '%' || c == '_' || c == '\\') {
            out += '\\';
            out += c;
        } else out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

// For `IN (...)`: no kinds is "IN (NULL)", which matches nothing on both engines, where an
// empty "IN ()" is an error on PostgreSQL.
std::string placeholders(std::size_t count) {
    if (count == 0) return "NULL";
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += i ? ", ?" : "?";
    return out;
}

} // namespace

StatsStore::StatsStore(Database& db, StatsScope scope) : db_(db), scope_(std::move(scope)) {
    for (auto& pattern : scope_.test_account_patterns) pattern = like_pattern(pattern);
}

std::string StatsStore::test_member_condition(const char* email_column) const {
    if (scope_.test_account_patterns.empty()) return "0";
    std::string any;
    for (std::size_t i = 0; i < scope_.test_account_patterns.size(); ++i)
        any += fmt::format("{}{} LIKE ? ESCAPE '\\'", i ? " OR " : "", email_column);
    return fmt::format("({} IS NOT NULL AND ({}))", email_column, any);
}

// Activities of `kinds`, leaving out test accounts' (a NULL member is nobody's: kept).
std::string StatsStore::activity_condition(const std::vector<std::string>& kinds) const {
    std::string sql = fmt::format("kind IN ({})", placeholders(kinds.size()));
    if (!scope_.test_account_patterns.empty())
        sql += fmt::format(" AND (member_id IS NULL OR member_id NOT IN (SELECT id FROM members WHERE {}))",
                           test_member_condition("email_key"));
    return sql;
}

namespace {

// Both bind from parameter `first` on and return the number of the next parameter.
int bind_scope(Statement& q, int first, const std::vector<std::string>& patterns) {
    for (const auto& pattern : patterns) q.bind(first++, pattern);
    return first;
}

int bind_kinds(Statement& q, int first, const std::vector<std::string>& kinds) {
    for (const auto& kind : kinds) q.bind(first++, kind);
    return first;
}

} // namespace

void StatsStore::scan_members(const std::function<void(const MemberDates&)>& visit) {
    db_.guarded([&] {
        Statement q = db_.scan(fmt::format("SELECT id, country, registered_on, erased_at, disabled_at, {} "
                                              "FROM members",
                                              test_member_condition("email_key")));
        bind_scope(q, 1, scope_.test_account_patterns);
        MemberDates m;
        while (q.next()) { // views into the row: no copy of a million members' texts
            m.id = q.integer(0);
            m.country = q.optional_text_view(1);
            m.registered_on = q.text_view(2);
            m.erased_at = q.optional_text_view(3);
            m.disabled_at = q.optional_text_view(4);
            m.is_test = q.integer(5) != 0;
            visit(m);
        }
    });
}

MemberIdRange StatsStore::member_id_range() {
    return db_.guarded([&] {
        Statement q = db_.prepare("SELECT count(*), coalesce(max(id), 0) FROM members");
        q.next();
        return MemberIdRange{q.integer(0), q.integer(1)};
    });
}

void StatsStore::scan_activities(const std::string& start_utc, const std::string& end_utc,
                                 const std::vector<std::string>& kinds,
                                 const std::function<void(const ActivityFacts&)>& visit) {
    db_.guarded([&] {
        // Read from the (kind, at, space_id, member_id) index alone, never the table.
        Statement q = db_.scan(fmt::format("SELECT kind, at, space_id, member_id FROM activities "
                                              "WHERE kind IN ({}) AND at >= ? AND at < ?",
                                              placeholders(kinds.size())));
        int parameter = bind_kinds(q, 1, kinds);
        q.bind(parameter++, start_utc);
        q.bind(parameter++, end_utc);
        ActivityFacts a;
        while (q.next()) {
            a.kind = q.text_view(0);
            a.at = q.text_view(1);
            a.space_id = q.optional_integer(2);
            a.member_id = q.optional_integer(3);
            visit(a);
        }
    });
}

std::map<std::string, std::int64_t> StatsStore::activities_by_kind(const std::string& start_utc,
                                                                   const std::string& end_utc,
                                                                   const std::vector<std::string>& kinds) {
    return db_.guarded([&] {
        const std::string sql = fmt::format("SELECT kind, count(*) FROM activities WHERE {} AND at >= ? "
                                            "AND at < ? GROUP BY kind",
                                            activity_condition(kinds));
        auto& q = db_.cached(sql);
        // In the order of the SQL: the kinds and the patterns are in activity_condition.
        int parameter = bind_kinds(q, 1, kinds);
        parameter = bind_scope(q, parameter, scope_.test_account_patterns);
        q.bind(parameter++, start_utc);
        q.bind(parameter++, end_utc);
        std::map<std::string, std::int64_t> counts;
        while (q.next()) counts[q.text(0)] = q.integer(1);
        return counts;
    });
}

std::int64_t StatsStore::spaces_open_during(const std::string& first_day, const std::string& last_day) {
    return db_.guarded([&] {
        Statement q = db_.prepare("SELECT count(*) FROM spaces WHERE created_on <= ? "
                                  "AND (archived_on IS NULL OR archived_on >= ?)");
        q.bind(1, last_day);
        q.bind(2, first_day);
        q.next();
        return q.integer(0);
    });
}

bool StatsStore::save_snapshot(const StatsSnapshot& snapshot, bool replace) {
    return db_.guarded([&] {
        Statement existing = db_.prepare("SELECT 1 FROM stats_snapshots WHERE period_from = ? AND period_to = ?");
        existing.bind(1, snapshot.from);
        existing.bind(2, snapshot.to);
        if (existing.next()) {
            if (!replace) return false;
            Statement remove = db_.prepare("DELETE FROM stats_snapshots WHERE period_from = ? AND period_to = ?");
            remove.bind(1, snapshot.from);
            remove.bind(2, snapshot.to);
            remove.run();
        }
        existing.reset();
        Statement insert = db_.prepare("INSERT INTO stats_snapshots (period_from, period_to, time_zone, "
                                       "taken_at, taken_by, figures) VALUES (?, ?, ?, ?, ?, ?)");
        insert.bind(1, snapshot.from);
        insert.bind(2, snapshot.to);
        insert.bind(3, snapshot.time_zone);
        insert.bind(4, snapshot.taken_at);
        insert.bind(5, snapshot.taken_by);
        insert.bind(6, snapshot.figures);
        insert.run();
        return true;
    });
}

std::optional<StatsSnapshot> StatsStore::find_snapshot(const std::string& from, const std::string& to) {
    return db_.guarded([&]() -> std::optional<StatsSnapshot> {
        Statement q = db_.prepare("SELECT period_from, period_to, time_zone, taken_at, taken_by, figures "
                                  "FROM stats_snapshots WHERE period_from = ? AND period_to = ?");
        q.bind(1, from);
        q.bind(2, to);
        if (!q.next()) return std::nullopt;
        return StatsSnapshot{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5)};
    });
}

} // namespace expeer
