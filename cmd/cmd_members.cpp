// expeer members add|list|show|update|disable|enable|unsubscribe
#include "commands.hpp"

#include "letter/bounces.hpp"
#include "letter/unsubscribe.hpp"
#include "members/member_json.hpp"
#include "members/registry.hpp"
#include "members/vocabulary.hpp"
#include "store/bounce_store.hpp"

#include <fmt/format.h>

namespace expeer::cli {

namespace {

void add_field_options(CLI::App& command, MemberChanges& c) {
    command.add_option("--name", c.display_name, "Display name, in any script");
    command.add_option("--country", c.country, "ISO code or name in French or English (TN, Tunisie, RDC)");
    command.add_option("--organisation,--organization", c.organisation, "Organisation");
    command.add_option("--occupation", c.occupation,
                       "lawyer, ngo-staff, researcher, activist, journalist or other (French words accepted)");
    command.add_option("--language", c.language, "Preferred language: fr, en, ar, pt, de or es");
    command.add_option("--profile", c.profile, "member, trusted or admin");
    command.add_option("--newsletter", c.newsletter_consent, "Consent to the newsletter: yes or no")
        ->check(CLI::IsMember({"yes", "no"}));
    command.add_option("--consent-source", c.consent_source,
                       "Where the consent was given (\"registration form 2024\")");
    command.add_option("--registered", c.registered_on, "Registration date, YYYY-MM-DD (default: today)");
    command.add_option("--external-id", c.external_id, "The account id on the collaboration platform");
}

MemberRegistry registry(Context& context, DatabaseAccess access = DatabaseAccess::read_write) {
    return MemberRegistry(context.database(access), context.countries(), context.clock(), context.config().get("actor"));
}

Records member_records(const std::vector<Member>& members) {
    Records records;
    records.columns = member_fields();
    records.table_columns = {"id", "name", "email", "country", "language", "occupation", "status"};
    for (const auto& member : members) records.rows.push_back(member_to_json(member));
    return records;
}

struct AddOptions {
    MemberChanges changes;
    bool allow_erased = false;
};

void members_add(Context& context, const AddOptions& options) {
    const Member member = registry(context).add(options.changes, context.config().get("members.default_language"),
                                                {context.erasures(), options.allow_erased});
    context.say(fmt::format("expeer: added member {}", member.id));
}

struct ListOptions {
    MemberFilter filter;
    std::string format;
};

void members_list(Context& context, const ListOptions& options) {
    print_records(context.out, member_records(registry(context, DatabaseAccess::read_only).list(options.filter)),
                  context.format(options.format));
}

struct ShowOptions {
    std::string who;
    std::string format;
};

void members_show(Context& context, const ShowOptions& options) {
    auto& db = context.database(DatabaseAccess::read_only);
    const Member member = registry(context, DatabaseAccess::read_only).get(options.who);
    auto record = member_to_json(member);
    // Only when it applies, so that the usual record keeps its fields.
    if (const auto suspension = current_suspension(db, member))
        record["letter_suspended"] = fmt::format("since {}, after {} {} bounce{}", suspension->suspended_at,
                                                 suspension->bounces, suspension->kind, suspension->bounces == 1 ? "" : "s");
    print_record(context.out, record, context.format(options.format));
}

struct UpdateOptions {
    std::string who;
    MemberChanges changes;
};

void members_update(Context& context, const UpdateOptions& options) {
    const UpdateResult result = registry(context).update(options.who, options.changes);
    if (result.changed_fields.empty())
        context.say(fmt::format("expeer: member {} unchanged", result.member.id));
    else
        context.say(fmt::format("expeer: updated member {}: {}", result.member.id,
                                fmt::join(result.changed_fields, ", ")));
}

void members_set_status(Context& context, const std::string& who, const std::string& status) {
    const StatusChange result = registry(context).set_status(who, status);
    context.say(result.changed ? fmt::format("expeer: member {} is now {}", result.member.id, status)
                               : fmt::format("expeer: member {} was already {}", result.member.id, status));
}

} // namespace

void add_members_commands(CLI::App& group, Context& context, Action& action) {
    {
        auto o = std::make_shared<AddOptions>();
        auto* add = group.add_subcommand("add", "Add a member");
        add->add_option("email", o->changes.email, "Email address, the member's identity in the registry")->required();
        add_field_options(*add, o->changes);
        add->add_flag("--allow-erased", o->allow_erased,
                      "Let back in a person who was erased and asked to come back (audited)");
        add->get_option("--name")->required();
        add->callback([&, o] { action = [&, o] { members_add(context, *o); }; });
    }
    {
        auto o = std::make_shared<ListOptions>();
        auto* list = group.add_subcommand("list", "List members, sorted by name");
        auto& f = o->filter;
        list->add_option("--country", f.country, "Only members of this country (code or name)");
        list->add_option("--status", f.status, "Only active or disabled members");
        list->add_option("--language", f.language, "Only members with this preferred language");
        list->add_option("--organisation,--organization", f.organisation,
                         "Only members whose organisation contains this (accents and case aside)");
        list->add_option("--search", f.text, "Only members whose name, email or organisation contains this");
        add_format_option(*list, o->format);
        list->callback([&, o] { action = [&, o] { members_list(context, *o); }; });
    }
    {
        auto o = std::make_shared<ShowOptions>();
        auto* show = group.add_subcommand("show", "Show one member");
        show->add_option("member", o->who, "Email address or numeric id")->required();
        add_format_option(*show, o->format);
        show->callback([&, o] { action = [&, o] { members_show(context, *o); }; });
    }
    {
        auto o = std::make_shared<UpdateOptions>();
        auto* update = group.add_subcommand("update", "Change a member's fields (an empty value clears an optional one)");
        update->add_option("member", o->who, "Email address or numeric id")->required();
        update->add_option("--email", o->changes.email, "New email address");
        add_field_options(*update, o->changes);
        update->callback([&, o] { action = [&, o] { members_update(context, *o); }; });
    }
    for (const auto& [name, status, summary] :
         {std::tuple{"disable", "disabled", "Disable a member: kept, but left out of mailings and statistics"},
          std::tuple{"enable", "active", "Enable a disabled member again"}}) {
        auto who = std::make_shared<std::string>();
        auto* command = group.add_subcommand(name, summary);
        command->add_option("member", *who, "Email address or numeric id")->required();
        const std::string target = status;
        command->callback([&, who, target] { action = [&, who, target] { members_set_status(context, *who, target); }; });
    }
    {
        auto who = std::make_shared<std::string>();
        auto token = std::make_shared<std::string>();
        auto* unsubscribe = group.add_subcommand("unsubscribe", "Withdraw a member's consent to the newsletter, with the date");
        auto* member = unsubscribe->add_option("member", *who, "Email address or numeric id");
        auto* by_token = unsubscribe->add_option("--token", *token,
                                                 "The token of a one-click unsubscribe link (for the website)");
        member->excludes(by_token);
        unsubscribe->callback([&, who, token] {
            action = [&, who, token] {
                if (who->empty() && token->empty()) throw Error(ErrorKind::usage, "give the member, or --token");
                std::string target = *who;
                std::string source = "unsubscribe";
                if (!token->empty()) {
                    const auto id = verify_unsubscribe_token(context.config().get("letter.token_secret"), *token);
                    if (!id) throw Error(ErrorKind::data, "this unsubscribe link is not valid");
                    target = std::to_string(*id);
                    source = "one-click unsubscribe";
                }
                MemberChanges changes;
                changes.newsletter_consent = false;
                changes.consent_source = source;
                const UpdateResult result = registry(context).update(target, changes);
                // Named by id only: the website runs this, and its logs need no address.
                context.say(result.changed_fields.empty()
                                ? fmt::format("expeer: member {} was not subscribed", result.member.id)
                                : fmt::format("expeer: member {} is unsubscribed", result.member.id));
            };
        });
    }
    add_member_file_commands(group, context, action);
}

} // namespace expeer::cli
