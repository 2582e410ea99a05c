#include "platform/push.hpp"

#include "members/registry.hpp"
#include "platform/pull_steps.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/member_store.hpp"
#include "store/platform_store.hpp"
#include "store/space_store.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"

#include <fmt/format.h>
#include <map>
#include <set>

namespace expeer {

namespace {

struct Selection {
    MemberFilter filter;
    std::set<std::string> emails; // keys
};

Selection selection(const std::vector<std::string>& terms, MemberStore& store) {
    Selection s;
    s.filter.status = "active";
    for (const auto& term : terms) {
        const auto eq = term.find('=');
        if (eq == std::string::npos) {
            s.emails.insert(store.key_for(term));
            continue;
        }
        const std::string key = term.substr(0, eq), value = term.substr(eq + 1);
        if (key == "country")
            s.filter.country = value;
        else if (key == "language")
            s.filter.language = value;
        else if (key == "organisation")
            s.filter.organisation = value;
        else
            throw Error(ErrorKind::usage,
                        fmt::format("--members '{}': expected an email, or country=, language= or "
                                    "organisation=",
                                    term));
    }
    return s;
}

class Push {
  public:
    Push(Database& db, TracimClient& tracim, const PushRequest& request, const PushContext& context)
        : db_(db), tracim_(tracim), request_(request), context_(context) {}

    PushReport run() {
        require_administrator(tracim_, "only an administrator creates accounts and memberships");
        load_accounts();
        accounts();
        if (request_.memberships) memberships();
        report_.written = !request_.dry_run;
        return report_;
    }

  private:
    void load_accounts() {
        by_email_.clear();
        MemberStore store(db_);
        for (const auto& u : tracim_.users())
            if (u.email) by_email_[store.key_for(*u.email)] = u.id;
    }

    void accounts() {
        MemberStore store(db_);
        const Selection wanted = selection(request_.members, store);
        std::vector<Member> members;
        MemberRegistry(db_, context_.countries, context_.clock, context_.actor)
            .for_each(wanted.filter, [&](const Member& m) {
                // An external id is another system's, or the platform's already: left alone.
                if (m.external_id) return;
                if (!wanted.emails.empty() && !wanted.emails.count(store.key_for(m.email))) return;
                members.push_back(m);
            });
        for (const auto& m : members)
            account(m);
    }

    void account(const Member& m) {
        const std::string key = MemberStore(db_).key_for(m.email);
        if (const auto it = by_email_.find(key); it != by_email_.end()) {
            link(m, it->second, request_.dry_run ? "would link" : "linked");
            return;
        }
        if (request_.dry_run) {
            report_.members.push_back({m.email, "would create", ""});
            return;
        }
        try {
            const TracimUser created =
                tracim_.create_user({m.email, m.display_name, profile_to_tracim(m.profile),
                                     m.language, context_.time_zone, context_.invite});
            by_email_[key] = created.id;
            link(m, created.id, "created");
        } catch (const PlatformRefusal& e) {
            if (e.code() ==
                2036) { // the email exists there: created by someone, or by a run that died
                load_accounts();
                if (const auto it = by_email_.find(key); it != by_email_.end()) {
                    link(m, it->second, "linked");
                    return;
                }
            }
            report_.members.push_back({m.email, "failed", e.what()});
            ++report_.failed;
        }
    }

    // Records the platform id at once, in a transaction of its own. An account another
    // member is linked to already is a failure of this member, not of the run.
    void link(const Member& m, std::int64_t user, const std::string& outcome) {
        const std::string ext = platform_id("user", user);
        if (const auto other = MemberStore(db_).find_by_external_id(ext);
            other && other->id != m.id) {
            report_.members.push_back({m.email, "failed",
                                       fmt::format("the platform account {} is member {}'s "
                                                   "already",
                                                   user, other->id)});
            ++report_.failed;
            return;
        }
        report_.members.push_back({m.email, outcome, ""});
        if (request_.dry_run) return;
        const std::string now = format_timestamp(context_.clock.now());
        db_.write([&](Write&) {
            MemberStore store(db_);
            auto current = store.find_by_id(m.id);
            if (!current) return;
            current->external_id = ext;
            current->updated_at = now;
            store.update(*current);
            record_audit(db_,
                         {0, now, context_.actor, "member.update", "member", std::to_string(m.id),
                          R"({"fields":["external id"],"source":"platform push"})"});
        });
    }

    void memberships() {
        MemberStore members(db_);
        SpaceStore spaces(db_);
        for (const auto& [ext, space_id] : PlatformStore(db_).spaces_by_external_id()) {
            const auto space = spaces.find_by_id(space_id);
            if (!space || space->archived_on) continue;
            const auto platform_space = platform_number(ext, "space");
            if (!platform_space) continue;
            std::map<std::int64_t, std::string> there; // user -> role
            try {
                for (const auto& m : tracim_.members(*platform_space))
                    there[m.user_id] = space_role_from_tracim(m.role);
            } catch (const PlatformRefusal& e) {
                if (e.not_found()) continue; // gone from the platform: nothing to match
                if (!e.forbidden()) throw;
                report_.memberships.push_back({space->slug, "", "failed", e.what()});
                ++report_.failed;
                continue;
            }
            std::map<std::int64_t, std::pair<std::string, std::string>> here; // user -> email, role
            for (const auto& m : spaces.memberships_of_space(space_id, false)) {
                const auto member = members.find_by_id(m.member_id);
                const auto user = member && member->external_id
                                      ? platform_number(*member->external_id, "user")
                                      : std::nullopt;
                if (user) here[*user] = {member->email, m.role};
            }
            for (const auto& entry : here) {
                const std::int64_t user = entry.first; // named: lambdas below capture it
                const auto& who = entry.second;
                const auto it = there.find(user);
                if (it == there.end())
                    change(*space, who.first, "added",
                           [&] { tracim_.add_member(*platform_space, user, who.second); });
                else if (it->second != who.second)
                    change(*space, who.first, "role changed",
                           [&] { tracim_.set_role(*platform_space, user, who.second); });
            }
            // Members of expeer who left the space here leave it there; accounts expeer does
            // not know are the platform's business.
            for (const auto& entry : there) {
                const std::int64_t user = entry.first;
                if (here.count(user)) continue;
                const auto member = members.find_by_external_id(platform_id("user", user));
                if (!member || member->status == "erased") continue;
                change(*space, member->email, "removed",
                       [&] { tracim_.remove_member(*platform_space, user); });
            }
        }
    }

    template <typename Call>
    void change(const Space& space, const std::string& email, const std::string& what,
                Call&& call) {
        if (request_.dry_run) {
            report_.memberships.push_back({space.slug, email, "would be " + what, ""});
            return;
        }
        try {
            call();
            report_.memberships.push_back({space.slug, email, what, ""});
        } catch (const PlatformRefusal& e) {
            if (e.code() == 3008) { // a member there already: what was wanted
                report_.memberships.push_back({space.slug, email, "already", ""});
                return;
            }
            report_.memberships.push_back({space.slug, email, "failed", e.what()});
            ++report_.failed;
        }
    }

    Database& db_;
    TracimClient& tracim_;
    const PushRequest& request_;
    const PushContext& context_;
    PushReport report_;
    std::map<std::string, std::int64_t> by_email_; // email key -> platform user
};

} // namespace

PushReport push_platform(Database& db, TracimClient& tracim, const PushRequest& request,
                         const PushContext& context) {
    const auto lock = db.lock_job("platform", "another `expeer platform pull` or `push`");
    return Push(db, tracim, request, context).run();
}

} // namespace expeer
