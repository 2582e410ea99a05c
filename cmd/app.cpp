#include "commands.hpp"

#include "members/registry.hpp"
#include "util/error.hpp"

#include <fmt/format.h>

namespace expeer::cli {

const std::vector<CommandGroup>& command_groups() {
    static const std::vector<CommandGroup> groups = {
        {"members", "Add, change and list the members of the network", add_members_commands},
        {"spaces", "Collaborative spaces and who is in them", add_spaces_commands},
        {"library", "The shared file library of each space", add_library_commands},
        {"news", "The news feed of each space, and comments", add_news_commands},
        {"talks", "The network's monthly webinars", add_talks_commands},
        {"activity", "What members do, here and on the collaboration platform", add_activity_commands},
        {"stats", "Annual-report statistics, safe to publish", add_stats_commands},
        {"letter", "The ExPEERience Letter: write, approve, build and send it", add_letter_commands},
        {"map", "The ExPEERience Map: violations by region, safe to publish", add_map_commands},
        {"platform", "The collaboration platform (Tracim): pull the network from it, push new members to it",
         add_platform_commands},
        {"audit", "Read the log of every change", add_audit_commands},
        {"backup", "Back up everything to one file, verify it, restore it", add_backup_commands},
        {"demo", "A fictional network to try expeer on", add_demo_commands},
        {"db", "Create the database and bring its schema up to date", add_db_commands},
        {"config", "Show the configuration and where each value comes from", add_config_commands},
    };
    return groups;
}

void add_format_option(CLI::App& command, std::string& format) {
    command.add_option("--format", format, "Output format (default: table on a terminal, csv otherwise)")
        ->check(CLI::IsMember(format_names()));
}

void add_acting_options(CLI::App& command, Acting& acting, const std::string& as_help) {
    command.add_option("--as", acting.as, as_help);
    command.add_flag("--as-admin", acting.as_admin,
                     "Act as an administrator: lift a refusal of the space's roles (recorded in the audit log)");
}

std::unique_ptr<CLI::App> build_app(Context& context, Action& action) {
    auto app = std::make_unique<CLI::App>(
        "expeer: administration of a human-rights network's members, spaces, files, statistics "
        "and newsletter",
        "expeer");
    app->set_version_flag("--version", std::string(EXPEER_VERSION));
    app->require_subcommand(1);
    app->fallthrough(); // global options are accepted after the command's name too
    auto& o = context.options;
    app->add_option("--db", o.database, "Database file, or postgresql:// URL (overrides EXPEER_DB and the configuration)");
    app->add_option("--config", o.config_file, "Configuration file, read after the system and user ones")
        ->check(CLI::ExistingFile);
    app->add_option("--actor", o.actor, "Who the audit log names for changes (default: $USER)");
    app->add_flag("-q,--quiet", o.quiet, "Print only data and errors (for cron)");
    for (const auto& group : command_groups()) {
        CLI::App* sub = app->add_subcommand(group.name, group.summary);
        sub->require_subcommand(1);
        group.add(*sub, context, action);
    }
    return app;
}

namespace {

// The command path for a help hint: "expeer members add".
std::string command_path(const CLI::App& app) {
    std::string path = app.get_name();
    for (const CLI::App* parent = app.get_parent(); parent; parent = parent->get_parent())
        path = parent->get_name() + " " + path;
    return path;
}

const CLI::App& deepest_selected(const CLI::App& app) {
    const CLI::App* current = &app;
    for (;;) {
        const auto selected = current->get_subcommands();
        if (selected.empty()) return *current;
        current = selected.front();
    }
}

// CLI11 says "A subcommand is required" for a mistyped command name: name the word instead.
std::string usage_problem(const CLI::App& where, const CLI::ParseError& e) {
    const auto commands = where.get_subcommands([](const CLI::App*) { return true; });
    std::vector<std::string> remaining = where.remaining();
    for (const CLI::App* parent = where.get_parent(); parent && remaining.empty(); parent = parent->get_parent())
        remaining = parent->remaining();
    if (commands.empty() || remaining.empty()) return e.what();
    std::vector<std::string> names;
    for (const CLI::App* command : commands) names.push_back(command->get_name());
    return fmt::format("unknown command '{}' (one of: {})", remaining.front(), fmt::join(names, ", "));
}

} // namespace

int run(int argc, const char* const* argv, Context& context) {
    Action action;
    const auto app = build_app(context, action);
    try {
        app->parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app->exit(e, context.out, context.err);
    } catch (const CLI::CallForAllHelp& e) {
        return app->exit(e, context.out, context.err);
    } catch (const CLI::CallForVersion& e) {
        return app->exit(e, context.out, context.err);
    } catch (const CLI::ParseError& e) {
        const CLI::App& where = deepest_selected(*app);
        context.error(usage_problem(where, e));
        context.err << "run '" << command_path(where) << " --help' for usage\n";
        return static_cast<int>(ExitCode::usage);
    }
    try {
        if (action) action();
        context.out.flush();
        if (!context.out) throw Error(ErrorKind::io, "cannot write to standard output");
        return static_cast<int>(context.exit_code);
    } catch (const InvalidInput& e) {
        for (const auto& error : e.errors()) context.error(describe(error));
        context.err << "expeer: nothing was written\n";
        return static_cast<int>(exit_code_for(e.kind()));
    } catch (const Error& e) {
        context.error(e.what());
        return static_cast<int>(exit_code_for(e.kind()));
    } catch (const std::exception& e) {
        context.error(e.what());
        return static_cast<int>(ExitCode::failure);
    }
}

} // namespace expeer::cli
