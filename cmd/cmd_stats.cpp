// expeer stats report|audit|snapshot
#include "commands.hpp"

#include "stats/publish.hpp"
#include "stats/render.hpp"
#include "stats/report_cells.hpp"
#include "stats/settings.hpp"
#include "util/atomic_file.hpp"
#include "util/date_input.hpp"
#include "util/error.hpp"

#include <fmt/format.h>

#include <optional>

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
    std::string format; // stats audit
};

void add_period_options(CLI::App& command, PeriodOptions& p) {
    auto* year = command.add_option("--year", p.year, "The report year that ends in YEAR (see stats.year_starts)");
    auto* from = command.add_option("--from", p.from, "First day of the period (2024-05-01, yesterday...), included");
    auto* to = command.add_option("--to", p.to, "Last day of the period, included");
    from->needs(to);
    to->needs(from);
    year->excludes(from)->excludes(to);
    command.add_option("--tz", p.time_zone, "Time zone of the days and months (default: stats.time_zone)");
}

Period chosen_period(const PeriodOptions& p, const StatsSettings& settings, TimePoint now) {
    const std::string zone = p.time_zone.empty() ? settings.time_zone : p.time_zone;
    if (p.year) return report_year(p.year, settings.year_starts, zone);
    if (p.from.empty()) throw Error(ErrorKind::usage, "give the period: --year YEAR, or --from DATE --to DATE");
    return make_period(day_option("--from", p.from, now), day_option("--to", p.to, now), zone);
}

std::string file_name(const Period& period, bool internal, const std::string& language, ReportFormat format) {
    return fmt::format("expeer-report-{}_{}{}.{}.{}", period.from, period.to, internal ? ".internal" : "", language,
                       report_file_extension(format));
}

std::string interval_text(const Interval& i) {
    if (!i.high) return fmt::format("{} or more", i.low);
    return i.low == *i.high ? std::to_string(i.low) : fmt::format("{} to {}", i.low, *i.high);
}

const char* shown_as(Label label) {
    switch (label) {
    case Label::exact: return "exact";
    case Label::fewer_than: return "fewer than";
    case Label::withheld: return "hidden";
    case Label::not_listed: return "not listed";
    case Label::not_published: return "not published";
    }
    return "";
}

const char* need_text(Need need) {
    switch (need) {
    case Need::none: return "";
    case Need::small: return "a small count";
    case Need::sensitive: return "sensitive";
    }
    return "";
}

// One row per count not shown exactly, with the interval an outsider can work out; exits 65
// when any can be pinned.
void print_disclosure_audit(Context& context, const DisclosedReport& d, const std::string& format) {
    Records records;
    records.columns = {"cell", "description", "published_by", "shown_as", "low", "high", "interval", "needs", "verdict"};
    records.table_columns = {"description", "published_by", "shown_as", "interval", "needs", "verdict"};
    std::size_t shown = 0;
    for (const auto& a : d.audit.cells) {
        const FigureCell& cell = d.publication.at(a.id);
        // Derived counts that only restate the headline figures are left out: they need nothing.
        if (cell.role == Role::derived && !cell.protect_small) continue;
        ++shown;
        nlohmann::ordered_json row;
        row["cell"] = a.id;
        row["description"] = describe_cell(a.id);
        row["published_by"] = cell.role == Role::derived ? "" : cell.origin.empty() ? "this report" : cell.origin;
        row["shown_as"] = shown_as(a.label);
        row["low"] = a.interval.low;
        row["high"] = a.interval.high ? nlohmann::ordered_json(*a.interval.high) : nlohmann::ordered_json(nullptr);
        row["interval"] = interval_text(a.interval);
        row["needs"] = need_text(a.need);
        row["verdict"] = a.exposed ? "PINNED" : a.need == Need::none ? "" : "protected";
        records.rows.push_back(std::move(row));
    }
    print_records(context.out, records, context.format(format));
    for (const auto& note : d.notes) context.say("expeer: note: " + note);
    const auto exposed = d.audit.exposed();
    if (!exposed.empty())
        throw Error(ErrorKind::data, fmt::format("{} hidden count{} can be worked out from the published figures",
                                                 exposed.size(), exposed.size() == 1 ? "" : "s"));
    context.say(fmt::format("expeer: {} counts checked, none can be worked out", shown));
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
                const Period period = chosen_period(c->period, settings, context.clock().now());
                if (c->min_cell) settings.disclosure.min_cell = c->min_cell;
                std::vector<std::string> warnings;
                const DisclosedReport disclosed = publishable_report(context.database(DatabaseAccess::read_only), settings,
                                                                     {period, c->internal, c->snapshot}, warnings);
                for (const auto& warning : warnings) context.warn(warning);

                std::vector<ReportFormat> formats;
                for (const auto& f : c->formats) formats.push_back(report_format(f));
                if (formats.empty()) formats.push_back(ReportFormat::table);
                std::vector<std::string> languages = c->languages.empty() ? std::vector<std::string>{"en"} : c->languages;
                const bool one_text = formats.size() == 1 && (formats[0] == ReportFormat::table ||
                                                              formats[0] == ReportFormat::markdown);
                if (c->out.empty() && !(one_text || (formats.size() == 1 && languages.size() == 1)))
                    throw Error(ErrorKind::usage, "several formats, or several languages in csv, json or html, need "
                                                  "--out DIR");
                // The report set appears whole or not at all: a full disk leaves the old one.
                std::optional<AtomicDirectory> out;
                if (!c->out.empty()) out.emplace(c->out);
                std::vector<std::string> written;
                for (const auto& code : languages) {
                    const ReportLanguage language(code);
                    const ReportContext rc{disclosed, language, context.countries(), settings.top_countries,
                                           settings.templates_dir};
                    for (const auto format : formats) {
                        const std::string text = render_report(format, rc);
                        if (!out) {
                            context.out << text;
                            if (&code != &languages.back()) context.out << "\n";
                            continue;
                        }
                        written.push_back(file_name(period, c->internal, code, format));
                        out->write(written.back(), text);
                    }
                }
                if (!out) return;
                out->commit();
                for (const auto& name : written) context.say(fmt::format("expeer: wrote {}", (c->out / name).string()));
            };
        });
    }
    {
        auto c = std::make_shared<ReportCommand>();
        auto* audit = group.add_subcommand("audit", "What an outsider can work out of each hidden count of the public outputs");
        add_period_options(*audit, c->period);
        audit->add_flag("--snapshot", c->snapshot, "Audit the outputs as frozen by `stats snapshot`, not today's");
        audit->add_option("--min-cell", c->min_cell, "The threshold of the outputs audited (default: stats.min_cell)")
            ->check(CLI::PositiveNumber);
        add_format_option(*audit, c->format);
        audit->callback([&, c] {
            action = [&, c] {
                auto settings = stats_settings(context.config(), context.countries());
                const Period period = chosen_period(c->period, settings, context.clock().now());
                if (c->min_cell) settings.disclosure.min_cell = c->min_cell;
                const DisclosedReport disclosed =
                    disclose_report(context.database(DatabaseAccess::read_only), settings, {period, false, c->snapshot});
                print_disclosure_audit(context, disclosed, c->format);
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
                const Period period = chosen_period(c->period, settings, context.clock().now());
                if (!take_snapshot(context.database(), settings, period, context.clock(), context.config().get("actor"),
                                   c->replace))
                    throw Error(ErrorKind::cannot_create,
                                fmt::format("{} to {} has a snapshot already: give --replace to take another", period.from,
                                            period.to));
                context.say(fmt::format("expeer: froze the figures of {} to {}", period.from, period.to));
            };
        });
    }
}

} // namespace expeer::cli
