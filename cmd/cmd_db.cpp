// expeer db init|status|migrate|copy|check
#include "commands.hpp"
#include "members/registry.hpp"
#include "store/audit_store.hpp"
#include "maintenance/db_check.hpp"
#include "maintenance/db_copy.hpp"
#include "util/printable.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace expeer::cli {

namespace {

// Computes the members' email keys again when members.email_local_part or this version's
// normalisation asks for another rule than the database's.
void apply_configured_email_rule(Context& context, Database& db) {
    const auto change = apply_email_key_rule(db, context.email_key_rule(), context.clock(), context.config().get("actor"));
    if (change.from != change.to)
        context.say(fmt::format("expeer: addresses are now compared by the rule '{}' ({} key(s) computed again)",
                                email_key_rule_name(change.to), change.keys_changed));
}

void db_init(Context& context) {
    const auto options = context.database_options();
    if (Database::init(options, context.clock())) {
        auto db = Database::open(options);
        record_audit(*db, {0, format_timestamp(context.clock().now()),
                           context.config().get("actor"), "db.init", "database", "", ""});
        context.say(fmt::format("expeer: database ready at '{}'", options.shown()));
        apply_configured_email_rule(context, *db);
    } else {
        context.say(fmt::format("expeer: database at '{}' is already up to date", options.shown()));
        apply_configured_email_rule(context, *Database::open(options));
    }
}

void db_status(Context& context, const std::string& format) {
    auto options = context.database_options();
    options.access = DatabaseAccess::read_only;
    auto db = Database::open_any_version(options);
    const SchemaStatus status = db->status();
    const char* state = status.version == status.latest  ? "current"
                        : status.version < status.latest ? "needs migrate"
                                                         : "newer than this program";
    nlohmann::ordered_json record;
    record["database"] = options.shown();
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
    } else {
        record_audit(*db, {0, format_timestamp(context.clock().now()), context.config().get("actor"),
                           "db.migrate", "database", "",
                           nlohmann::json{{"from", before}, {"to", db->status().version}}.dump()});
        context.say(fmt::format("expeer: applied {} migration(s), now at schema version {}", applied,
                                db->status().version));
    }
    apply_configured_email_rule(context, *db);
}

void db_copy(Context& context, const std::string& from, const std::string& to, const std::string& format) {
    const auto from_options = context.database_options(from), to_options = context.database_options(to);
    const auto copied = copy_network(from_options, to_options, context.clock(), context.config().get("actor"));
    Records records;
    records.columns = {"table", "rows"};
    std::int64_t rows = 0;
    for (const auto& table : copied) {
        nlohmann::ordered_json row;
        row["table"] = table.name;
        row["rows"] = table.rows;
        records.rows.push_back(std::move(row));
        rows += table.rows;
    }
    if (!format.empty()) print_records(context.out, records, context.format(format));
    context.say(fmt::format("expeer: copied {} rows of {} tables from '{}' to '{}', and compared every table",
                            rows, copied.size(), from_options.shown(), to_options.shown()));
}

// One row for each finding: what, which, and what was (or --repair would be) done.
Records check_records(const DatabaseCheck& c) {
    Records records;
    records.columns = {"problem", "item", "action"};
    const std::string removal = c.repaired ? "removed" : "remove with --repair";
    const auto add = [&](const std::string& problem, const std::string& item,
                         const std::string& action) {
        nlohmann::ordered_json row;
        row["problem"] = problem;
        row["item"] = item;
        row["action"] = action;
        records.rows.push_back(std::move(row));
    };
    for (const auto& line : c.integrity)
        add("database damaged", line, "restore a backup");
    for (const auto& line : c.foreign_keys)
        add("row without its parent", line, "restore a backup");
    for (const auto& sha256 : c.missing_contents)
        add("content missing", sha256, "restore a backup");
    for (const auto& line : c.wrong_size)
        add("content of the wrong size", line, "restore a backup");
    if (c.interrupted.runs)
        add("left by a killed command",
            fmt::format("{} folder(s), {} temporary file(s), {} bytes", c.interrupted.runs,
                        c.interrupted.temporaries, c.interrupted.temporary_bytes),
            removal);
    if (c.interrupted.restored)
        add("recorded content taken out by a killed purge",
            fmt::format("{} content(s)", c.interrupted.restored),
            c.repaired ? "put back" : "put back with --repair");
    for (const auto& sha256 : c.interrupted.orphans)
        add("content never recorded (killed command)", sha256, removal);
    for (const auto& sha256 : c.orphan_contents)
        if (std::find(c.interrupted.orphans.begin(), c.interrupted.orphans.end(), sha256) ==
            c.interrupted.orphans.end())
            add("content no row records", sha256, removal);
    for (const auto& path : c.strays)
        add("stray file", path, removal);
    return records;
}

void db_check(Context& context, bool repair, const std::string& format) {
    const DatabaseCheck check = check_database(context.database(), context.blobs(), repair);
    if (repair && check.has_removable())
        record_audit(context.database(),
                     {0, format_timestamp(context.clock().now()), context.config().get("actor"),
                      "db.repair", "database", "",
                      nlohmann::json{{"orphan_contents", check.orphan_contents.size()},
                                     {"strays", check.strays.size()},
                                     {"interrupted_runs", check.interrupted.runs}}
                          .dump()});
    const Records records = check_records(check);
    if (!format.empty()) print_records(context.out, records, context.format(format));
    for (const auto& row : records.rows)
        context.say(fmt::format("expeer: {}: {} ({})", row["problem"].get<std::string>(),
                                printable(row["item"].get<std::string>()),
                                row["action"].get<std::string>()));
    if (check.has_damage())
        context.say("expeer: the database or its contents are damaged: restore a backup "
                    "(expeer-backup(1))");
    else if (records.rows.empty())
        context.say("expeer: the database and its contents agree");
    else if (!repair)
        context.say("expeer: run again with --repair to remove what is listed");
    if (check.has_damage() || (check.has_removable() && !repair))
        context.exit_code = ExitCode::failure;
}

} // namespace

void add_db_commands(CLI::App& group, Context& context, Action& action) {
    group.add_subcommand("init", "Create the database, or bring an existing one up to date")
        ->callback([&] { action = [&] { db_init(context); }; });

    auto* status = group.add_subcommand("status", "Show the database's schema version");
    auto status_format = std::make_shared<std::string>();
    add_format_option(*status, *status_format);
    status->callback([&, status_format] {
        action = [&, status_format] { db_status(context, *status_format); };
    });

    group
        .add_subcommand("migrate",
                        "Apply the schema migrations this program has and the database lacks")
        ->callback([&] { action = [&] { db_migrate(context); }; });

    auto* copy = group.add_subcommand(
        "copy", "Copy the whole network into a new database, SQLite or PostgreSQL, and compare every table");
    auto copy_from = std::make_shared<std::string>();
    auto copy_to = std::make_shared<std::string>();
    auto copy_format = std::make_shared<std::string>();
    copy->add_option("from", *copy_from, "The database to copy: a file, or a postgresql:// URL")->required();
    copy->add_option("to", *copy_to, "A new database: a file that does not exist, or a server's empty database")
        ->required();
    add_format_option(*copy, *copy_format);
    copy->callback([&, copy_from, copy_to, copy_format] {
        action = [&, copy_from, copy_to, copy_format] { db_copy(context, *copy_from, *copy_to, *copy_format); };
    });

    auto* check = group.add_subcommand(
        "check",
        "Check the database and its content store agree; --repair removes what crashes left");
    auto repair = std::make_shared<bool>(false);
    auto check_format = std::make_shared<std::string>();
    check->add_flag("--repair", *repair,
                    "Remove orphan contents, stray and temporary files (never a recorded content)");
    add_format_option(*check, *check_format);
    check->callback([&, repair, check_format] {
        action = [&, repair, check_format] { db_check(context, *repair, *check_format); };
    });
}

} // namespace expeer::cli
