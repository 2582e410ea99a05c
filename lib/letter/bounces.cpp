#include "letter/bounces.hpp"

#include "config/config.hpp"
#include "config/secret_file.hpp"
#include "letter/bounce_report.hpp"
#include "letter/mailbox.hpp"
#include "letter/unsubscribe.hpp"
#include "letter/verp.hpp"
#include "members/registry.hpp"
#include "store/bounce_store.hpp"
#include "store/database.hpp"
#include "store/member_store.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"
#include "util/printable.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <set>

namespace expeer {

BounceSettings bounce_settings(const Config& config) {
    BounceSettings s;
    s.token_secret = config.get("letter.token_secret");
    check_token_secret(s.token_secret);
    for (auto [key, limit] : {std::pair{"letter.bounce_hard_limit", &s.hard_limit},
                              std::pair{"letter.bounce_soft_limit", &s.soft_limit}}) {
        *limit = config.get_integer(key);
        if (*limit < 1)
            throw Error(ErrorKind::config, fmt::format("{} '{}' ({}): must be at least 1", key, config.shown_value(key),
                                                       config.entry(key).origin));
    }
    return s;
}

std::string bounce_mailbox_password(const Config& config) {
    std::string password = config.get("letter.bounce_password");
    if (password.empty() && !config.get("letter.bounce_password_file").empty())
        password = read_secret_file(config, "letter.bounce_password_file");
    return password;
}

std::optional<LetterSuspension> current_suspension(Database& db, const Member& member) {
    auto suspension = BounceStore(db).suspension(member.id);
    if (suspension && suspension->email != member.email) return std::nullopt; // an older address
    return suspension;
}

namespace {

struct Match {
    std::optional<Member> member;
    std::string by;
    std::string why_not; // when unmatched and there is something to say
};

// Signed clues first: they cannot be made by whoever writes a report. An address only when
// it is exactly one member's, since any server may write any address in a report.
Match match_member(const BounceReport& report, const BounceSettings& settings, MemberStore& members) {
    std::set<std::int64_t> signed_ids;
    std::string by;
    for (const auto& address : report.bounce_addresses)
        if (const auto id = verp_member(settings.token_secret, address)) signed_ids.insert(*id), by = "bounce address";
    if (signed_ids.empty())
        for (const auto& token : report.unsubscribe_tokens)
            if (const auto id = verify_unsubscribe_token(settings.token_secret, token))
                signed_ids.insert(*id), by = "unsubscribe link";
    if (signed_ids.size() > 1) return {std::nullopt, "", "it names more than one member"};
    if (signed_ids.size() == 1) {
        auto member = members.find_by_id(*signed_ids.begin());
        if (!member || member->status == "erased")
            return {std::nullopt, "", fmt::format("member {} no longer exists", *signed_ids.begin())};
        return {std::move(member), by, ""};
    }
    std::optional<Member> found;
    for (const auto& address : report.recipients) {
        auto member = members.find_by_email(address);
        if (!member || member->email != address) continue;
        if (found && found->id != member->id) return {std::nullopt, "", "its addresses are several members'"};
        found = std::move(member);
    }
    if (found) return {std::move(found), "their address", ""};
    return {};
}

std::string message_key(const BounceReport& report, const std::string& bytes) {
    return report.message_id.empty() ? "sha256:" + sha256_hex(bytes) : report.message_id;
}

class Run {
public:
    Run(Database& db, MemberRegistry& registry, const BounceSettings& settings, const BounceRequest& request,
        const Clock& clock)
        : db_(db), registry_(registry), settings_(settings), request_(request),
          now_(format_timestamp(clock.now())) {}

    BounceOutcome read(const MailboxMessage& message) {
        BounceOutcome out;
        out.where = printable(message.where);
        const BounceReport report = read_bounce_report(message.bytes);
        out.found = bounce_kind_name(report.kind);
        out.status = printable(report.status, 40); // a feedback type is anyone's words
        if (report.kind == BounceKind::not_a_report) {
            out.action = "none";
            return out;
        }
        const std::string key = message_key(report, message.bytes);
        if (!seen_.insert(key).second || BounceStore(db_).seen(key)) {
            out.found = "read before";
            out.action = "none";
            return out;
        }
        MemberStore members(db_);
        const Match match = match_member(report, settings_, members);
        BounceRecord record{key, now_, bounce_kind_name(report.kind), std::nullopt, std::nullopt,
                            report.status.empty() ? std::nullopt : std::optional(report.status)};
        if (!match.member) {
            out.found = "unmatched";
            out.action = match.why_not.empty() ? "none: it names no member" : "none: " + match.why_not;
            keep(record);
            return out;
        }
        const Member& member = *match.member;
        out.member_id = member.id;
        out.matched_by = match.by;
        record.member_id = member.id;
        record.email = member.email;
        switch (report.kind) {
        case BounceKind::delayed: out.action = "none: still being tried"; keep(record); break;
        case BounceKind::complaint: out.action = complain(member, record); break;
        default: out.action = count(member, record); break;
        }
        return out;
    }

    std::size_t suspended = 0, unsubscribed = 0;

private:
    void keep(const BounceRecord& record) {
        if (!request_.dry_run) db_.write([&](Write&) { BounceStore(db_).record(record); });
    }

    // The member asked their mail provider to stop the letter: they are unsubscribed as if
    // they had clicked the link, with the consent history saying why.
    std::string complain(const Member& member, const BounceRecord& record) {
        if (!member.newsletter_consent) {
            keep(record);
            return "none: not subscribed";
        }
        ++unsubscribed;
        if (request_.dry_run) return "would unsubscribe";
        // Before the record: a crash between the two leaves the report to be read again,
        // which then finds them unsubscribed.
        MemberChanges changes;
        changes.newsletter_consent = false;
        changes.consent_source = "abuse report (letter bounces)";
        registry_.update(std::to_string(member.id), changes);
        keep(record);
        return "unsubscribed";
    }

    std::string count(const Member& member, const BounceRecord& record) {
        const bool hard = record.kind == "hard";
        const long limit = hard ? settings_.hard_limit : settings_.soft_limit;
        const auto already = current_suspension(db_, member);
        if (request_.dry_run) {
            const auto n = BounceStore(db_).count(member.id, member.email, record.kind) + ++tally_[{member.id, record.kind}];
            return decide(already.has_value(), n, limit, record.kind, true);
        }
        return db_.write([&](Write& w) {
            BounceStore store(db_);
            if (!store.record(record)) return std::string("none: read before, by another run");
            const auto n = store.count(member.id, member.email, record.kind);
            const std::string action = decide(already.has_value(), n, limit, record.kind, false);
            if (!already && n >= limit) {
                store.suspend({member.id, member.email, record.kind, n, now_});
                w.audit({0, now_, request_.actor, "letter.suspend", "member", std::to_string(member.id),
                         nlohmann::json{{"kind", record.kind}, {"bounces", n}, {"status", record.status.value_or("")}}
                             .dump()});
            }
            return action;
        });
    }

    std::string decide(bool already, std::int64_t n, long limit, const std::string& kind, bool dry_run) {
        if (already) return "none: already suspended";
        if (n < limit) return fmt::format("counted: {} of {} {} bounces", n, limit, kind);
        ++suspended;
        return fmt::format("{} after {} {} bounce{}", dry_run ? "would suspend" : "suspended", n, kind, n == 1 ? "" : "s");
    }

    Database& db_;
    MemberRegistry& registry_;
    const BounceSettings& settings_;
    const BounceRequest& request_;
    const std::string now_;
    std::set<std::string> seen_;                                  // in this run
    std::map<std::pair<std::int64_t, std::string>, long> tally_; // a dry run's counts
};

} // namespace

BounceRun process_bounces(Database& db, MemberRegistry& registry, Mailbox& mailbox, const BounceSettings& settings,
                          const BounceRequest& request, const Clock& clock,
                          const std::function<void(std::size_t read)>& on_progress) {
    Run run(db, registry, settings, request, clock);
    BounceRun result;
    while (auto message = mailbox.next()) {
        auto outcome = run.read(*message);
        ++result.found[outcome.found];
        result.outcomes.push_back(std::move(outcome));
        if (on_progress) on_progress(result.outcomes.size());
    }
    result.suspended = run.suspended;
    result.unsubscribed = run.unsubscribed;
    return result;
}

} // namespace expeer
