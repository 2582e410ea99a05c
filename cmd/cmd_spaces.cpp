// expeer spaces create|list|show|update|archive|restore, and spaces members add|remove|
// set-role|list|copy|join
#include "commands.hpp"
#include "util/json.hpp"

#include "library/library.hpp"
#include "spaces/registry.hpp"
#include "spaces/visibility.hpp"
#include "util/invalid_input.hpp"

#include <fmt/format.h>

#include <fstream>

namespace expeer::cli {

namespace {

SpaceRegistry registry(Context& context, DatabaseAccess access = DatabaseAccess::read_write) {
    return SpaceRegistry(context.database(access), context.clock(), context.config().get("actor"));
}

// A membership batch on behalf of a space manager named with --as; without --as and
// --as-admin, the administrator running expeer.
SpaceRegistry managing_registry(Context& context, const Acting& acting) {
    SpaceRegistry r = registry(context);
    if (acting.as || acting.as_admin) r.act_as(acting);
    return r;
}

const char* manager_help = "On behalf of this member (email address or id), a space manager of the space";

nlohmann::ordered_json space_json(const Space& s, const std::map<std::int64_t, Space>& all) {
    nlohmann::ordered_json j;
    j["slug"] = s.slug;
    j["label"] = s.label;
    j["access"] = s.access;
    j["kind"] = s.kind;
    j["parent"] = s.parent_id ? nlohmann::ordered_json(all.at(*s.parent_id).slug) : nlohmann::ordered_json(nullptr);
    j["public"] = is_public(s, all);
    j["default_role"] = s.default_role;
    j["created_on"] = s.created_on;
    j["archived_on"] = json_or_null(s.archived_on);
    j["description"] = json_or_null(s.description);
    return j;
}

void add_space_field_options(CLI::App& command, SpaceChanges& c) {
    command.add_option("--label", c.label, "The name people see");
    command.add_option("--description", c.description, "What the space is for");
    command.add_option("--access", c.access, "open, on-request or confidential");
    command.add_option("--kind", c.kind, "thematic, regional or project");
    command.add_option("--parent", c.parent, "The slug of the space it belongs to (empty: none)");
    command.add_option("--default-role", c.default_role,
                       "Role of new members: reader, contributor, content-manager or space-manager");
    command.add_option("--created", c.created_on, "Creation date, YYYY-MM-DD (default: today)");
}

// Members named as arguments, or one a line in a file (blank lines and # comments skipped).
std::vector<std::string> people(const std::vector<std::string>& arguments, const std::string& file) {
    std::vector<std::string> who = arguments;
    if (file.empty()) return who;
    std::ifstream in(file);
    if (!in) throw Error(ErrorKind::no_input, fmt::format("cannot read '{}'", file));
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] == '#') continue;
        who.push_back(line.substr(start, line.find_last_not_of(" \t") - start + 1));
    }
    return who;
}

void report(Context& context, const MembershipBatch& batch, const char* done, const char* unchanged) {
    context.say(fmt::format("expeer: {} {}, {} {}", batch.done.size(), done, batch.unchanged.size(), unchanged));
}

struct MembersCommand {
    std::string space;
    std::vector<std::string> who;
    std::string file;
    std::optional<std::string> role;
    std::string role_required;
    std::string other_space;
    Acting acting;
    bool all = false;
    std::string format;
};

void add_membership_commands(CLI::App& spaces, Context& context, Action& action) {
    auto* group = spaces.add_subcommand("members", "Who is in a space, with which role");
    group->require_subcommand(1);
    {
        auto c = std::make_shared<MembersCommand>();
        auto* add = group->add_subcommand("add", "Add members to a space (all or nothing)");
        add->add_option("space", c->space, "The space's slug")->required();
        add->add_option("members", c->who, "Email addresses or ids");
        add->add_option("--file", c->file, "Also the members in this file, one a line")->check(CLI::ExistingFile);
        add->add_option("--role", c->role, "Their role (default: the space's default role)");
        add_acting_options(*add, c->acting, manager_help);
        add->callback([&, c] {
            action = [&, c] {
                report(context, managing_registry(context, c->acting).add_members(c->space, people(c->who, c->file), c->role), "added",
                       "already members");
            };
        });
    }
    {
        auto c = std::make_shared<MembersCommand>();
        auto* remove = group->add_subcommand("remove", "Take members out of a space (the history stays)");
        remove->add_option("space", c->space, "The space's slug")->required();
        remove->add_option("members", c->who, "Email addresses or ids");
        remove->add_option("--file", c->file, "Also the members in this file, one a line")->check(CLI::ExistingFile);
        add_acting_options(*remove, c->acting, manager_help);
        remove->callback([&, c] {
            action = [&, c] {
                report(context, managing_registry(context, c->acting).remove_members(c->space, people(c->who, c->file)), "removed",
                       "not members");
            };
        });
    }
    {
        auto c = std::make_shared<MembersCommand>();
        auto* set_role = group->add_subcommand("set-role", "Change members' role in a space");
        set_role->add_option("space", c->space, "The space's slug")->required();
        set_role->add_option("role", c->role_required, "reader, contributor, content-manager or space-manager")->required();
        set_role->add_option("members", c->who, "Email addresses or ids")->required();
        add_acting_options(*set_role, c->acting, manager_help);
        set_role->callback([&, c] {
            action = [&, c] {
                report(context, managing_registry(context, c->acting).set_role(c->space, c->who, c->role_required), "changed",
                       "already in that role");
            };
        });
    }
    {
        auto c = std::make_shared<MembersCommand>();
        auto* copy = group->add_subcommand("copy", "Add the current members of one space to another");
        copy->add_option("from", c->space, "The space to copy from")->required();
        copy->add_option("to", c->other_space, "The space to add them to")->required();
        copy->add_option("--role", c->role, "Their role there (default: the role they have in the first)");
        add_acting_options(*copy, c->acting, manager_help);
        copy->callback([&, c] {
            action = [&, c] {
                report(context, managing_registry(context, c->acting).copy_members(c->space, c->other_space, c->role), "added",
                       "already members");
            };
        });
    }
    {
        auto c = std::make_shared<MembersCommand>();
        auto* join = group->add_subcommand("join", "Add one member to several spaces");
        join->add_option("member", c->space, "Email address or id")->required();
        join->add_option("spaces", c->who, "The spaces' slugs")->required();
        join->add_option("--role", c->role, "The role (default: each space's default role)");
        join->callback([&, c] {
            action = [&, c] {
                report(context, registry(context).join_spaces(c->space, c->who, c->role), "spaces joined",
                       "already a member");
            };
        });
    }
    {
        auto c = std::make_shared<MembersCommand>();
        auto* list = group->add_subcommand("list", "List a space's members");
        list->add_option("space", c->space, "The space's slug")->required();
        list->add_flag("--all", c->all, "Former members too, with the date they left");
        add_format_option(*list, c->format);
        list->callback([&, c] {
            action = [&, c] {
                Records records;
                records.columns = {"member_id", "email", "name", "role", "joined_at", "left_at"};
                for (const auto& sm : registry(context, DatabaseAccess::read_only).members_of(c->space, c->all)) {
                    nlohmann::ordered_json row;
                    row["member_id"] = sm.member.id;
                    row["email"] = sm.member.status == "erased" ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(sm.member.email);
                    row["name"] = sm.member.status == "erased" ? "former member" : sm.member.display_name;
                    row["role"] = sm.membership.role;
                    row["joined_at"] = sm.membership.joined_at;
                    row["left_at"] = json_or_null(sm.membership.left_at);
                    records.rows.push_back(std::move(row));
                }
                print_records(context.out, records, context.format(c->format));
            };
        });
    }
}

} // namespace

void add_spaces_commands(CLI::App& group, Context& context, Action& action) {
    {
        auto slug = std::make_shared<std::string>();
        auto changes = std::make_shared<SpaceChanges>();
        auto* create = group.add_subcommand("create", "Create a space");
        create->add_option("slug", *slug, "Short name: lower-case letters, digits and dashes")->required();
        add_space_field_options(*create, *changes);
        create->get_option("--label")->required();
        create->callback([&, slug, changes] {
            action = [&, slug, changes] {
                registry(context).create(*slug, *changes);
                context.say(fmt::format("expeer: created space '{}'", *slug));
            };
        });
    }
    {
        auto filter = std::make_shared<SpaceFilter>();
        auto format = std::make_shared<std::string>();
        auto* list = group.add_subcommand("list", "List spaces, by slug");
        list->add_flag("--all", filter->include_archived, "Archived spaces too");
        list->add_option("--access", filter->access, "Only open, on-request or confidential spaces");
        list->add_option("--kind", filter->kind, "Only thematic, regional or project spaces");
        list->add_flag("--public", filter->public_only, "Only what a public output may show");
        add_format_option(*list, *format);
        list->callback([&, filter, format] {
            action = [&, filter, format] {
                auto r = registry(context, DatabaseAccess::read_only);
                const auto all = r.all();
                Records records;
                records.columns = {"slug", "label", "access", "kind", "parent", "public", "default_role", "created_on",
                                   "archived_on", "description"};
                records.table_columns = {"slug", "label", "access", "kind", "parent", "archived_on"};
                for (const auto& space : r.list(*filter)) records.rows.push_back(space_json(space, all));
                print_records(context.out, records, context.format(*format));
            };
        });
    }
    {
        auto slug = std::make_shared<std::string>();
        auto format = std::make_shared<std::string>();
        auto* show = group.add_subcommand("show", "Show one space");
        show->add_option("slug", *slug, "The space's slug")->required();
        add_format_option(*show, *format);
        show->callback([&, slug, format] {
            action = [&, slug, format] {
                auto r = registry(context, DatabaseAccess::read_only);
                auto record = space_json(r.get(*slug), r.all());
                record["members"] = r.members_of(*slug, false).size();
                record["library_bytes"] = SpaceLibrary(context.database(), context.blobs(), context.clock(),
                                                       context.config().get("actor"), nullptr)
                                              .size_of(*slug);
                print_record(context.out, record, context.format(*format));
            };
        });
    }
    {
        auto slug = std::make_shared<std::string>();
        auto changes = std::make_shared<SpaceChanges>();
        auto* update = group.add_subcommand("update", "Change a space (an empty value clears description or parent)");
        update->add_option("slug", *slug, "The space's slug")->required();
        add_space_field_options(*update, *changes);
        update->callback([&, slug, changes] {
            action = [&, slug, changes] {
                registry(context).update(*slug, *changes);
                context.say(fmt::format("expeer: updated space '{}'", *slug));
            };
        });
    }
    for (const auto& [name, archived, summary] :
         {std::tuple{"archive", true, "Archive a space: kept with its content, left out of listings"},
          std::tuple{"restore", false, "Bring an archived space back"}}) {
        auto slug = std::make_shared<std::string>();
        auto* command = group.add_subcommand(name, summary);
        command->add_option("slug", *slug, "The space's slug")->required();
        const bool archive = archived;
        command->callback([&, slug, archive] {
            action = [&, slug, archive] {
                const bool changed = registry(context).set_archived(*slug, archive);
                context.say(fmt::format("expeer: space '{}' {}{}", *slug, changed ? "" : "was already ",
                                        archive ? "archived" : "active"));
            };
        });
    }
    add_membership_commands(group, context, action);
}

} // namespace expeer::cli
