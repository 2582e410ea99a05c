// expeer activity import|list
#include "commands.hpp"
#include "util/json.hpp"

#include "activity/import.hpp"
#include "progress.hpp"
#include "members/registry.hpp"
#include "spaces/registry.hpp"
#include "spaces/visibility.hpp"
#include "store/activity_store.hpp"
#include "store/member_store.hpp"
#include "store/space_store.hpp"
#include "util/clock.hpp"

#include <fmt/format.h>

namespace expeer::cli {

namespace {

struct ImportCommand {
    std::string file;
    bool dry_run = false;
    std::string report_format;
};

void activity_import(Context& context, const ImportCommand& c) {
    ProgressBar progress(context.err, context.show_progress(), "importing");
    const auto report = import_activities(
        context.database(), c.file, c.dry_run,
        [&](const LineProblem& p) {
            progress.finish();
            context.error(fmt::format("{}:{}: {} '{}': {}", c.file, p.line, p.field, p.value, p.reason));
        },
        [&](std::uint64_t done, std::uint64_t total) { progress.update(done, total); });
    progress.finish();
    for (const auto& key : report.unknown_keys)
        context.warn(fmt::format("{}: key '{}' is not imported", c.file, key));
    const char* outcome = c.dry_run ? "dry run: nothing written"
                          : report.written ? "written"
                          : report.rejected ? "nothing written: fix the rejected lines"
                                            : "nothing to change";
    if (c.report_format == "json") {
        nlohmann::ordered_json j;
        j["file"] = c.file;
        j["dry_run"] = c.dry_run;
        j["written"] = report.written;
        j["lines"] = report.lines;
        j["added"] = report.added;
        j["already"] = report.already;
        j["rejected"] = report.rejected;
        j["unknown_keys"] = report.unknown_keys;
        context.out << j.dump(2) << '\n';
    } else {
        context.out << fmt::format("{}: {} lines: {} {}, {} already there, {} rejected; {}\n", c.file, report.lines,
                                   report.added, report.written || (!c.dry_run && !report.rejected) ? "added" : "to add",
                                   report.already, report.rejected, outcome);
    }
    if (report.rejected) context.exit_code = ExitCode::data;
}

struct ListCommand {
    std::optional<std::string> member, space, kind, from, to;
    bool public_only = false;
    std::size_t limit = 0;
    std::string format;
};

void activity_list(Context& context, const ListCommand& c) {
    Database& db = context.database();
    MemberStore members(db);
    SpaceStore spaces(db);
    const auto all = spaces.all();
    const auto public_ids = public_space_ids(all);
    ActivityFilter filter;
    if (c.member) filter.member_id = find_member(members, *c.member).id;
    if (c.space) filter.space_id = find_space(spaces, *c.space).id;
    filter.kind = c.kind;
    for (const auto& [value, target, what] : {std::tuple{c.from, &filter.from, "--from"}, std::tuple{c.to, &filter.to, "--to"}}) {
        if (!value) continue;
        const auto day = parse_date(*value);
        if (!day) throw Error(ErrorKind::usage, fmt::format("{} must be a date as 2024-05-01, not '{}'", what, *value));
        // --to includes its whole day: the filter stops at the start of the next one.
        *target = target == &filter.to ? format_date(std::chrono::sys_days(*day) + std::chrono::days(1)) : *value;
    }
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
        import->add_option("file", c->file, "One JSON object a line, as in expeer-activity(5)")->required();
        import->add_flag("--dry-run", c->dry_run, "Check everything; write nothing");
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
        list->add_option("--from", c->from, "From this date on (2024-08-01)");
        list->add_option("--to", c->to, "Up to this date, included");
        list->add_flag("--public", c->public_only, "Only activity in spaces a public output may show");
        list->add_option("--limit", c->limit, "Only the newest N");
        add_format_option(*list, c->format);
        list->callback([&, c] { action = [&, c] { activity_list(context, *c); }; });
    }
}

} // namespace expeer::cli
