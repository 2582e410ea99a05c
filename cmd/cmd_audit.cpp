// expeer audit list
#include "commands.hpp"

#include "store/audit_store.hpp"
#include "util/date_input.hpp"

namespace expeer::cli {

namespace {

struct AuditListOptions {
    AuditFilter filter;
    std::string format;
};

void audit_list(Context& context, AuditListOptions& options) {
    auto& since = options.filter.since;
    if (since) since = format_timestamp(date_option("--since", *since, context.clock().now()).start);
    Records records;
    records.columns = {"id", "at", "actor", "action", "object_type", "object_id", "details"};
    for (const auto& entry : list_audit(context.database(DatabaseAccess::read_only), options.filter)) {
        nlohmann::ordered_json row;
        row["id"] = entry.id;
        row["at"] = entry.at;
        row["actor"] = entry.actor;
        row["action"] = entry.action;
        row["object_type"] = entry.object_type;
        row["object_id"] = entry.object_id;
        row["details"] = entry.details;
        records.rows.push_back(std::move(row));
    }
    print_records(context.out, records, context.format(options.format));
}

} // namespace

void add_audit_commands(CLI::App& group, Context& context, Action& action) {
    auto options = std::make_shared<AuditListOptions>();
    auto* list = group.add_subcommand("list", "List recorded changes, oldest first");
    auto& f = options->filter;
    list->add_option("--action", f.action, "Only this action, or actions starting with it when it ends in '.' (member.)");
    list->add_option("--object", f.object_type, "Only changes to this kind of object (member, database)");
    list->add_option("--id", f.object_id, "Only changes to the object with this id");
    list->add_option("--by", f.actor, "Only changes made by this person (as named by --actor or $USER)");
    list->add_option("--since", f.since, "Only changes at or after this date or time (2024-05-01, 7d, yesterday...)");
    list->add_option("--limit", f.limit, "Only the newest N changes");
    add_format_option(*list, options->format);
    list->callback([&, options] { action = [&, options] { audit_list(context, *options); }; });
}

} // namespace expeer::cli
