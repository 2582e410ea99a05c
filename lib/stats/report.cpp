#include "stats/report.hpp"

#include "spaces/visibility.hpp"
#include "store/space_store.hpp"
#include "stats/tally.hpp"
#include "store/database.hpp"
#include "store/stats_store.hpp"

#include <nlohmann/json.hpp>

namespace expeer {

namespace {

const std::vector<std::string> content_kinds = {"news", "comment", "file"};

std::int64_t count_of(const KindCounts& counts, const std::string& kind) {
    const auto it = counts.find(kind);
    return it == counts.end() ? 0 : it->second;
}

PeriodFigures figures_of(const PeriodTally& t, std::int64_t spaces, const std::set<std::int64_t>& public_spaces) {
    PeriodFigures f;
    for (const auto& [country, counts] : t.members_by_country) {
        f.accounts += counts.accounts;
        f.registered += counts.registered;
        f.registered_before += counts.registered_before;
        f.new_registered += counts.new_registered;
    }
    f.active = t.active;
    f.new_active = t.new_active;
    f.news = count_of(t.in_period, "news");
    f.comments = count_of(t.in_period, "comment");
    f.files = count_of(t.in_period, "file");
    f.news_and_comments_total = count_of(t.since_beginning, "news") + count_of(t.since_beginning, "comment");
    f.files_total = count_of(t.since_beginning, "file");
    f.spaces = spaces;
    for (const auto& [space, count] : t.active_kinds_by_space) {
        if (!space) {
            f.outside_spaces_activity += count;
            continue;
        }
        ++f.active_spaces;
        (public_spaces.count(*space) ? f.public_activity : f.confidential_activity) += count;
    }
    return f;
}

} // namespace

StatsReport compute_report(Database& db, const Period& period, const StatsRules& rules) {
    // One view of the database for every figure, however long the reading takes, so that
    // they agree with each other while members register.
    return db.read([&](Read&) {
        StatsStore store(db, rules.scope);
        const auto public_spaces = public_space_ids(SpaceStore(db).all());
        StatsReport r;
        r.period = period;
        r.previous_period = period.previous();
        r.active_kinds = rules.active_kinds;
        const auto tallies = tally_periods(store, {{period, r.previous_period}, rules.active_kinds, content_kinds});
        r.current = figures_of(tallies[0], store.spaces_open_during(period.from, period.to), public_spaces);
        r.previous = figures_of(tallies[1], store.spaces_open_during(r.previous_period.from, r.previous_period.to),
                                public_spaces);
        for (const auto& [country, counts] : tallies[0].members_by_country)
            if (counts.registered > 0) r.members_by_country[country.value_or("")] += counts.registered;
        for (std::size_t m = 0; m < period.months.size(); ++m) {
            r.news_per_month.push_back({period.months[m].label, count_of(tallies[0].per_month[m], "news")});
            r.files_per_month.push_back({period.months[m].label, count_of(tallies[0].per_month[m], "file")});
        }
        return r;
    });
}

namespace {

nlohmann::json figures_json(const PeriodFigures& f) {
    return {{"accounts", f.accounts},
            {"registered", f.registered},
            {"registered_before", f.registered_before},
            {"new_registered", f.new_registered},
            {"active", f.active},
            {"new_active", f.new_active},
            {"news", f.news},
            {"comments", f.comments},
            {"files", f.files},
            {"news_and_comments_total", f.news_and_comments_total},
            {"files_total", f.files_total},
            {"spaces", f.spaces},
            {"active_spaces", f.active_spaces},
            {"public_activity", f.public_activity},
            {"confidential_activity", f.confidential_activity},
            {"outside_spaces_activity", f.outside_spaces_activity}};
}

PeriodFigures figures_from(const nlohmann::json& j) {
    PeriodFigures f;
    f.accounts = j.at("accounts");
    f.registered = j.at("registered");
    f.registered_before = j.at("registered_before");
    f.new_registered = j.at("new_registered");
    f.active = j.at("active");
    f.new_active = j.at("new_active");
    f.news = j.at("news");
    f.comments = j.at("comments");
    f.files = j.at("files");
    f.news_and_comments_total = j.at("news_and_comments_total");
    f.files_total = j.at("files_total");
    f.spaces = j.at("spaces");
    f.active_spaces = j.at("active_spaces");
    f.public_activity = j.at("public_activity");
    f.confidential_activity = j.at("confidential_activity");
    f.outside_spaces_activity = j.at("outside_spaces_activity");
    return f;
}

nlohmann::json months_json(const std::vector<MonthCount>& months) {
    auto out = nlohmann::json::array();
    for (const auto& m : months) out.push_back({{"month", m.month}, {"count", m.count}});
    return out;
}

std::vector<MonthCount> months_from(const nlohmann::json& j) {
    std::vector<MonthCount> out;
    for (const auto& m : j) out.push_back({m.at("month"), m.at("count")});
    return out;
}

} // namespace

nlohmann::json exact_figures_json(const StatsReport& r) {
    return {{"from", r.period.from},
            {"to", r.period.to},
            {"time_zone", r.period.time_zone},
            {"active_kinds", r.active_kinds},
            {"current", figures_json(r.current)},
            {"previous", figures_json(r.previous)},
            {"news_per_month", months_json(r.news_per_month)},
            {"files_per_month", months_json(r.files_per_month)},
            {"members_by_country", r.members_by_country},
            {"previous_published_at", r.previous_published_at ? nlohmann::json(*r.previous_published_at) : nlohmann::json()}};
}

StatsReport report_from_exact_figures(const nlohmann::json& j) {
    StatsReport r;
    r.period = make_period(j.at("from"), j.at("to"), j.at("time_zone"));
    r.previous_period = r.period.previous();
    r.active_kinds = j.at("active_kinds").get<std::vector<std::string>>();
    r.current = figures_from(j.at("current"));
    r.previous = figures_from(j.at("previous"));
    r.news_per_month = months_from(j.at("news_per_month"));
    r.files_per_month = months_from(j.at("files_per_month"));
    r.members_by_country = j.at("members_by_country").get<std::map<std::string, std::int64_t>>();
    // Snapshots taken before the ledger existed have no such key.
    if (const auto it = j.find("previous_published_at"); it != j.end() && it->is_string())
        r.previous_published_at = it->get<std::string>();
    return r;
}

} // namespace expeer
