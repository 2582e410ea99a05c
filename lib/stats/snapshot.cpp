#include "stats/snapshot.hpp"

#include "store/stats_store.hpp"
#include "util/error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace expeer {

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
