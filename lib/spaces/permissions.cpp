#include "spaces/permissions.hpp"

#include "members/registry.hpp"
#include "spaces/visibility.hpp"
#include "store/member_store.hpp"
#include "store/space_store.hpp"
#include "util/invalid_input.hpp"
#include "util/printable.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace expeer {

namespace {

// reader 0 ... space-manager 3, the order of space_vocabulary::roles(); -1: not a role.
int rank_of(const std::string& role) {
    const auto& roles = space_vocabulary::roles();
    const auto it = std::find(roles.begin(), roles.end(), role);
    return it == roles.end() ? -1 : static_cast<int>(it - roles.begin());
}

bool changes_content(SpaceAction action) {
    return action == SpaceAction::post || action == SpaceAction::add_files || action == SpaceAction::change_own ||
           action == SpaceAction::change_others;
}

} // namespace

const std::string& role_needed(SpaceAction action) {
    const auto& roles = space_vocabulary::roles();
    switch (action) {
    case SpaceAction::read: return roles[0];
    case SpaceAction::post:
    case SpaceAction::add_files:
    case SpaceAction::change_own: return roles[1];
    case SpaceAction::change_others: return roles[2];
    case SpaceAction::manage_members: return roles[3];
    }
    return roles[3]; // not reached: every action is above
}

Verdict decide(SpaceAction action, const Standing& s) {
    if (s.status != "active") return {Refusal::status, "the member is " + s.status};
    if (s.space_archived && changes_content(action))
        return {Refusal::archived, "is archived: its content can be read, not changed"};
    // As on Tracim, an administrator manages any space's members, and reads or writes
    // nothing in a space they are not in.
    if (action == SpaceAction::manage_members && s.profile == "admin") return {};
    if (!s.role) {
        if (action == SpaceAction::read && s.space_public) return {};
        return {Refusal::role, "not a member of it"};
    }
    if (rank_of(*s.role) >= rank_of(role_needed(action))) return {};
    return {Refusal::role, "their role there is " + *s.role};
}

std::string Authority::audit_details(std::string extra_json) const {
    auto details = nlohmann::json::parse(extra_json);
    if (member) details["as"] = member->id;
    if (override_used) details["override"] = "as-admin";
    return details.empty() ? "" : details.dump();
}

namespace {

std::string phrase(SpaceAction action) {
    switch (action) {
    case SpaceAction::read: return "read";
    case SpaceAction::post: return "post";
    case SpaceAction::add_files: return "add files";
    case SpaceAction::change_own:
    case SpaceAction::change_others: return "change content";
    case SpaceAction::manage_members: return "manage members";
    }
    return "act";
}

std::string person(const Member& m) {
    return m.status == "erased" ? fmt::format("member {}", m.id) : fmt::format("'{}'", printable(m.email));
}

} // namespace

Authority authorize(Database& db, const Space& space, const std::optional<Member>& member, bool as_admin,
                    SpaceAction action, std::string_view what) {
    const std::string tried = what.empty() ? phrase(action) : std::string(what);
    Standing standing;
    standing.space_archived = space.archived_on.has_value();
    if (member) {
        standing.status = member->status;
        standing.profile = member->profile;
        SpaceStore spaces(db);
        if (const auto membership = spaces.current_membership(space.id, member->id)) standing.role = membership->role;
        if (action == SpaceAction::read && !standing.role) standing.space_public = is_public(space, spaces.all());
    } else if (!as_admin) {
        throw Error(ErrorKind::usage, fmt::format("who may {} in space '{}'? name them with --as MEMBER, or act as an "
                                                  "administrator with --as-admin",
                                                  tried, space.slug));
    }
    // The operator alone, with --as-admin: only what no one could do stays refused.
    const Verdict verdict = decide(action, member ? standing : Standing{"active", "admin", "space-manager", true,
                                                                         standing.space_archived});
    if (verdict.refusal == Refusal::archived) throw InvalidInput({{"space", space.slug, verdict.reason}});
    if (verdict.refusal == Refusal::none) return {member, !member};
    if (verdict.refusal == Refusal::role && as_admin) return {member, true};
    const std::string who = person(*member);
    if (verdict.refusal == Refusal::status)
        throw Error(ErrorKind::permission,
                    fmt::format("{} may not {} in space '{}': {}", who, tried, space.slug, verdict.reason));
    throw Error(ErrorKind::permission, fmt::format("{} may not {} in space '{}': {}; that needs the role {}", who, tried,
                                                   space.slug, verdict.reason, role_needed(action)));
}

Authority authorize(Database& db, const Space& space, const Acting& acting, SpaceAction action, std::string_view what) {
    std::optional<Member> member;
    if (acting.as) {
        MemberStore members(db);
        member = find_member(members, *acting.as);
    }
    return authorize(db, space, member, acting.as_admin, action, what);
}

} // namespace expeer
