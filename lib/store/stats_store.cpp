#include "store/stats_store.hpp"

#include "store/columns.hpp"
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

std::string placeholders(const char* prefix, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += fmt::format("{}:{}{}", i ? ", " : "", prefix, i);
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
        any += fmt::format("{}{} LIKE :test{} ESCAPE '\\'", i ? " OR " : "", email_column, i);
    return fmt::format("({} IS NOT NULL AND ({}))", email_column, any);
}

// Activities of `kinds`, leaving out test accounts' (a NULL member is nobody's: kept).
std::string StatsStore::activity_condition(const std::vector<std::string>& kinds) const {
    std::string sql = fmt::format("kind IN ({})", placeholders("kind", kinds.size()));
    if (!scope_.test_account_patterns.empty())
        sql += fmt::format(" AND (member_id IS NULL OR member_id NOT IN (SELECT id FROM members WHERE {}))",
                           test_member_condition("email_key"));
    return sql;
}

namespace {

void bind_scope(SQLite::Statement& q, const std::vector<std::string>& patterns) {
    for (std::size_t i = 0; i < patterns.size(); ++i) q.bind(fmt::format(":test{}", i), patterns[i]);
}

void bind_kinds(SQLite::Statement& q, const std::vector<std::string>& kinds) {
    for (std::size_t i = 0; i < kinds.size(); ++i) q.bind(fmt::format(":kind{}", i), kinds[i]);
}

std::optional<std::string_view> optional_view(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return std::string_view(column.getText(), static_cast<std::size_t>(column.getBytes()));
}

std::string_view view(const SQLite::Column& column) {
    return {column.getText(), static_cast<std::size_t>(column.getBytes())};
}

} // namespace

void StatsStore::scan_members(const std::function<void(const MemberDates&)>& visit) {
    db_.guarded([&] {
        SQLite::Statement q(db_.sql(), fmt::format("SELECT id, country, registered_on, erased_at, disabled_at, {} "
                                                   "FROM members",
                                                   test_member_condition("email_key")));
        bind_scope(q, scope_.test_account_patterns);
        MemberDates m;
        while (q.executeStep()) {
            m.id = q.getColumn(0).getInt64();
            m.country = optional_view(q.getColumn(1));
            m.registered_on = view(q.getColumn(2));
            m.erased_at = optional_view(q.getColumn(3));
            m.disabled_at = optional_view(q.getColumn(4));
            m.is_test = q.getColumn(5).getInt() != 0;
            visit(m);
        }
    });
}

MemberIdRange StatsStore::member_id_range() {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "SELECT count(*), coalesce(max(id), 0) FROM members");
        q.executeStep();
        return MemberIdRange{q.getColumn(0).getInt64(), q.getColumn(1).getInt64()};
    });
}

void StatsStore::scan_activities(const std::string& start_utc, const std::string& end_utc,
                                 const std::vector<std::string>& kinds,
                                 const std::function<void(const ActivityFacts&)>& visit) {
    db_.guarded([&] {
        // Read from the (kind, at, space_id, member_id) index alone, never the table.
        SQLite::Statement q(db_.sql(), fmt::format("SELECT kind, at, space_id, member_id FROM activities "
                                                   "WHERE kind IN ({}) AND at >= :start AND at < :end",
                                                   placeholders("kind", kinds.size())));
        q.bind(":start", start_utc);
        q.bind(":end", end_utc);
        bind_kinds(q, kinds);
        ActivityFacts a;
        while (q.executeStep()) {
            a.kind = view(q.getColumn(0));
            a.at = view(q.getColumn(1));
            a.space_id = optional_integer(q.getColumn(2));
            a.member_id = optional_integer(q.getColumn(3));
            visit(a);
        }
    });
}

std::map<std::string, std::int64_t> StatsStore::activities_by_kind(const std::string& start_utc,
                                                                   const std::string& end_utc,
                                                                   const std::vector<std::string>& kinds) {
    return db_.guarded([&] {
        const std::string sql = fmt::format("SELECT kind, count(*) FROM activities WHERE {} AND at >= :start "
                                            "AND at < :end GROUP BY kind",
                                            activity_condition(kinds));
        auto& q = db_.statement(sql);
        q.bind(":start", start_utc);
        q.bind(":end", end_utc);
        bind_kinds(q, kinds);
        bind_scope(q, scope_.test_account_patterns);
        std::map<std::string, std::int64_t> counts;
        while (q.executeStep()) counts[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
        return counts;
    });
}

std::int64_t StatsStore::spaces_open_during(const std::string& first_day, const std::string& last_day) {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "SELECT count(*) FROM spaces WHERE created_on <= ? "
                                       "AND (archived_on IS NULL OR archived_on >= ?)");
        q.bind(1, last_day);
        q.bind(2, first_day);
        q.executeStep();
        return q.getColumn(0).getInt64();
    });
}

bool StatsStore::save_snapshot(const StatsSnapshot& snapshot, bool replace) {
    return db_.guarded([&] {
        SQLite::Statement existing(db_.sql(), "SELECT 1 FROM stats_snapshots WHERE period_from = ? AND period_to = ?");
        existing.bind(1, snapshot.from);
        existing.bind(2, snapshot.to);
        if (existing.executeStep()) {
            if (!replace) return false;
            SQLite::Statement remove(db_.sql(), "DELETE FROM stats_snapshots WHERE period_from = ? AND period_to = ?");
            remove.bind(1, snapshot.from);
            remove.bind(2, snapshot.to);
            remove.exec();
        }
        existing.reset();
        SQLite::Statement insert(db_.sql(), "INSERT INTO stats_snapshots (period_from, period_to, time_zone, "
                                            "taken_at, taken_by, figures) VALUES (?, ?, ?, ?, ?, ?)");
        insert.bind(1, snapshot.from);
        insert.bind(2, snapshot.to);
        insert.bind(3, snapshot.time_zone);
        insert.bind(4, snapshot.taken_at);
        insert.bind(5, snapshot.taken_by);
        insert.bind(6, snapshot.figures);
        insert.exec();
        return true;
    });
}

std::optional<StatsSnapshot> StatsStore::find_snapshot(const std::string& from, const std::string& to) {
    return db_.guarded([&]() -> std::optional<StatsSnapshot> {
        SQLite::Statement q(db_.sql(), "SELECT period_from, period_to, time_zone, taken_at, taken_by, figures "
                                       "FROM stats_snapshots WHERE period_from = ? AND period_to = ?");
        q.bind(1, from);
        q.bind(2, to);
        if (!q.executeStep()) return std::nullopt;
        return StatsSnapshot{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                             q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString()};
    });
}

} // namespace expeer
