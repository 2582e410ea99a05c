// Who may do what in a space. One rule, the roles of the collaboration platform (Tracim's
// backend/doc/roles.md), asked by every command that reads or changes a space on someone's
// behalf; nothing else decides:
//
//   reader           reads the news, comments and files
//   contributor      also posts news, comments, adds files, and changes or deletes what
//                    they wrote themselves
//   content-manager  also changes and deletes what others wrote (moderation)
//   space-manager    also adds and removes members and changes their roles
//
// Someone who is not a member may read a public space (open, under open spaces only: anyone
// may join it) and nothing else; a platform administrator (member profile `admin`) may also
// manage any space's members, as on Tracim, but has no other right in a space they are not
// in. A disabled or erased member may do nothing. An archived space can be read and its
// members managed; its content no longer changes. The operator may lift a refusal that is
// about roles with --as-admin; the audit entry then says so.
#pragma once

#include "members/member.hpp"
#include "spaces/space.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace expeer {

class Database;

enum class SpaceAction {
    read,           // reader
    post,           // news and comments: contributor
    add_files,      // contributor
    change_own,     // edit, move or delete what one wrote: contributor
    change_others,  // ... what someone else wrote: content-manager
    manage_members, // space-manager
};

// The role an action needs.
const std::string& role_needed(SpaceAction action);

// What the rule looks at, so that it is decided (and tested) without a database.
struct Standing {
    std::string status = "active";   // the member's: active | disabled | erased
    std::string profile = "member";  // member | trusted | admin
    std::optional<std::string> role; // in the space; none: not a member of it
    bool space_public = false;       // visibility.hpp
    bool space_archived = false;
};

enum class Refusal {
    none,
    role,     // the role (or no role) is not enough: --as-admin may lift it
    status,   // a disabled or erased member: nothing lifts it
    archived, // the content of an archived space does not change: restore it first
};

struct Verdict {
    Refusal refusal = Refusal::none;
    std::string reason; // for the message: "their role there is reader", "not a member of it"
    bool allowed() const { return refusal == Refusal::none; }
};

Verdict decide(SpaceAction action, const Standing& standing);

// Who is acting, as the command line names them.
struct Acting {
    std::optional<std::string> as; // a member: email address or id
    bool as_admin = false;         // the operator, as an administrator, overriding the roles
};

// Who was allowed, for the audit entry and the content's author.
struct Authority {
    std::optional<Member> member; // the member --as named
    bool override_used = false;   // --as-admin lifted a refusal (or stood in for a member)
    // {"as": 12, "override": "as-admin"} as far as they apply: merged into audit details.
    std::string audit_details(std::string extra_json = "{}") const;
};

// Checks that `member` (none: the operator with --as-admin alone) may do `action` in `space`.
// A refusal throws: Error(permission) naming the person, the space, their role and the role
// needed; for an archived space, InvalidInput like any other state the input cannot change.
// `what` says what was tried, for the message: "post news", "delete news 4".
Authority authorize(Database& db, const Space& space, const std::optional<Member>& member, bool as_admin,
                    SpaceAction action, std::string_view what);

// The same, resolving `acting.as` first (an unknown member is an Error, not found). Neither
// --as nor --as-admin is a usage error: someone must be acting.
Authority authorize(Database& db, const Space& space, const Acting& acting, SpaceAction action, std::string_view what);

} // namespace expeer
