// expeer members import|export|data-export|erase: members in and out of files, and each
// member's rights over their data.
#include "commands.hpp"
#include "import_options.hpp"

#include "members/data_rights.hpp"
#include "members/export.hpp"
#include "members/import.hpp"
#include "members/registry.hpp"
#include "progress.hpp"
#include "util/atomic_file.hpp"
#include "util/printable.hpp"

#include <fmt/format.h>

namespace expeer::cli {

namespace {

struct ImportCommand {
    ImportOptions options;
    SharedImportOptions shared;
    std::string format;   // csv | jsonl
    std::string encoding = "utf-8";
    std::string on_existing = "update";
    std::string map_file;
    std::string report_format;
    std::string space; // SLUG[:ROLE]
    bool allow_erased = false;
};

nlohmann::ordered_json report_json(const ImportReport& r, const ImportOptions& options) {
    nlohmann::ordered_json j;
    j["file"] = printable(options.file.string());
    j["dry_run"] = options.dry_run;
    j["written"] = r.written;
    j["rows"] = r.rows;
    j["created"] = r.created;
    j["updated"] = r.updated;
    j["unchanged"] = r.unchanged;
    j["skipped"] = r.skipped;
    j["rejected"] = r.rejected;
    j["joined_space"] = r.joined_space;
    j["rejected_by_reason"] = r.rejected_by_reason;
    j["unknown_columns"] = r.unknown_columns;
    return j;
}

std::string summary_line(const ImportReport& r, const ImportOptions& options) {
    const std::string counts =
        r.written || (!options.dry_run && r.rejected == 0)
            ? fmt::format("{} created, {} updated, {} unchanged, {} skipped, {} rejected", r.created, r.updated,
                          r.unchanged, r.skipped, r.rejected)
            : fmt::format("{} to create, {} to update, {} unchanged, {} to skip, {} rejected", r.created, r.updated,
                          r.unchanged, r.skipped, r.rejected);
    std::string outcome;
    if (options.dry_run) outcome = "dry run: nothing written";
    else if (r.written && r.rejected) outcome = "the other rows were written";
    else if (r.rejected) outcome = "nothing written: fix the rejected rows, or give --skip-invalid";
    else if (!r.written) outcome = "nothing to change";
    const std::string joined = options.space ? fmt::format(", {} joined '{}'", r.joined_space, printable(*options.space)) : "";
    return fmt::format("{}: {} rows: {}{}{}{}", printable(options.file.string()), r.rows, counts, joined,
                       outcome.empty() ? "" : "; ", outcome);
}

void members_import(Context& context, ImportCommand& command) {
    auto& options = command.options;
    if (!command.format.empty())
        options.format = command.format == "jsonl" ? ImportFormat::jsonl : ImportFormat::csv;
    options.encoding = parse_encoding(command.encoding);
    options.on_existing = command.on_existing == "skip"    ? OnExisting::skip
                          : command.on_existing == "error" ? OnExisting::error
                                                           : OnExisting::update;
    if (!command.map_file.empty()) options.map_file = command.map_file;
    options.invalid = command.shared.invalid_rows();
    options.dates = command.shared.dates();
    if (!command.space.empty()) {
        const auto colon = command.space.find(':');
        options.space = command.space.substr(0, colon);
        if (colon != std::string::npos) options.space_role = command.space.substr(colon + 1);
    }
    options.default_language = context.config().get("members.default_language");
    options.actor = context.config().get("actor");

    const std::string file = printable(options.file.string());
    ProgressBar progress(context.err, context.show_progress(), "importing");
    ImportCallbacks callbacks;
    callbacks.on_problem = [&](const ImportProblem& p) {
        progress.finish();
        const std::string where = fmt::format("{}:{}", file, p.line);
        if (p.column.empty()) context.error(fmt::format("{}: {}", where, p.reason));
        else context.error(fmt::format("{}: {} '{}': {}", where, p.column, p.value, p.reason));
    };
    callbacks.on_progress = [&](std::uint64_t done, std::uint64_t total) { progress.update(done, total); };

    const ImportReport report = import_members(context.database(), context.countries(), context.clock(), options, callbacks,
                                               {context.erasures(), command.allow_erased});
    progress.finish();

    const std::string written = fmt::format("{} created, {} updated", report.created, report.updated);
    print_import_report(context, report.written, written, [&] {
        if (!context.options.quiet)
            for (const auto& column : report.unknown_columns)
                context.warn(fmt::format("{}: column '{}' is not imported: unknown header "
                                         "(name its field with --map)", file, column));
        if (command.report_format == "json") {
            context.out << report_json(report, options).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                        << '\n';
            return;
        }
        context.out << summary_line(report, options) << '\n';
        if (!context.options.quiet)
            for (const auto& [reason, count] : report.rejected_by_reason)
                context.out << fmt::format("  rejected: {}: {}\n", reason, count);
    });
    context.exit_code = import_exit_code(report.rejected, options.invalid);
}

struct ExportCommand {
    std::string file;
    std::string format;
    MemberFilter filter;
    bool force = false;
    bool no_bom = false;
};

void members_export(Context& context, const ExportCommand& command) {
    ExportOptions options;
    options.format = command.format.empty() ? export_format_for(command.file)
                     : command.format == "json" ? ExportFormat::json
                     : command.format == "jsonl" ? ExportFormat::jsonl
                                                 : ExportFormat::csv;
    options.filter = command.filter;
    MemberRegistry registry(context.database(DatabaseAccess::read_only), context.countries(), context.clock(),
                            context.config().get("actor"));
    if (command.file == "-") {
        options.byte_order_mark = false;
        export_members(registry, options, [&](std::string_view s) { context.out << s; });
        return;
    }
    options.byte_order_mark = !command.no_bom;
    AtomicFile file(command.file, command.force);
    const std::size_t count = export_members(registry, options, [&](std::string_view s) { file.write(s); });
    file.commit();
    context.say(fmt::format("expeer: exported {} members to '{}'", count, command.file));
}

struct DataExportCommand {
    std::string who;
    std::string output;
    bool force = false;
};

void members_data_export(Context& context, const DataExportCommand& command) {
    const std::string json = personal_data(context.database(DatabaseAccess::read_only), command.who).dump(2) + "\n";
    if (command.output.empty() || command.output == "-") {
        context.out << json;
        return;
    }
    write_file_atomically(command.output, json, command.force);
    context.say(fmt::format("expeer: wrote '{}'", command.output));
}

struct EraseCommand {
    std::string who;
    bool yes = false;
    bool delete_content = false;
};

// Two records of one person: erasing one must not refuse, nor erase on restore, the other.
std::string kept_off_list(std::int64_t erased, std::int64_t kept, std::string_view is) {
    return fmt::format("expeer: the address of member {} {} on the erasure list: member {} has the same one, "
                       "and keeps it", erased, is, kept);
}

void members_erase(Context& context, const EraseCommand& command) {
    const Erasure erasure = erase_member(context.database(), context.clock(), context.config().get("actor"),
                                         command.who, command.yes, command.delete_content, context.erasures());
    const auto& m = erasure.member;
    if (!erasure.applied) {
        if (erasure.already_erased) {
            context.say(fmt::format("expeer: member {} is already erased; --yes makes sure no old copy stays in the WAL "
                                    "file{}", m.id, erasure.content_deleted ? ", and deletes what they wrote" : ""));
            return;
        }
        context.say(fmt::format("expeer: would erase member {} ({} <{}>): email, name, country, organisation, "
                                "occupation, language, profile, newsletter consent, external id, {} consent "
                                "record(s), and their place in {} space(s); their {} news and {} comment(s) {}",
                                m.id, m.display_name, m.email, erasure.consent_events, erasure.memberships,
                                erasure.news, erasure.comments,
                                erasure.content_deleted ? "would be deleted" : "would stay, attributed to a former member"));
        if (erasure.same_address_as) context.say(kept_off_list(m.id, *erasure.same_address_as, "would not go"));
        context.say("expeer: nothing was erased: run again with --yes to erase");
        return;
    }
    if (!erasure.wal_truncated)
        throw Error(ErrorKind::temporary,
                    fmt::format("member {} is erased, but another process still reads an older state of the "
                                "database, so old copies may stay in its files (SQLite's WAL, PostgreSQL's "
                                "tables) until it is done: run 'expeer members erase {} --yes' again when no other "
                                "expeer command runs",
                                m.id, m.id));
    context.say(erasure.already_erased ? fmt::format("expeer: member {} was already erased; WAL file emptied", m.id)
                                       : fmt::format("expeer: erased member {}", m.id));
    if (erasure.same_address_as) context.say(kept_off_list(m.id, *erasure.same_address_as, "is not put"));
}

} // namespace

void add_member_file_commands(CLI::App& group, Context& context, Action& action) {
    {
        auto c = std::make_shared<ImportCommand>();
        auto* import = group.add_subcommand("import", "Add and update members from a CSV or JSON Lines file, all or nothing");
        import->add_option("file", c->options.file, "CSV (comma, semicolon or tab) or JSON Lines (.jsonl) file")->required();
        import->add_option("--format", c->format, "File format (default: from the extension)")
            ->check(CLI::IsMember({"csv", "jsonl"}));
        import->add_option("--encoding", c->encoding, "utf-8 (default), windows-1252 or latin-1")
            ->check(CLI::IsMember({"utf-8", "utf8", "windows-1252", "cp1252", "latin-1", "latin1", "iso-8859-1"}));
        import->add_option("--map", c->map_file, "YAML file naming the field of other headers")->check(CLI::ExistingFile);
        import->add_option("--on-existing", c->on_existing, "For a member already in the registry: update (default), skip or error")
            ->check(CLI::IsMember({"update", "skip", "error"}));
        import->add_flag("--dry-run", c->options.dry_run, "Check everything and say what would happen; write nothing");
        add_shared_import_options(*import, c->shared, "rows");
        import->add_option("--space", c->space, "Also add every member of the file to this space, as SLUG or SLUG:ROLE");
        import->add_flag("--allow-erased", c->allow_erased,
                         "Let back in erased people of the file who asked to come back (audited)");
        import->add_option("--report-format", c->report_format, "The report: text (default) or json")
            ->check(CLI::IsMember({"text", "json"}));
        import->callback([&, c] { action = [&, c] { members_import(context, *c); }; });
    }
    {
        auto c = std::make_shared<ExportCommand>();
        auto* exp = group.add_subcommand("export", "Write members to a CSV, JSON or JSON Lines file (mode 0600)");
        exp->add_option("file", c->file, "Output file, or - for standard output")->required();
        exp->add_option("--format", c->format, "csv, json or jsonl (default: from the extension, else csv)")
            ->check(CLI::IsMember({"csv", "json", "jsonl"}));
        exp->add_option("--country", c->filter.country, "Only members of this country (code or name)");
        exp->add_option("--status", c->filter.status, "Only active, disabled (or erased) members");
        exp->add_option("--language", c->filter.language, "Only members with this preferred language");
        exp->add_option("--organisation,--organization", c->filter.organisation, "Only members whose organisation contains this");
        exp->add_option("--search", c->filter.text, "Only members whose name, email or organisation contains this");
        exp->add_flag("--force", c->force, "Replace an existing file");
        exp->add_flag("--no-bom", c->no_bom, "CSV: no byte-order mark (spreadsheets need it to see UTF-8)");
        exp->callback([&, c] { action = [&, c] { members_export(context, *c); }; });
    }
    {
        auto c = std::make_shared<DataExportCommand>();
        auto* data = group.add_subcommand("data-export", "Everything held about one person, as JSON (right of access)");
        data->add_option("member", c->who, "Email address or numeric id")->required();
        data->add_option("-o,--output", c->output, "Write to this file (mode 0600) instead of standard output");
        data->add_flag("--force", c->force, "Replace an existing output file");
        data->callback([&, c] { action = [&, c] { members_data_export(context, *c); }; });
    }
    {
        auto c = std::make_shared<EraseCommand>();
        auto* erase = group.add_subcommand("erase", "Erase a person's personal data (right to erasure); a dry run without --yes");
        erase->add_option("member", c->who, "Email address or numeric id")->required();
        erase->add_flag("--yes", c->yes, "Erase for real");
        erase->add_flag("--delete-content", c->delete_content, "Also delete the news and comments they wrote");
        erase->callback([&, c] { action = [&, c] { members_erase(context, *c); }; });
    }
}

} // namespace expeer::cli
