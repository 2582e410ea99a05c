// Spaces and their members: each change checked, done in one transaction with its audit
// entry and, for memberships, an activity.
#pragma once

#include "members/member.hpp"
#include "spaces/permissions.hpp"
#include "spaces/space.hpp"

#include <map>
#include <string>
#include <vector>

namespace expeer {

class Clock;
class Database;

struct MembershipBatch {
    std::vector<std::string> done;      // who was added, removed or changed
    std::vector<std::string> unchanged; // already in (or already out, or already that role)
};

struct SpaceMember {
    Membership membership;
    Member member;
};

class SpaceStore;

// The space named by `slug`. Not found is an Error.
Space find_space(SpaceStore& store, const std::string& slug);

// Adds a member to a space, with its audit entry and activity, inside the caller's
// transaction; false if they are in it already.
// `by` is the audit details of who made the change (Authority::audit_details), merged in.
bool join_space(Database& db, const Space& space, std::int64_t member_id, const std::string& role,
                const std::string& at, const std::string& actor, const Authority& by = {});

class SpaceRegistry {
public:
    SpaceRegistry(Database& db, const Clock& clock, std::string actor);

    Space create(const std::string& slug, const SpaceChanges& changes);
    Space update(const std::string& slug, const SpaceChanges& changes);
    // Archived spaces keep their content and members, and leave the listings.
    bool set_archived(const std::string& slug, bool archived);
    Space get(const std::string& slug);
    std::vector<Space> list(const SpaceFilter& filter); // by slug
    std::map<std::int64_t, Space> all();

    // From now on the membership batches below (not join_spaces) are made on behalf of
    // `acting.as`, who must be a space manager of the space (spaces/permissions.hpp), or with
    // --as-admin. Without a call, the administrator running expeer makes them, as before.
    void act_as(const Acting& acting);

    // Each is all or nothing: an unknown member or space refuses the whole batch.
    MembershipBatch add_members(const std::string& slug, const std::vector<std::string>& who,
                                const std::optional<std::string>& role);
    MembershipBatch remove_members(const std::string& slug, const std::vector<std::string>& who);
    MembershipBatch set_role(const std::string& slug, const std::vector<std::string>& who, const std::string& role);
    // The current members of `from` join `to`, with `role` or the role they have in `from`.
    MembershipBatch copy_members(const std::string& from, const std::string& to, const std::optional<std::string>& role);
    // One member joins several spaces.
    MembershipBatch join_spaces(const std::string& who, const std::vector<std::string>& slugs,
                                const std::optional<std::string>& role);
    std::vector<SpaceMember> members_of(const std::string& slug, bool include_former);

private:
    struct Joiner; // resolves people and records joins, inside a batch's transaction
    std::string now() const;
    template <typename Check, typename Each>
    MembershipBatch for_each_person(const std::string& slug, const std::vector<std::string>& who, Check&& check, Each&& each);

    // Checks that the acting member may manage `space`'s members (may read `source`'s, for a
    // copy), and remembers their authority for the audit entries.
    void authorize_management(const Space& space, const Space* source = nullptr);

    Database& db_;
    const Clock& clock_;
    std::string actor_;
    std::optional<Acting> acting_;
    Authority authority_; // of acting_, for the batch being made
};

} // namespace expeer
