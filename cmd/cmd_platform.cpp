// expeer platform check|pull|push
#include "commands.hpp"
#include "platform/check.hpp"
#include "platform/pull.hpp"
#include "platform/push.hpp"
#include "progress.hpp"
#include "stats/settings.hpp"
#include "util/clock.hpp"
#include "util/date_input.hpp"
#include "util/printable.hpp"

#include <fmt/format.h>

namespace expeer::cli {

namespace {

struct CheckCommand {
    std::string format;
};

void platform_check(Context& context, const CheckCommand& c) {
    const auto& settings = context.platform_settings();
    const PlatformCheck check = check_platform(context.platform(), settings.spaces);
    nlohmann::ordered_json r;
    r["platform"] = settings.url;
    r["name"] = check.about.name;
    r["version"] = check.about.version;
    r["build"] = check.about.build_version;
    r["login"] = settings.login;
    r["acts_as"] = check.login.public_name;
    r["profile"] = check.login.profile;
    r["administrator"] = check.administrator;
    r["accounts"] = check.users;
    r["spaces"] = check.spaces;
    r["unreadable_spaces"] = check.unreadable;
    r["problems"] = check.problems;
    if (context.format(c.format) == Format::json) {
        context.out << r.dump(2) << '\n';
    } else {
        // What the platform says is shown escaped: it is outside input like any file.
        context.out << fmt::format("platform:       {} {} ({}) at {}\n",
                                   printable(check.about.name), printable(check.about.version),
                                   printable(check.about.build_version), settings.url);
        context.out << fmt::format("acts as:        {} ({}), {}\n",
                                   printable(check.login.public_name), printable(settings.login),
                                   check.administrator ? "an administrator"
                                                       : "not an administrator");
        if (check.administrator)
            context.out << fmt::format("reads:          {} accounts, {} spaces\n", check.users,
                                       check.spaces);
        for (const auto& slug : check.unreadable)
            context.out << fmt::format(
                "cannot read:    the contents of '{}' (the login is not a member)\n",
                printable(slug));
        for (const auto& p : check.problems)
            context.out << "problem:        " << p << '\n';
    }
    if (!check.problems.empty() || !check.administrator)
        context.exit_code = ExitCode::permission;
    else if (!check.unreadable.empty())
        context.exit_code = ExitCode::partial;
}

struct PullCommand {
    bool dry_run = false;
    std::string since;
    std::vector<std::string> spaces;
    bool with_files = false;
    std::string format;
};

nlohmann::ordered_json tally_json(const PullTally& t) {
    return {{"created", t.created},
            {"updated", t.updated},
            {"unchanged", t.unchanged},
            {"skipped", t.skipped}};
}

void print_pull(Context& context, const PullReport& report, const PullCommand& c) {
    if (context.format(c.format) == Format::json) {
        nlohmann::ordered_json j;
        j["dry_run"] = c.dry_run;
        j["written"] = report.written;
        for (const auto& [kind, tally] : report.kinds)
            j["counts"][kind] = tally_json(tally);
        j["skipped"] = nlohmann::ordered_json::object();
        for (const auto& [why, n] : report.skipped_why)
            j["skipped"][why] = n;
        j["warnings"] = report.warnings;
        j["bytes_downloaded"] = report.bytes;
        if (c.dry_run)
            for (const auto& f : pulled_fields())
                j["stored_fields"].push_back(
                    {{"table", f.table}, {"fields", f.fields}, {"from", f.from}});
        context.out << j.dump(2) << '\n';
        return;
    }
    Records records;
    records.columns = {"kind", c.dry_run ? "to create" : "created",
                       c.dry_run ? "to update" : "updated", "unchanged", "skipped"};
    for (const auto& [kind, t] : report.kinds) {
        nlohmann::ordered_json row;
        row[records.columns[0]] = kind;
        row[records.columns[1]] = t.created;
        row[records.columns[2]] = t.updated;
        row[records.columns[3]] = t.unchanged;
        row[records.columns[4]] = t.skipped;
        records.rows.push_back(std::move(row));
    }
    print_records(context.out, records, Format::table);
    for (const auto& [why, n] : report.skipped_why)
        context.out << fmt::format("skipped: {} {}\n", n, why);
    if (report.bytes)
        context.out << fmt::format("downloaded: {} bytes of file versions\n", report.bytes);
    if (c.dry_run) {
        context.out << "\ndry run: nothing was written. A pull stores, field by field:\n";
        Records fields;
        fields.columns = {"table", "fields", "from"};
        for (const auto& f : pulled_fields())
            fields.rows.push_back({{"table", f.table}, {"fields", f.fields}, {"from", f.from}});
        print_records(context.out, fields, Format::table);
    }
}

void platform_pull(Context& context, const PullCommand& c) {
    PullRequest request;
    request.dry_run = c.dry_run;
    request.with_files = c.with_files;
    request.spaces = c.spaces.empty() ? context.platform_settings().spaces : c.spaces;
    if (!c.since.empty()) request.since = day_option("--since", c.since, context.clock().now());
    auto& tracim = context.platform();
    ProgressBar progress(context.err, context.show_progress(), "pulling");
    const PullReport report =
        pull_platform(context.database(), context.blobs(), tracim, request,
                      {context.clock(), context.config().get("actor"), context.countries(),
                       context.config().get("members.default_language"), context.erasures()},
                      [&](const std::string&, std::size_t done, std::size_t total) {
                          progress.update(done, total);
                      });
    progress.finish();
    for (const auto& warning : report.warnings) context.warn(warning);
    print_pull(context, report, c);
    if (!report.skipped_spaces.empty() || !report.unfinished_spaces.empty())
        context.exit_code = ExitCode::partial;
}

struct PushCommand {
    bool dry_run = false;
    std::vector<std::string> members;
    bool memberships = false;
    std::string format;
};

void platform_push(Context& context, const PushCommand& c) {
    const auto& settings = context.platform_settings();
    auto& tracim = context.platform();
    const PushReport report =
        push_platform(context.database(), tracim, {c.dry_run, c.members, c.memberships},
                      {context.clock(), context.config().get("actor"), context.countries(),
                       settings.invite, context.config().get("stats.time_zone")});
    Records records;
    records.columns = {"what", "space", "email", "outcome", "detail"};
    for (const auto& m : report.members)
        records.rows.push_back({{"what", "account"},
                                {"space", ""},
                                {"email", m.email},
                                {"outcome", m.outcome},
                                {"detail", m.detail}});
    for (const auto& m : report.memberships)
        records.rows.push_back({{"what", "membership"},
                                {"space", m.space},
                                {"email", m.email},
                                {"outcome", m.outcome},
                                {"detail", m.detail}});
    records.table_columns = {"what", "space", "email", "outcome"};
    print_records(context.out, records, context.format(c.format));
    context.say(fmt::format("expeer: {} account{}, {} membership change{}, {} failed{}",
                            report.members.size(), report.members.size() == 1 ? "" : "s",
                            report.memberships.size(), report.memberships.size() == 1 ? "" : "s",
                            report.failed, c.dry_run ? "; dry run: nothing was changed" : ""));
    if (report.failed) context.exit_code = ExitCode::partial;
}

} // namespace

void add_platform_commands(CLI::App& group, Context& context, Action& action) {
    {
        auto c = std::make_shared<CheckCommand>();
        auto* check = group.add_subcommand(
            "check", "Whether everything a pull needs works: version, login, rights");
        add_format_option(*check, c->format);
        check->callback([&, c] { action = [&, c] { platform_check(context, *c); }; });
    }
    {
        auto c = std::make_shared<PullCommand>();
        auto* pull = group.add_subcommand(
            "pull", "Bring in accounts, spaces, memberships, news, files and activity");
        pull->add_flag("--dry-run", c->dry_run,
                       "Read and check everything, write nothing; list what would be stored");
        pull->add_option("--since", c->since,
                         "No content or event from before this day (2024-05-01, 7d, yesterday...)");
        pull->add_option(
                "--spaces", c->spaces,
                "Only these spaces' contents and activity, by slug (default: platform.spaces)")
            ->delimiter(',');
        pull->add_flag("--with-files", c->with_files,
                       "Download the bytes of every file version too");
        add_format_option(*pull, c->format);
        pull->callback([&, c] { action = [&, c] { platform_pull(context, *c); }; });
    }
    {
        auto c = std::make_shared<PushCommand>();
        auto* push = group.add_subcommand(
            "push", "Create platform accounts for new members; with --memberships, "
                    "make the platform's memberships match");
        push->add_flag("--dry-run", c->dry_run, "Say what would be done, change nothing");
        push->add_option("--members", c->members,
                         "Only these members: emails, or country=, language=, organisation= "
                         "(default: all active)")
            ->delimiter(',');
        push->add_flag("--memberships", c->memberships,
                       "Also make memberships and roles match expeer's");
        add_format_option(*push, c->format);
        push->callback([&, c] { action = [&, c] { platform_push(context, *c); }; });
    }
}

} // namespace expeer::cli
