// The registry part of a pull: accounts to members, spaces, memberships and roles.
#include "members/changes.hpp"
#include "members/erasure_list.hpp"
#include "members/validation.hpp"
#include "members/vocabulary.hpp"
#include "platform/pull_steps.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/member_store.hpp"
#include "store/platform_store.hpp"
#include "store/space_store.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>

namespace expeer {

namespace {

class RegistryPull {
  public:
    RegistryPull(Database& db, const PullContext& context, PullReport& report)
        : db_(db), context_(context), report_(report), members_(db), spaces_(db), platform_(db) {
        const TimePoint now = context.clock.now();
        now_ = format_timestamp(now);
        today_ = format_date(date_of(now));
    }

    void members(const std::vector<TracimUser>& users, PulledRegistry& out) {
        auto& tally = report_["members"];
        context_.erasures.check_matches(db_);
        for (const auto& user : users) {
            if (user.is_deleted) continue; // the platform lists none; a deleted account is gone
            if (!user.email || user.email->empty()) {
                report_.skip("members", "accounts without an email");
                continue;
            }
            if (const auto id = member(user, tally)) out.members.emplace(user.id, *id);
        }
    }

    void spaces(const std::vector<TracimSpace>& spaces, PulledRegistry& out) {
        auto& tally = report_["spaces"];
        auto linked = platform_.spaces_by_external_id();
        std::set<std::string> seen;
        // Parents first, so that each child finds its parent's local id.
        std::vector<const TracimSpace*> order;
        for (const auto& s : spaces)
            order.push_back(&s);
        std::map<std::int64_t, const TracimSpace*> by_id;
        for (const auto& s : spaces)
            by_id[s.id] = &s;
        auto depth = [&](const TracimSpace* s) {
            int d = 0;
            for (auto p = s->parent_id; p && by_id.count(*p) && d < 64; p = by_id[*p]->parent_id)
                ++d;
            return d;
        };
        std::stable_sort(order.begin(), order.end(),
                         [&](auto* a, auto* b) { return depth(a) < depth(b); });
        for (const auto* s : order) {
            const std::string ext = platform_id("space", s->id);
            seen.insert(ext);
            out.spaces[s->id] = space(*s, ext, linked, out, tally);
        }
        // A space deleted on the platform is archived here: its history stays counted.
        for (const auto& [ext, id] : linked)
            if (!seen.count(ext)) {
                auto local = spaces_.find_by_id(id);
                if (!local || local->archived_on) continue;
                local->archived_on = today_;
                local->updated_at = now_;
                spaces_.update(*local);
                ++tally.updated;
            }
    }

    void memberships(const std::map<std::int64_t, std::vector<TracimMember>>& members,
                     const PulledRegistry& registry) {
        auto& tally = report_["memberships"];
        for (const auto& [platform_space, list] : members) {
            const auto space = registry.spaces.find(platform_space);
            if (space == registry.spaces.end()) continue;
            std::set<std::int64_t> present;
            for (const auto& m : list) {
                const auto member = registry.members.find(m.user_id);
                if (member == registry.members.end()) {
                    report_.skip("memberships", "members whose account is not brought in");
                    continue;
                }
                present.insert(member->second);
                const std::string role = space_role_from_tracim(m.role);
                const auto current = spaces_.current_membership(space->second, member->second);
                if (!current) {
                    spaces_.open_membership(space->second, member->second, role, now_);
                    audit_membership("membership.add", space->second, member->second);
                    ++tally.created;
                } else if (current->role != role) {
                    spaces_.set_role(current->id, role);
                    audit_membership("membership.role", space->second, member->second);
                    ++tally.updated;
                } else {
                    ++tally.unchanged;
                }
            }
            // Who left the space on the platform leaves it here; people who have no account
            // there are expeer's own business.
            for (const auto& m : spaces_.memberships_of_space(space->second, false)) {
                if (present.count(m.member_id)) continue;
                const auto member = members_.find_by_id(m.member_id);
                if (!member || !member->external_id ||
                    !member->external_id->starts_with("tracim:user:"))
                    continue;
                spaces_.close_membership(m.id, now_);
                audit_membership("membership.remove", space->second, m.member_id);
                ++tally.updated;
            }
        }
    }

  private:
    // As the space registry records them; the activity comes from the platform's feed.
    void audit_membership(const char* action, std::int64_t space, std::int64_t member) {
        record_audit(db_, {0, now_, context_.actor, action, "space", std::to_string(space),
                           nlohmann::json{{"member", member}, {"source", "platform"}}.dump()});
    }

    std::optional<std::int64_t> member(const TracimUser& user, PullTally& tally) {
        const std::string ext = platform_id("user", user.id);
        std::optional<Member> existing = members_.find_by_external_id(ext);
        if (!existing) {
            existing = members_.find_by_email(*user.email);
            if (existing && existing->external_id && *existing->external_id != ext) {
                report_.skip("members", "an email already linked to another platform account");
                return std::nullopt;
            }
        }
        // Erased here, and the platform still has the account (or it came back under a new
        // one): the person asked to be forgotten; `members add --allow-erased` brings them back.
        if (!existing && context_.erasures.find(*user.email)) {
            report_.skip("members", "erased at the person's request: not brought back");
            return std::nullopt;
        }
        MemberChanges input;
        input.email = *user.email;
        input.display_name = user.public_name;
        if (vocabulary::language(user.lang)) input.language = user.lang;
        input.profile = profile_from_tracim(user.profile);
        input.status = user.is_active ? "active" : "disabled";
        input.external_id = ext;
        if (!existing) input.registered_on = user.created.substr(0, 10);
        const NormalizedChanges normalized = normalize_changes(input, context_.countries);
        if (!normalized.errors.empty()) {
            report_.skip("members", fmt::format("accounts whose {} is not valid here",
                                                normalized.errors.front().field));
            return std::nullopt;
        }
        const ChangeContext change{now_, today_, context_.default_language, "expeer platform pull",
                                   std::nullopt};
        if (!existing) {
            Member m = new_member(normalized.changes, change);
            m.id = members_.insert(m);
            record_audit(db_, {0, now_, context_.actor, "member.add", "member",
                               std::to_string(m.id), R"({"source":"platform"})"});
            ++tally.created;
            return m.id;
        }
        if (existing->status == "erased") {
            report_.skip("members", "erased here: not brought back");
            return std::nullopt;
        }
        if (members_.key_for(existing->email) != members_.key_for(*user.email))
            if (const auto other = members_.find_by_email(*user.email);
                other && other->id != existing->id) {
                report_.skip("members", "a new email that another member has");
                return existing->id;
            }
        Member m = *existing;
        const AppliedChanges applied = apply_changes(m, normalized.changes, change);
        if (applied.fields.empty()) {
            ++tally.unchanged;
            return m.id;
        }
        members_.update(m);
        record_audit(db_,
                     {0, now_, context_.actor, "member.update", "member", std::to_string(m.id),
                      nlohmann::json{{"fields", applied.fields}, {"source", "platform"}}.dump()});
        ++tally.updated;
        return m.id;
    }

    // A platform slug as expeer accepts it, else one made from the id.
    static std::string local_slug(const TracimSpace& s) {
        return text::is_slug(s.slug) ? s.slug : fmt::format("platform-space-{}", s.id);
    }

    std::int64_t space(const TracimSpace& s, const std::string& ext,
                       std::map<std::string, std::int64_t>& linked, const PulledRegistry& so_far,
                       PullTally& tally) {
        std::optional<Space> local;
        if (const auto it = linked.find(ext); it != linked.end())
            local = spaces_.find_by_id(it->second);
        std::string slug = local_slug(s);
        if (!local) {
            // A space of the same slug that was never linked is this one; a linked one is not.
            if (auto same = spaces_.find_by_slug(slug)) {
                const bool taken = std::any_of(linked.begin(), linked.end(),
                                               [&](auto& l) { return l.second == same->id; });
                if (!taken)
                    local = same;
                else
                    slug = fmt::format("{}-{}", slug.substr(0, 50), s.id);
            }
        }
        Space wanted = local.value_or(Space{});
        wanted.label = s.label;
        wanted.access = s.access_type == "on_request" ? "on-request" : s.access_type;
        wanted.default_role = space_role_from_tracim(s.default_user_role);
        wanted.parent_id.reset();
        if (s.parent_id)
            if (const auto p = so_far.spaces.find(*s.parent_id); p != so_far.spaces.end())
                wanted.parent_id = p->second;
        wanted.archived_on.reset();
        if (!local) {
            wanted.slug = slug;
            wanted.created_on = s.created.substr(0, 10);
            wanted.created_at = now_;
            wanted.updated_at = now_;
            wanted.id = spaces_.insert(wanted);
            platform_.link_space(wanted.id, ext);
            linked[ext] = wanted.id;
            record_audit(db_, {0, now_, context_.actor, "space.create", "space",
                               std::to_string(wanted.id), R"({"source":"platform"})"});
            ++tally.created;
            return wanted.id;
        }
        const bool same = local->label == wanted.label && local->access == wanted.access &&
                          local->default_role == wanted.default_role &&
                          local->parent_id == wanted.parent_id && !local->archived_on &&
                          linked.count(ext);
        if (same) {
            ++tally.unchanged;
            return local->id;
        }
        wanted.updated_at = now_;
        spaces_.update(wanted);
        platform_.link_space(wanted.id, ext);
        linked[ext] = wanted.id;
        record_audit(db_, {0, now_, context_.actor, "space.update", "space",
                           std::to_string(wanted.id), R"({"source":"platform"})"});
        ++tally.updated;
        return wanted.id;
    }

    Database& db_;
    const PullContext& context_;
    PullReport& report_;
    MemberStore members_;
    SpaceStore spaces_;
    PlatformStore platform_;
    std::string now_;
    std::string today_;
};

} // namespace

std::size_t apply_visibility(Database& db, const std::set<std::int64_t>& public_spaces,
                             const std::string& now) {
    std::size_t scrubbed = 0;
    PlatformStore platform(db);
    for (const auto& [ext, id] : platform.spaces_by_external_id()) {
        auto cursor = platform.cursor(id);
        if (!cursor) continue; // nothing read from it yet
        const bool now_public = public_spaces.count(id) > 0;
        if (now_public == cursor->pulled_public) continue;
        if (now_public) {
            platform.forget_contents_cursor(id);
        } else {
            platform.scrub_space(id, withheld_title);
            cursor->pulled_public = false;
            platform.save_cursor(id, *cursor, now);
            ++scrubbed;
        }
    }
    return scrubbed;
}

PulledRegistry pull_registry(Database& db, const PlatformDirectory& directory,
                             const PullContext& context, PullReport& report) {
    RegistryPull pull(db, context, report);
    PulledRegistry registry;
    pull.members(directory.users, registry);
    pull.spaces(directory.spaces, registry);
    pull.memberships(directory.members, registry);
    return registry;
}

} // namespace expeer
