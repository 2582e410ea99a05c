#include "spaces/registry.hpp"

#include "members/registry.hpp"
#include "spaces/visibility.hpp"
#include "store/activity_store.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/member_store.hpp"
#include "store/space_store.hpp"
#include "util/clock.hpp"
#include "util/invalid_input.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace expeer {

namespace space_vocabulary {
const std::vector<std::string>& accesses() {
    static const std::vector<std::string> v = {"open", "on-request", "confidential"};
    return v;
}
const std::vector<std::string>& kinds() {
    static const std::vector<std::string> v = {"thematic", "regional", "project"};
    return v;
}
const std::vector<std::string>& roles() {
    static const std::vector<std::string> v = {"reader", "contributor", "content-manager", "space-manager"};
    return v;
}
} // namespace space_vocabulary

namespace {

void check_choice(std::vector<FieldError>& errors, const char* field, const std::optional<std::string>& value,
                  const std::vector<std::string>& choices) {
    if (value && std::find(choices.begin(), choices.end(), *value) == choices.end())
        errors.push_back({field, shown_value(*value), fmt::format("must be one of {}", fmt::join(choices, ", "))});
}

// A label is one line, a description may have several; both are stored in NFC.
void check_text(std::vector<FieldError>& errors, const char* field, const std::optional<std::string>& value,
                std::size_t max_length, bool multi_line) {
    if (!value) return;
    auto problem = multi_line
                       ? text::multi_line_problem(*value)
                       : text::single_line_field_problem(*value, text::limit_for(max_length));
    if (!problem && multi_line) problem = text::length_problem(*value, text::limit_for(max_length));
    if (problem) errors.push_back({field, shown_value(*value), *problem});
}

std::optional<std::string> composed(const std::optional<std::string>& value) {
    return value ? std::optional(text::nfc(*value)) : std::nullopt;
}

void record_membership_change(Database& db, const std::string& action, const Space& space, std::int64_t member_id,
                              const std::string& at, const std::string& actor, const std::string& what,
                              const Authority& by) {
    record_audit(db, {0, at, actor, action, "space", std::to_string(space.id),
                      by.audit_details(nlohmann::json{{"member", member_id}}.dump())});
    record_activity(db, {0, std::nullopt, at, member_id, "membership", space.id, what});
}

} // namespace

Space find_space(SpaceStore& store, const std::string& slug) {
    auto space = store.find_by_slug(slug);
    if (!space) throw Error(ErrorKind::not_found, fmt::format("no space '{}'", slug));
    return *space;
}

bool join_space(Database& db, const Space& space, std::int64_t member_id, const std::string& role,
                const std::string& at, const std::string& actor, const Authority& by) {
    SpaceStore spaces(db);
    if (spaces.current_membership(space.id, member_id)) return false;
    spaces.open_membership(space.id, member_id, role, at);
    record_membership_change(db, "membership.add", space, member_id, at, actor, "joined as " + role, by);
    return true;
}

SpaceRegistry::SpaceRegistry(Database& db, const Clock& clock, std::string actor)
    : db_(db), clock_(clock), actor_(std::move(actor)) {}

std::string SpaceRegistry::now() const { return format_timestamp(clock_.now()); }

void SpaceRegistry::act_as(const Acting& acting) { acting_ = acting; }

void SpaceRegistry::authorize_management(const Space& space, const Space* source) {
    authority_ = {};
    if (!acting_) return;
    if (source) authorize(db_, *source, *acting_, SpaceAction::read, "copy the members of a space");
    authority_ = authorize(db_, space, *acting_, SpaceAction::manage_members, "manage members");
}

// Applies checked changes to `space`; the parent must exist and not be the space or below it.
static std::vector<std::string> apply_space_changes(SpaceStore& store, Space& space, const SpaceChanges& c,
                                                    std::vector<FieldError>& errors) {
    check_text(errors, "label", c.label, 200, false);
    if (c.label && c.label->empty()) errors.push_back({"label", "", "must not be empty"});
    check_text(errors, "description", c.description, 2000, true);
    check_choice(errors, "access", c.access, space_vocabulary::accesses());
    check_choice(errors, "kind", c.kind, space_vocabulary::kinds());
    check_choice(errors, "default role", c.default_role, space_vocabulary::roles());
    if (c.created_on && !parse_date(*c.created_on))
        errors.push_back({"creation date", shown_value(*c.created_on), "must be a date as YYYY-MM-DD"});
    std::optional<std::optional<std::int64_t>> parent;
    if (c.parent) {
        if (c.parent->empty()) {
            parent = std::optional<std::int64_t>();
        } else if (auto p = store.find_by_slug(*c.parent)) {
            // Walk up from the new parent: meeting the space itself would make a cycle.
            const auto spaces = store.all();
            bool cycle = space.id != 0 && p->id == space.id;
            for (auto up = p->parent_id; up && !cycle; up = spaces.at(*up).parent_id) cycle = *up == space.id;
            if (cycle) errors.push_back({"parent", *c.parent, fmt::format("is '{}' or below it: a space cannot be its own ancestor", space.slug)});
            else parent = std::optional<std::int64_t>(p->id);
        } else {
            errors.push_back({"parent", shown_value(*c.parent), "no such space"});
        }
    }
    if (!errors.empty()) return {};
    std::vector<std::string> changed;
    const auto apply = [&](auto& field, const auto& value, const char* name) {
        if (value && field != *value) {
            field = *value;
            changed.push_back(name);
        }
    };
    apply(space.label, composed(c.label), "label");
    if (c.description) {
        const auto d = c.description->empty() ? std::nullopt : composed(c.description);
        if (d != space.description) {
            space.description = d;
            changed.push_back("description");
        }
    }
    apply(space.access, c.access, "access");
    apply(space.kind, c.kind, "kind");
    apply(space.parent_id, parent, "parent");
    apply(space.default_role, c.default_role, "default role");
    apply(space.created_on, c.created_on, "creation date");
    return changed;
}

Space SpaceRegistry::create(const std::string& slug, const SpaceChanges& changes) {
    return db_.write([&](Write& w) {
        SpaceStore store(db_);
        std::vector<FieldError> errors;
        if (!text::is_slug(slug))
            errors.push_back({"slug", shown_value(slug), "must be lower-case letters, digits and single dashes, 64 at most"});
        else if (store.find_by_slug(slug))
            errors.push_back({"slug", slug, "is already a space's"});
        if (!changes.label) errors.push_back({"label", "", "is required"});
        Space space;
        space.slug = slug;
        space.created_on = format_date(date_of(clock_.now()));
        apply_space_changes(store, space, changes, errors);
        if (!errors.empty()) throw InvalidInput(std::move(errors));
        space.created_at = space.updated_at = now();
        space.id = store.insert(space);
        w.audit({0, space.created_at, actor_, "space.create", "space", std::to_string(space.id), ""});
        return space;
    });
}

Space SpaceRegistry::update(const std::string& slug, const SpaceChanges& changes) {
    return db_.write([&](Write& w) {
        SpaceStore store(db_);
        Space space = find_space(store, slug);
        std::vector<FieldError> errors;
        const auto changed = apply_space_changes(store, space, changes, errors);
        if (!errors.empty()) throw InvalidInput(std::move(errors));
        if (changed.empty()) return space;
        space.updated_at = now();
        store.update(space);
        w.audit({0, space.updated_at, actor_, "space.update", "space", std::to_string(space.id),
                 nlohmann::json{{"fields", changed}}.dump()});
        return space;
    });
}

bool SpaceRegistry::set_archived(const std::string& slug, bool archived) {
    return db_.write([&](Write& w) {
        SpaceStore store(db_);
        Space space = find_space(store, slug);
        if (space.archived_on.has_value() == archived) return false;
        space.archived_on = archived ? std::optional(format_date(date_of(clock_.now()))) : std::nullopt;
        space.updated_at = now();
        store.update(space);
        w.audit({0, space.updated_at, actor_, archived ? "space.archive" : "space.restore", "space",
                 std::to_string(space.id), ""});
        return true;
    });
}

Space SpaceRegistry::get(const std::string& slug) {
    SpaceStore store(db_);
    return find_space(store, slug);
}

std::map<std::int64_t, Space> SpaceRegistry::all() { return SpaceStore(db_).all(); }

std::vector<Space> SpaceRegistry::list(const SpaceFilter& filter) {
    const auto spaces = all();
    std::vector<Space> out;
    for (const auto& [id, space] : spaces) {
        if (space.archived_on && !filter.include_archived) continue;
        if (filter.access && space.access != *filter.access) continue;
        if (filter.kind && space.kind != *filter.kind) continue;
        if (filter.public_only && !is_public(space, spaces)) continue;
        out.push_back(space);
    }
    std::sort(out.begin(), out.end(), [](const Space& a, const Space& b) { return a.slug < b.slug; });
    return out;
}

// Resolves every member and checks the role before anything is written.
struct SpaceRegistry::Joiner {
    SpaceRegistry& registry;
    SpaceStore spaces;
    MemberStore members;

    explicit Joiner(SpaceRegistry& r) : registry(r), spaces(r.db_), members(r.db_) {}

    std::vector<Member> resolve(const std::vector<std::string>& who) {
        std::vector<Member> found;
        std::vector<FieldError> errors;
        for (const auto& w : who) {
            try {
                Member m = find_member(members, w);
                if (m.status == "erased") errors.push_back({"member", w, "was erased"});
                else found.push_back(std::move(m));
            } catch (const Error&) {
                errors.push_back({"member", shown_value(w), "no such member"});
            }
        }
        if (!errors.empty()) throw InvalidInput(std::move(errors));
        return found;
    }

    void record(const std::string& action, const Space& space, const Member& m, const std::string& at,
                const std::string& what) {
        record_membership_change(registry.db_, action, space, m.id, at, registry.actor_, what, registry.authority_);
    }

    bool join(const Space& space, const Member& m, const std::string& role, const std::string& at) {
        return join_space(registry.db_, space, m.id, role, at, registry.actor_, registry.authority_);
    }
};

// For batches that need no check over everyone first.
static const auto no_check = [](auto&, const Space&, const std::vector<Member>&) {};

static void check_role(const std::optional<std::string>& role) {
    std::vector<FieldError> errors;
    check_choice(errors, "role", role, space_vocabulary::roles());
    if (!errors.empty()) throw InvalidInput(std::move(errors));
}

// The frame of a batch on one space: one transaction, the space and every person resolved
// and `check`ed before anything is written, one time for all. `each` handles one person.
template <typename Check, typename Each>
MembershipBatch SpaceRegistry::for_each_person(const std::string& slug, const std::vector<std::string>& who, Check&& check,
                                               Each&& each) {
    return db_.write([&](Write&) {
        Joiner j(*this);
        const Space space = find_space(j.spaces, slug);
        authorize_management(space);
        const auto people = j.resolve(who);
        check(j, space, people);
        const std::string at = now();
        MembershipBatch batch;
        for (const auto& m : people) (each(j, space, m, at) ? batch.done : batch.unchanged).push_back(m.email);
        return batch;
    });
}

MembershipBatch SpaceRegistry::add_members(const std::string& slug, const std::vector<std::string>& who,
                                           const std::optional<std::string>& role) {
    check_role(role);
    return for_each_person(slug, who, no_check, [&](Joiner& j, const Space& space, const Member& m, const std::string& at) {
        return j.join(space, m, role.value_or(space.default_role), at);
    });
}

MembershipBatch SpaceRegistry::remove_members(const std::string& slug, const std::vector<std::string>& who) {
    return for_each_person(slug, who, no_check, [&](Joiner& j, const Space& space, const Member& m, const std::string& at) {
        const auto current = j.spaces.current_membership(space.id, m.id);
        if (!current) return false;
        j.spaces.close_membership(current->id, at);
        j.record("membership.remove", space, m, at, "left");
        return true;
    });
}

MembershipBatch SpaceRegistry::set_role(const std::string& slug, const std::vector<std::string>& who,
                                        const std::string& role) {
    check_role(role);
    // Every person who is not in the space is reported at once, before anything is written.
    const auto all_in_space = [&](Joiner& j, const Space& space, const std::vector<Member>& people) {
        std::vector<FieldError> errors;
        for (const auto& m : people)
            if (!j.spaces.current_membership(space.id, m.id))
                errors.push_back({"member", m.email, fmt::format("is not in space '{}'", slug)});
        if (!errors.empty()) throw InvalidInput(std::move(errors));
    };
    return for_each_person(slug, who, all_in_space, [&](Joiner& j, const Space& space, const Member& m, const std::string& at) {
        const auto current = j.spaces.current_membership(space.id, m.id); // there: checked above
        if (current->role == role) return false;
        j.spaces.set_role(current->id, role);
        j.record("membership.role", space, m, at, "now " + role);
        return true;
    });
}

MembershipBatch SpaceRegistry::copy_members(const std::string& from, const std::string& to,
                                            const std::optional<std::string>& role) {
    check_role(role);
    return db_.write([&](Write&) {
        Joiner j(*this);
        const Space source = find_space(j.spaces, from);
        const Space target = find_space(j.spaces, to);
        authorize_management(target, &source);
        const std::string at = now();
        MembershipBatch batch;
        for (const auto& membership : j.spaces.memberships_of_space(source.id, false)) {
            const auto m = j.members.find_by_id(membership.member_id);
            const bool joined = j.join(target, *m, role.value_or(membership.role), at);
            (joined ? batch.done : batch.unchanged).push_back(m->email);
        }
        return batch;
    });
}

MembershipBatch SpaceRegistry::join_spaces(const std::string& who, const std::vector<std::string>& slugs,
                                           const std::optional<std::string>& role) {
    check_role(role);
    return db_.write([&](Write&) {
        Joiner j(*this);
        authority_ = {}; // the administrator's: acting_ is not for this one
        const Member m = j.resolve({who}).front();
        std::vector<Space> spaces;
        std::vector<FieldError> errors;
        for (const auto& slug : slugs) {
            if (auto s = j.spaces.find_by_slug(slug)) spaces.push_back(*s);
            else errors.push_back({"space", shown_value(slug), "no such space"});
        }
        if (!errors.empty()) throw InvalidInput(std::move(errors));
        const std::string at = now();
        MembershipBatch batch;
        for (const auto& space : spaces)
            (j.join(space, m, role.value_or(space.default_role), at) ? batch.done : batch.unchanged).push_back(space.slug);
        return batch;
    });
}

std::vector<SpaceMember> SpaceRegistry::members_of(const std::string& slug, bool include_former) {
    SpaceStore spaces(db_);
    MemberStore members(db_);
    const Space space = find_space(spaces, slug);
    std::vector<SpaceMember> out;
    for (const auto& membership : spaces.memberships_of_space(space.id, include_former))
        out.push_back({membership, *members.find_by_id(membership.member_id)});
    return out;
}

} // namespace expeer
