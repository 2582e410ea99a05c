// expeer activity import|list
#include "commands.hpp"
#include "import_options.hpp"
#include "util/json.hpp"
#include "util/printable.hpp"

#include "activity/import.hpp"
#include "progress.hpp"
#include "members/registry.hpp"
#include "spaces/registry.hpp"
#include "spaces/visibility.hpp"
#include "store/activity_store.hpp"
#include "store/member_store.hpp"
#include "store/space_store.hpp"
#include "util/clock.hpp"
#include "util/date_input.hpp"

#include <fmt/format.h>

namespace expeer::cli {

namespace {

struct ImportCommand {
    ActivityImportOptions options;
    SharedImportOptions shared;
    std::string report_format;
};

std::string summary_line(const ActivityImportReport& r, const ActivityImportOptions& options) {
    const char* outcome = options.dry_run          ? "dry run: nothing written"
                          : r.written && r.rejected ? "the other lines were written"
                          : r.written               ? "written"
                          : r.rejected              ? "nothing written: fix the rejected lines, or give --skip-invalid"
                                                    : "nothing to change";
    const bool done = r.written || (!options.dry_run && !r.rejected);
    return fmt::format("{}: {} lines: {} {}, {} already there, {}{} rejected; {}", printable(options.file.string()),
                       r.lines, r.added, done ? "added" : "to add", r.already,
                       r.repeated ? fmt::format("{} repeated in the file, ", r.repeated) : "", r.rejected, outcome);
}

void activity_import(Context& context, ImportCommand& c) {
    auto& options = c.options;
    options.invalid = c.shared.invalid_rows();
    options.dates = c.shared.dates();
    const std::string file = printable(options.file.string());
    ProgressBar progress(context.err, context.show_progress(), "importing");
    ActivityImportCallbacks callbacks;
    callbacks.on_problem = [&](const LineProblem& p) {
        progress.finish();
        context.error(fmt::format("{}:{}: {} '{}': {}", file, p.line, p.field, p.value, p.reason));
    };
    callbacks.on_progress = [&](std::uint64_t done, std::uint64_t total) { progress.update(done, total); };
    const auto report = import_activities(context.database(), context.clock(), options, callbacks);
    progress.finish();
    print_import_report(context, report.written, fmt::format("{} added", report.added), [&] {
        if (!context.options.quiet) {
            for (const auto& key : report.unknown_keys)
                context.warn(fmt::format("{}: key '{}' is not imported", file, key));
            if (report.unknown_keys_left_out)
                context.warn(fmt::format("{}: and {} other keys are not imported", file,
                                         report.unknown_keys_left_out));
        }
        if (c.report_format == "json") {
            nlohmann::ordered_json j;
            j["file"] = file;
            j["dry_run"] = options.dry_run;
            j["written"] = report.written;
            j["lines"] = report.lines;
            j["added"] = report.added;
            j["already"] = report.already;
            j["repeated"] = report.repeated;
            j["rejected"] = report.rejected;
            j["unknown_keys"] = report.unknown_keys;
            context.out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
        } else {
            context.out << summary_line(report, options) << '\n';
        }
    });
    context.exit_code = import_exit_code(report.rejected, options.invalid);
}

struct ListCommand {
    std::optional<std::string> member, space, kind, from, to;
    bool public_only = false;
    std::size_t limit = 0;
    std::string format;
};

void activity_list(Context& context, const ListCommand& c) {
    Database& db = context.database(DatabaseAccess::read_only);
    MemberStore members(db);
    SpaceStore spaces(db);
    const auto all = spaces.all();
    const auto public_ids = public_space_ids(all);
    ActivityFilter filter;
    if (c.member) filter.member_id = find_member(members, *c.member).id;
    if (c.space) filter.space_id = find_space(spaces, *c.space).id;
    filter.kind = c.kind;
    const TimePoint now = context.clock().now();
    if (c.from) filter.from = format_timestamp(date_option("--from", *c.from, now).start);
    // --to is included: a day up to its end, a time up to its second.
    if (c.to) filter.to = format_timestamp(date_option("--to", *c.to, now).end);
    filter.limit = c.limit;
    Records records;
    records.columns = {"at", "kind", "member_id", "space", "content"};
    for_each_activity(db, filter, [&](const Activity& a) {
        if (c.public_only && (!a.space_id || !public_ids.count(*a.space_id))) return;
        nlohmann::ordered_json row;
        row["at"] = a.at;
        row["kind"] = a.kind;
        row["member_id"] = json_or_null(a.member_id);
        row["space"] = a.space_id ? nlohmann::ordered_json(all.at(*a.space_id).slug) : nlohmann::ordered_json(nullptr);
        row["content"] = json_or_null(a.content);
        records.rows.push_back(std::move(row));
    });
    print_records(context.out, records, context.format(c.format));
}

} // namespace

void add_activity_commands(CLI::App& group, Context& context, Action& action) {
    {
        auto c = std::make_shared<ImportCommand>();
        auto* import = group.add_subcommand("import", "Bring in history from the platform (JSON Lines), all or nothing");
        import->add_option("file", c->options.file, "One JSON object a line, as in expeer-activity(5)")->required();
        import->add_flag("--dry-run", c->options.dry_run, "Check everything; write nothing");
        add_shared_import_options(*import, c->shared, "lines");
        import->add_option("--report-format", c->report_format, "The report: text (default) or json")
            ->check(CLI::IsMember({"text", "json"}));
        import->callback([&, c] { action = [&, c] { activity_import(context, *c); }; });
    }
    {
        auto c = std::make_shared<ListCommand>();
        auto* list = group.add_subcommand("list", "List activities, oldest first");
        list->add_option("--member", c->member, "Only this member's (email or id)");
        list->add_option("--space", c->space, "Only in this space");
        list->add_option("--kind", c->kind, "Only news, comment, file, membership, login or view")
            ->check(CLI::IsMember(activity_kinds()));
        list->add_option("--from", c->from, "From this date or time on (2024-08-01, 7d, yesterday...)");
        list->add_option("--to", c->to, "Up to this date or time, included");
        list->add_flag("--public", c->public_only, "Only activity in spaces a public output may show");
        list->add_option("--limit", c->limit, "Only the newest N");
        add_format_option(*list, c->format);
        list->callback([&, c] { action = [&, c] { activity_list(context, *c); }; });
    }
}

} // namespace expeer::cli
