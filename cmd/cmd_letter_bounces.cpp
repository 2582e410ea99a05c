// expeer letter bounces SOURCE: reads returned mail and keeps the list clean (letter/bounces.hpp).
#include "commands.hpp"

#include "letter/bounces.hpp"
#include "letter/mailbox.hpp"
#include "members/registry.hpp"

#include <fmt/format.h>

namespace expeer::cli {

namespace {

struct BouncesOptions {
    std::string source;
    bool dry_run = false;
    std::string format;
};

// The counts in the order a reader looks for them.
std::string summary(const BounceRun& run, bool dry_run) {
    std::vector<std::string> parts;
    for (const char* found : {"hard", "soft", "complaint", "delayed", "unmatched", "not a report", "read before"})
        if (const auto it = run.found.find(found); it != run.found.end()) parts.push_back(fmt::format("{} {}", it->second, found));
    return fmt::format("expeer: read {} messages{}{}; {} {} suspended, {} unsubscribed{}", run.outcomes.size(),
                       parts.empty() ? "" : ": ", fmt::join(parts, ", "), run.suspended,
                       run.suspended == 1 ? "member" : "members", run.unsubscribed,
                       dry_run ? " (dry run: nothing was changed)" : "");
}

void letter_bounces(Context& context, const BouncesOptions& options) {
    auto& config = context.config();
    const auto settings = bounce_settings(config);
    const bool imap = options.source.starts_with("imap://") || options.source.starts_with("imaps://");
    auto mailbox = open_mailbox(options.source, imap ? bounce_mailbox_password(config) : "");
    auto& db = context.database(options.dry_run ? DatabaseAccess::read_only : DatabaseAccess::read_write);
    MemberRegistry registry(db, context.countries(), context.clock(), config.get("actor"));
    const auto run = process_bounces(db, registry, *mailbox, settings, {options.dry_run, config.get("actor")},
                                     context.clock());
    // The member by id: the admin looks them up if they need to; the report is no list of
    // addresses.
    Records records{{"message", "found", "member", "matched_by", "status", "action"}, {}, {}};
    for (const auto& o : run.outcomes)
        records.rows.push_back({{"message", o.where},
                                {"found", o.found},
                                {"member", o.member_id ? nlohmann::ordered_json(*o.member_id) : nlohmann::ordered_json(nullptr)},
                                {"matched_by", o.matched_by},
                                {"status", o.status},
                                {"action", o.action}});
    print_records(context.out, records, context.format(options.format));
    context.say(summary(run, options.dry_run));
}

} // namespace

void add_letter_bounces_command(CLI::App& group, Context& context, Action& action) {
    auto o = std::make_shared<BouncesOptions>();
    auto* bounces = group.add_subcommand("bounces", "Read returned mail: suspend addresses that bounce, unsubscribe "
                                                    "members who complain");
    bounces->add_option("source", o->source, "A Maildir, an mbox file, or imaps://USER@HOST/FOLDER")->required();
    bounces->add_flag("--dry-run", o->dry_run, "Say what would be done; change nothing");
    add_format_option(*bounces, o->format);
    bounces->callback([&, o] { action = [&, o] { letter_bounces(context, *o); }; });
}

} // namespace expeer::cli
