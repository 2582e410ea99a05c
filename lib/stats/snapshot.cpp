#include "stats/snapshot.hpp"

#include "audit/audit.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/stats_store.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace expeer {

bool take_snapshot(Database& db, const StatsReport& report, const Clock& clock, const std::string& actor,
                   bool replace) {
    const std::string now = format_timestamp(clock.now());
    StatsStore store(db, {});
    return db.guarded([&] {
        auto transaction = db.write_transaction();
        const bool saved = store.save_snapshot({report.period.from, report.period.to, report.period.time_zone, now,
                                                actor, exact_figures_json(report).dump()},
                                               replace);
        if (!saved) return false;
        record_audit(db, {0, now, actor, replace ? "stats.snapshot.replace" : "stats.snapshot", "report",
                          report.period.from + "/" + report.period.to, "{}"});
        transaction.commit();
        return true;
    });
}

std::optional<StatsReport> find_snapshot(Database& db, const Period& period) {
    StatsStore store(db, {});
    const auto snapshot = store.find_snapshot(period.from, period.to);
    if (!snapshot) return std::nullopt;
    try {
        StatsReport report = report_from_exact_figures(nlohmann::json::parse(snapshot->figures));
        report.snapshot_taken_at = snapshot->taken_at;
        return report;
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::data, fmt::format("the snapshot of {} to {} is damaged: {}", period.from, period.to, e.what()));
    }
}

} // namespace expeer
