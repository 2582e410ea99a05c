// expeer db init|status|migrate
#include "commands.hpp"

#include "store/audit_store.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace expeer::cli {

namespace {

void db_init(Context& context) {
    const auto options = context.database_options();
    if (Database::init(options, context.clock())) {
        auto db = Database::open(options);
        record_audit(*db, {0, format_timestamp(context.clock().now()), context.config().get("actor"),
                           "db.init", "database", "", ""});
        context.say(fmt::format("expeer: database ready at '{}'", options.file.string()));
    } else {
        context.say(fmt::format("expeer: database at '{}' is already up to date", options.file.string()));
    }
}

void db_status(Context& context, const std::string& format) {
    auto options = context.database_options();
    options.access = DatabaseAccess::read_only;
    auto db = Database::open_any_version(options);
    const SchemaStatus status = db->status();
    const char* state = status.version == status.latest ? "current"
                        : status.version < status.latest ? "needs migrate"
                                                         : "newer than this program";
    nlohmann::ordered_json record;
    record["database"] = options.file.string();
    record["schema_version"] = status.version;
    record["program_schema_version"] = status.latest;
    record["state"] = state;
    record["migrated_at"] = status.applied_at;
    print_record(context.out, record, context.format(format));
}

void db_migrate(Context& context) {
    const auto options = context.database_options();
    auto db = Database::open_any_version(options);
    const int before = db->status().version;
    const int applied = db->migrate(context.clock());
    if (applied == 0) {
        context.say("expeer: the database is already at the latest schema version");
        return;
    }
    record_audit(*db, {0, format_timestamp(context.clock().now()), context.config().get("actor"),
                       "db.migrate", "database", "",
                       nlohmann::json{{"from", before}, {"to", db->status().version}}.dump()});
    context.say(fmt::format("expeer: applied {} migration(s), now at schema version {}", applied,
                            db->status().version));
}

} // namespace

void add_db_commands(CLI::App& group, Context& context, Action& action) {
    group.add_subcommand("init", "Create the database, or bring an existing one up to date")
        ->callback([&] { action = [&] { db_init(context); }; });

    auto* status = group.add_subcommand("status", "Show the database's schema version");
    auto status_format = std::make_shared<std::string>();
    add_format_option(*status, *status_format);
    status->callback([&, status_format] { action = [&, status_format] { db_status(context, *status_format); }; });

    group.add_subcommand("migrate", "Apply the schema migrations this program has and the database lacks")
        ->callback([&] { action = [&] { db_migrate(context); }; });
}

} // namespace expeer::cli
