// The command groups of expeer. Adding a command: its code in cmd_<group>.cpp, its entry in
// command_groups() (app.cpp), a section in man/expeer-<group>.1, tests in tests/cli/.
#pragma once

#include "context.hpp"
#include "spaces/permissions.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

namespace expeer::cli {

struct CommandGroup {
    const char* name;
    const char* summary;
    void (*add)(CLI::App& group, Context& context, Action& action);
};

const std::vector<CommandGroup>& command_groups();

void add_db_commands(CLI::App& group, Context& context, Action& action);
void add_config_commands(CLI::App& group, Context& context, Action& action);
void add_audit_commands(CLI::App& group, Context& context, Action& action);
void add_members_commands(CLI::App& group, Context& context, Action& action);
void add_member_file_commands(CLI::App& group, Context& context, Action& action); // import, export...
void add_spaces_commands(CLI::App& group, Context& context, Action& action);
void add_news_commands(CLI::App& group, Context& context, Action& action);
void add_talks_commands(CLI::App& group, Context& context, Action& action);
void add_activity_commands(CLI::App& group, Context& context, Action& action);
void add_library_commands(CLI::App& group, Context& context, Action& action);
void add_backup_commands(CLI::App& group, Context& context, Action& action);
void add_stats_commands(CLI::App& group, Context& context, Action& action);
void add_demo_commands(CLI::App& group, Context& context, Action& action);
void add_letter_commands(CLI::App& group, Context& context, Action& action);
void add_letter_bounces_command(CLI::App& group, Context& context, Action& action); // cmd_letter_bounces.cpp
void add_map_commands(CLI::App& group, Context& context, Action& action);
void add_platform_commands(CLI::App& group, Context& context, Action& action);

// The warning of a purge or a deletion whose old copies another reader keeps for now.
inline constexpr const char* old_copies_kept =
    "another process still reads an older state of the database, so old copies may stay in its files (SQLite's "
    "WAL, PostgreSQL's tables) until it is done: run `expeer db check --repair` once it is";

// --format table|csv|json, for commands that print data.
void add_format_option(CLI::App& command, std::string& format);

// --as MEMBER and --as-admin: who acts in a space (spaces/permissions.hpp). `as_help` says
// what the member is to this command ("The author: email address or id").
void add_acting_options(CLI::App& command, Acting& acting, const std::string& as_help);

// The whole command line, wired to `context`; the chosen command sets `action`.
std::unique_ptr<CLI::App> build_app(Context& context, Action& action);

// Parses, runs, and turns every error into a message and an exit code.
int run(int argc, const char* const* argv, Context& context);

} // namespace expeer::cli
