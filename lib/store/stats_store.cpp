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

// Counted at the end of a period: registered by its last day, neither erased nor disabled
// before it ended, and not a test account.
std::string counted_at(const char* last_day, const char* end_utc) {
    return fmt::format("(registered_on <= {0} AND (erased_at IS NULL OR erased_at >= {1}) "
                       "AND (disabled_at IS NULL OR disabled_at >= {1}) AND NOT is_test)",
                       last_day, end_utc);
}

} // namespace

StatsStore::StatsStore(Database& db, StatsScope scope) : db_(db), scope_(std::move(scope)) {
    for (auto& pattern : scope_.test_account_patterns) pattern = like_pattern(pattern);
    // "Who was active" gathers up to millions of member ids in a temporary index: in memory,
    // it takes a third less time than in a temporary file.
    db_.guarded([&] { db_.sql().exec("PRAGMA temp_store = MEMORY"); });
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

} // namespace

std::map<std::optional<std::string>, std::vector<CountryMemberCounts>>
StatsStore::members_by_country(const std::vector<MemberCountPeriod>& periods) {
    return db_.guarded([&] {
        std::string sums;
        for (std::size_t i = 0; i < periods.size(); ++i) {
            const std::string end = counted_at(fmt::format(":last{}", i).c_str(), fmt::format(":end{}", i).c_str());
            sums += fmt::format(", sum(CASE WHEN registered_on <= :last{0} THEN 1 ELSE 0 END), "
                                "sum(CASE WHEN {1} THEN 1 ELSE 0 END), sum(CASE WHEN {2} THEN 1 ELSE 0 END), "
                                "sum(CASE WHEN {1} AND registered_on >= :first{0} THEN 1 ELSE 0 END)",
                                i, end,
                                counted_at(fmt::format(":previous_last{}", i).c_str(),
                                           fmt::format(":previous_end{}", i).c_str()));
        }
        const std::string sql = fmt::format(
            "SELECT country{} FROM (SELECT country, registered_on, erased_at, disabled_at, {} AS is_test FROM members) m "
            "GROUP BY country ORDER BY country",
            sums, test_member_condition("email_key"));
        SQLite::Statement q(db_.sql(), sql);
        for (std::size_t i = 0; i < periods.size(); ++i) {
            q.bind(fmt::format(":last{}", i), periods[i].end.last_day);
            q.bind(fmt::format(":end{}", i), periods[i].end.end_utc);
            q.bind(fmt::format(":previous_last{}", i), periods[i].previous_end.last_day);
            q.bind(fmt::format(":previous_end{}", i), periods[i].previous_end.end_utc);
            q.bind(fmt::format(":first{}", i), periods[i].first_day);
        }
        bind_scope(q, scope_.test_account_patterns);
        std::map<std::optional<std::string>, std::vector<CountryMemberCounts>> counts;
        while (q.executeStep()) {
            auto& country = counts[optional_text(q.getColumn(0))];
            for (std::size_t i = 0; i < periods.size(); ++i) {
                const int c = 1 + 4 * static_cast<int>(i);
                country.push_back({q.getColumn(c).getInt64(), q.getColumn(c + 1).getInt64(),
                                   q.getColumn(c + 2).getInt64(), q.getColumn(c + 3).getInt64()});
            }
        }
        return counts;
    });
}

std::pair<std::int64_t, std::int64_t> StatsStore::active_members(const std::string& start_utc, const PeriodEnd& end,
                                                                 const std::vector<std::string>& kinds,
                                                                 const std::string& first_day) {
    return db_.guarded([&] {
        const std::string sql = fmt::format(
            "SELECT count(*), coalesce(sum(CASE WHEN registered_on >= :first THEN 1 ELSE 0 END), 0) "
            "FROM (SELECT registered_on, erased_at, disabled_at, {0} AS is_test FROM members WHERE id IN "
            "(SELECT member_id FROM activities WHERE kind IN ({1}) AND at >= :start AND at < :end)) m "
            "WHERE {2}",
            test_member_condition("email_key"), placeholders("kind", kinds.size()), counted_at(":last", ":end"));
        SQLite::Statement q(db_.sql(), sql);
        q.bind(":first", first_day);
        q.bind(":start", start_utc);
        q.bind(":end", end.end_utc);
        q.bind(":last", end.last_day);
        bind_kinds(q, kinds);
        bind_scope(q, scope_.test_account_patterns);
        q.executeStep();
        return std::pair{q.getColumn(0).getInt64(), q.getColumn(1).getInt64()};
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

std::map<std::optional<std::int64_t>, std::int64_t>
StatsStore::activities_by_space(const std::string& start_utc, const std::string& end_utc,
                                const std::vector<std::string>& kinds) {
    return db_.guarded([&] {
        // Grouped by an expression, not the column: grouping by the column itself lets the
        // planner walk the (space_id, at) index to save a sort, and read the table row by row
        // (0.8 s instead of 0.03 s for a million activities); the (kind, at) index covers this.
        const std::string sql = fmt::format("SELECT space_id + 0, count(*) FROM activities WHERE {} AND at >= :start "
                                            "AND at < :end GROUP BY space_id + 0",
                                            activity_condition(kinds));
        SQLite::Statement q(db_.sql(), sql);
        q.bind(":start", start_utc);
        q.bind(":end", end_utc);
        bind_kinds(q, kinds);
        bind_scope(q, scope_.test_account_patterns);
        std::map<std::optional<std::int64_t>, std::int64_t> counts;
        while (q.executeStep()) counts[optional_integer(q.getColumn(0))] = q.getColumn(1).getInt64();
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
