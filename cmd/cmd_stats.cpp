// expeer stats report|snapshot
#include "commands.hpp"

#include "stats/render.hpp"
#include "stats/settings.hpp"
#include "stats/snapshot.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"

#include <fmt/format.h>

namespace expeer::cli {

namespace {

struct PeriodOptions {
    int year = 0;
    std::string from;
    std::string to;
    std::string time_zone;
};

struct ReportCommand {
    PeriodOptions period;
    std::vector<std::string> formats;
    std::vector<std::string> languages;
    std::filesystem::path out;
    long min_cell = 0;
    bool internal = false;
    bool snapshot = false;
    bool replace = false;
};

void add_period_options(CLI::App& command, PeriodOptions& p) {
    auto* year = command.add_option("--year", p.year, "The report year that ends in YEAR (see stats.year_starts)");
    auto* from = command.add_option("--from", p.from, "First day of the period (YYYY-MM-DD), included");
    auto* to = command.add_option("--to", p.to, "Last day of the period (YYYY-MM-DD), included");
    from->needs(to);
    to->needs(from);
    year->excludes(from)->excludes(to);
    command.add_option("--tz", p.time_zone, "Time zone of the days and months (default: stats.time_zone)");
}

Period chosen_period(const PeriodOptions& p, const StatsSettings& settings) {
    const std::string zone = p.time_zone.empty() ? settings.time_zone : p.time_zone;
    if (p.year) return report_year(p.year, settings.year_starts, zone);
    if (p.from.empty()) throw Error(ErrorKind::usage, "give the period: --year YEAR, or --from DATE --to DATE");
    return make_period(p.from, p.to, zone);
}

std::string file_name(const Period& period, bool internal, const std::string& language, ReportFormat format) {
    return fmt::format("expeer-report-{}_{}{}.{}.{}", period.from, period.to, internal ? ".internal" : "", language,
                       report_file_extension(format));
}

} // namespace

void add_stats_commands(CLI::App& group, Context& context, Action& action) {
    {
        auto c = std::make_shared<ReportCommand>();
        auto* report = group.add_subcommand("report", "The annual-report figures, with charts and a world map in HTML");
        add_period_options(*report, c->period);
        report->add_option("--format", c->formats, "table, csv, json, markdown or html; several with --out (default: table)")
            ->delimiter(',')
            ->check(CLI::IsMember(report_format_names()));
        report->add_option("--lang", c->languages, "fr, en, or fr,en (default: en)")
            ->delimiter(',')
            ->check(CLI::IsMember(ReportLanguage::supported()));
        report->add_option("--out", c->out, "Write one file per format and language into this directory");
        report->add_option("--min-cell", c->min_cell, "Hide counts of people below this (default: stats.min_cell)")
            ->check(CLI::PositiveNumber);
        report->add_flag("--internal", c->internal, "Exact figures, every country, marked internal: not for publication");
        report->add_flag("--snapshot", c->snapshot, "The figures frozen by `stats snapshot`, not today's");
        report->callback([&, c] {
            action = [&, c] {
                auto settings = stats_settings(context.config(), context.countries());
                const Period period = chosen_period(c->period, settings);
                auto& db = context.database();
                StatsReport report;
                if (c->snapshot) {
                    auto frozen = find_snapshot(db, period);
                    if (!frozen)
                        throw Error(ErrorKind::not_found, fmt::format("no snapshot of {} to {}: take one with `expeer stats "
                                                                      "snapshot`", period.from, period.to));
                    report = std::move(*frozen);
                } else {
                    report = compute_report(db, period, settings.rules);
                }
                settings.disclosure.internal = c->internal;
                if (c->min_cell) settings.disclosure.min_cell = c->min_cell;
                const DisclosedReport disclosed = disclose(report, settings.disclosure);

                std::vector<ReportFormat> formats;
                for (const auto& f : c->formats) formats.push_back(report_format(f));
                if (formats.empty()) formats.push_back(ReportFormat::table);
                std::vector<std::string> languages = c->languages.empty() ? std::vector<std::string>{"en"} : c->languages;
                const bool one_text = formats.size() == 1 && (formats[0] == ReportFormat::table ||
                                                              formats[0] == ReportFormat::markdown);
                if (c->out.empty() && !(one_text || (formats.size() == 1 && languages.size() == 1)))
                    throw Error(ErrorKind::usage, "several formats, or several languages in csv, json or html, need "
                                                  "--out DIR");
                if (!c->out.empty()) create_private_directories(c->out);
                for (const auto& code : languages) {
                    const ReportLanguage language(code);
                    const ReportContext rc{disclosed, language, context.countries(), settings.top_countries,
                                           settings.templates_dir};
                    for (const auto format : formats) {
                        const std::string text = render_report(format, rc);
                        if (c->out.empty()) {
                            context.out << text;
                            if (&code != &languages.back()) context.out << "\n";
                            continue;
                        }
                        const auto file = c->out / file_name(period, c->internal, code, format);
                        write_file_atomically(file, text, true);
                        context.say(fmt::format("expeer: wrote {}", file.string()));
                    }
                }
            };
        });
    }
    {
        auto c = std::make_shared<ReportCommand>();
        auto* snapshot = group.add_subcommand("snapshot", "Freeze a report's figures, so the published numbers survive corrections");
        add_period_options(*snapshot, c->period);
        snapshot->add_flag("--replace", c->replace, "Replace the period's snapshot (the old figures are lost)");
        snapshot->callback([&, c] {
            action = [&, c] {
                const auto settings = stats_settings(context.config(), context.countries());
                const Period period = chosen_period(c->period, settings);
                auto& db = context.database();
                const StatsReport report = compute_report(db, period, settings.rules);
                if (!take_snapshot(db, report, context.clock(), context.config().get("actor"), c->replace))
                    throw Error(ErrorKind::cannot_create,
                                fmt::format("{} to {} has a snapshot already: give --replace to take another", period.from,
                                            period.to));
                context.say(fmt::format("expeer: froze the figures of {} to {}", period.from, period.to));
            };
        });
    }
}

} // namespace expeer::cli
