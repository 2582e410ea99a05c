// The member registry: adds, changes and finds members, each change checked, done in one
// transaction with its audit entry.
#pragma once

#include "members/changes.hpp"
#include "members/member.hpp"
#include "members/validation.hpp"
#include "util/error.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Clock;
class Countries;
class Database;
struct ErasedAddresses;

struct StatusChange {
    Member member;
    bool changed = false; // false when the member already had that status
};

struct UpdateResult {
    Member member;
    std::vector<std::string> changed_fields; // empty: nothing to change, nothing written
};

class MemberStore;

struct EmailKeyChange {
    EmailKeyRule from = EmailKeyRule::fold;
    EmailKeyRule to = EmailKeyRule::fold;
    std::size_t keys_changed = 0; // members whose key is not what it was
};

// Makes `rule` the database's way of comparing addresses: every member's key is computed again
// and the rule recorded, in one transaction with an audit entry (no address in it). Nothing
// happens when it is already the rule. Two members whose addresses become one are not merged
// behind anyone's back: the change is refused (ErrorKind::data), naming both ids and how to
// resolve it, and nothing is written; addresses are then compared as before.
EmailKeyChange apply_email_key_rule(Database& db, EmailKeyRule rule, const Clock& clock, const std::string& actor);

// What to tell the admin when the database compares addresses by another rule than `wanted`
// (an old database not migrated yet, or members.email_local_part changed), or nothing.
std::optional<std::string> email_key_rule_warning(Database& db, EmailKeyRule wanted);

// The member `who` names: an email (any case) or a numeric id. Not found is an Error.
Member find_member(MemberStore& store, std::string_view who);

class MemberRegistry {
public:
    MemberRegistry(Database& db, const Countries& countries, const Clock& clock, std::string actor);

    // `default_language` is used when the input gives none. An erased person's address is
    // refused unless `erased.allow`.
    Member add(const MemberChanges& input, const std::string& default_language, const ErasedAddresses& erased);
    UpdateResult update(std::string_view who, const MemberChanges& input);
    StatusChange set_status(std::string_view who, const std::string& status);
    // `who` is an email (any case) or a numeric id. Not found is an Error.
    Member get(std::string_view who);
    // Sorted by name as a reader expects, in any script.
    std::vector<Member> list(MemberFilter filter);
    // In id order, one at a time. The filter is checked as for list().
    void for_each(MemberFilter filter, const std::function<void(const Member&)>& visit);

private:
    ChangeContext change_context(const std::string& consent_source, const std::string& default_language) const;

    Database& db_;
    const Countries& countries_;
    const Clock& clock_;
    std::string actor_;
};

} // namespace expeer
