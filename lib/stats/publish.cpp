#include "stats/publish.hpp"

#include "audit/audit.hpp"
#include "stats/report_cells.hpp"
#include "stats/snapshot.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/ledger_store.hpp"
#include "store/stats_store.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace expeer {

std::string report_output(const Period& period) {
    return "report " + period.from + "/" + period.to;
}

namespace {

// The figures to publish: frozen or computed now, with the previous period as its own
// snapshot froze it (what was published then), so that the two columns never differ from
// what readers already have.
StatsReport report_figures(Database& db, const StatsSettings& settings,
                           const ReportRequest& request) {
    if (request.from_snapshot) {
        auto frozen = find_snapshot(db, request.period);
        if (!frozen)
            throw Error(
                ErrorKind::not_found,
                fmt::format("no snapshot of {} to {}: take one with `expeer stats snapshot`",
                            request.period.from, request.period.to));
        return std::move(*frozen);
    }
    StatsReport report = compute_report(db, request.period, settings.rules);
    if (const auto previous = find_snapshot(db, report.previous_period)) {
        report.previous = previous->current;
        report.previous_published_at = previous->snapshot_taken_at;
    }
    return report;
}

// Every figure published so far, but the report's own snapshot unless it is the one shown:
// a report recomputed after corrections is a new version, not the frozen one.
std::vector<PublishedFigure> earlier_outputs(Database& db, const ReportRequest& request) {
    auto figures = published_figures(db);
    if (!request.from_snapshot) {
        const std::string own = report_output(request.period);
        std::erase_if(figures, [&](const PublishedFigure& f) { return f.output == own; });
    }
    return figures;
}

// "new members, 2024-08-01 to 2024-08-31 (as letter 2024-09 published it)".
std::string list(const DisclosedReport& d, const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        const auto& origin = d.publication.at(id).origin;
        out += (out.empty() ? "" : "; ") + describe_cell(id) +
               (origin.empty() ? std::string() : " (as " + origin + " published it)");
    }
    return out;
}

} // namespace

DisclosedReport disclose_report(Database& db, const StatsSettings& settings,
                                const ReportRequest& request) {
    const StatsReport report = report_figures(db, settings, request);
    DisclosureRules rules = settings.disclosure;
    rules.internal = request.internal;
    return disclose(report, rules,
                    request.internal ? std::vector<PublishedFigure>{}
                                     : earlier_outputs(db, request));
}

DisclosedReport publishable_report(Database& db, const StatsSettings& settings,
                                   const ReportRequest& request,
                                   std::vector<std::string>& warnings) {
    DisclosedReport disclosed = disclose_report(db, settings, request);
    if (request.internal) return disclosed;
    if (!disclosed.exposed.empty())
        throw Error(
            ErrorKind::data,
            fmt::format("these figures cannot be published safely: {} could be worked out from "
                        "them and the "
                        "outputs published before (see `expeer stats audit`); nothing was written",
                        list(disclosed, disclosed.exposed)));
    if (!disclosed.already_exposed.empty())
        warnings.push_back(
            fmt::format("outputs published earlier already let {} be worked out; this report adds "
                        "nothing to it",
                        list(disclosed, disclosed.already_exposed)));
    for (const auto& note : disclosed.notes)
        warnings.push_back(note);
    return disclosed;
}

bool take_snapshot(Database& db, const StatsSettings& settings, const Period& period,
                   const Clock& clock, const std::string& actor, bool replace) {
    std::vector<std::string> warnings;
    const DisclosedReport disclosed =
        publishable_report(db, settings, {period, false, false}, warnings);
    const std::string now = format_timestamp(clock.now());
    const std::string output = report_output(period);
    const auto rows = ledger_rows(disclosed.publication, output, now, own_cells(disclosed));
    StatsStore store(db, {});
    const StatsReport& report = *disclosed.exact;
    return db.write([&](Write& w) {
        const bool saved = store.save_snapshot({period.from, period.to, period.time_zone, now,
                                                actor, exact_figures_json(report).dump()},
                                               replace);
        if (!saved) return false;
        replace_published_figures(db, output, rows);
        w.audit({0, now, actor, replace ? "stats.snapshot.replace" : "stats.snapshot",
                 "report", period.from + "/" + period.to, "{}"});
        return true;
    });
}

} // namespace expeer
