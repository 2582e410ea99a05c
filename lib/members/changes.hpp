// How checked changes become a member: shared by `members add|update` and the import, so a
// row of a file means exactly what the same options would.
#pragma once

#include "members/member.hpp"

#include <string>
#include <vector>

namespace expeer {

struct ChangeContext {
    std::string now;                    // ISO 8601 UTC
    std::string today;                  // YYYY-MM-DD
    std::string default_language;
    std::string consent_source;         // when the input gives none: "expeer members import"
    std::optional<std::string> consent_at; // when the consent's own date is known (a form's)
};

// A new member from normalised changes; email and name must be set.
Member new_member(const MemberChanges& changes, const ChangeContext& context);

struct AppliedChanges {
    std::vector<std::string> fields; // names of the fields that changed, for the audit log
    bool consent_changed = false;
};

// Applies normalised changes to `member`; what equals the current value is not a change.
AppliedChanges apply_changes(Member& member, const MemberChanges& changes, const ChangeContext& context);

} // namespace expeer
