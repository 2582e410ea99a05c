#include "members/registry.hpp"

#include "geo/countries.hpp"
#include "members/changes.hpp"
#include "members/erasure_list.hpp"
#include "members/vocabulary.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/member_store.hpp"
#include "util/clock.hpp"
#include "util/printable.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace expeer {

namespace {

std::string fields_json(const std::vector<std::string>& fields) {
    return nlohmann::json{{"fields", fields}}.dump();
}

} // namespace

ChangeContext MemberRegistry::change_context(const std::string& consent_source,
                                            const std::string& default_language) const {
    const TimePoint now = clock_.now();
    return {format_timestamp(now), format_date(date_of(now)), default_language, consent_source, std::nullopt};
}

MemberRegistry::MemberRegistry(Database& db, const Countries& countries, const Clock& clock, std::string actor)
    : db_(db), countries_(countries), clock_(clock), actor_(std::move(actor)) {}

Member find_member(MemberStore& store, std::string_view who) {
    const bool is_id = !who.empty() && std::all_of(who.begin(), who.end(), [](char c) { return c >= '0' && c <= '9'; });
    std::optional<Member> found;
    if (is_id && who.size() < 18) found = store.find_by_id(std::stoll(std::string(who)));
    else found = store.find_by_email(who);
    if (!found)
        throw Error(ErrorKind::not_found, fmt::format("no member with {} '{}'", is_id ? "id" : "email", who));
    return *found;
}

namespace {

std::string describe_rule(EmailKeyRule rule) {
    switch (rule) {
    case EmailKeyRule::ascii: return "'ascii' (only ASCII letters folded, as databases made before addresses were normalised)";
    case EmailKeyRule::fold: return "'fold' (NFC, case folded)";
    case EmailKeyRule::exact_local_part: return "'exact' (NFC, case kept before '@')";
    }
    return "";
}

} // namespace

EmailKeyChange apply_email_key_rule(Database& db, EmailKeyRule rule, const Clock& clock, const std::string& actor) {
    return db.write([&](Write& w) {
        MemberStore store(db);
        EmailKeyChange change{store.email_key_rule(), rule, 0};
        if (change.from == rule) return change;
        std::map<std::string, std::int64_t> owner; // new key -> the first member holding it
        std::vector<std::string> collisions;
        std::vector<std::pair<std::int64_t, std::string>> changed;
        for (auto& row : store.keys()) {
            std::string key = email_key(row.email, rule);
            const auto [it, fresh] = owner.emplace(key, row.id);
            if (!fresh)
                collisions.push_back(fmt::format("members {} and {} ('{}')", it->second, row.id, printable(key)));
            else if (key != row.key)
                changed.emplace_back(row.id, std::move(key));
        }
        if (!collisions.empty()) {
            const std::size_t shown = std::min<std::size_t>(collisions.size(), 10);
            const std::vector<std::string> first(collisions.begin(), collisions.begin() + static_cast<std::ptrdiff_t>(shown));
            throw Error(ErrorKind::data,
                        fmt::format("cannot compare addresses by the rule {}: {}{} would have the same address; "
                                    "keep one of each: move to it what the other holds and erase the other "
                                    "('expeer members erase ID --yes'), or give the other its own address "
                                    "('expeer members update ID --email ADDRESS'), then run 'expeer db migrate' "
                                    "again. Nothing was changed: addresses are still compared by the rule {}",
                                    describe_rule(rule), fmt::join(first, ", "),
                                    collisions.size() > shown ? fmt::format(" and {} more pairs", collisions.size() - shown) : "",
                                    describe_rule(change.from)));
        }
        const std::string now = format_timestamp(clock.now());
        store.set_keys(changed, rule, now);
        change.keys_changed = changed.size();
        w.audit({0, now, actor, "member.email_key_rule", "database", "",
                nlohmann::json{{"from", email_key_rule_name(change.from)},
                               {"to", email_key_rule_name(rule)},
                               {"keys_changed", change.keys_changed}}
                    .dump()});
        return change;
    });
}

std::optional<std::string> email_key_rule_warning(Database& db, EmailKeyRule wanted) {
    const EmailKeyRule current = MemberStore(db).email_key_rule();
    if (current == wanted) return std::nullopt;
    return fmt::format("the database compares addresses by the rule {} and members.email_local_part asks for {}: "
                       "run 'expeer db migrate' to compute their keys again",
                       describe_rule(current), describe_rule(wanted));
}

Member MemberRegistry::get(std::string_view who) {
    MemberStore store(db_);
    return find_member(store, who);
}

Member MemberRegistry::add(const MemberChanges& input, const std::string& default_language,
                           const ErasedAddresses& erased) {
    NormalizedChanges normalized = normalize_changes(input, countries_);
    auto& errors = normalized.errors;
    const auto& c = normalized.changes;
    if (!input.email) errors.push_back({"email", "", "is required"});
    if (!input.display_name) errors.push_back({"name", "", "is required"});
    if (!errors.empty()) throw InvalidInput(std::move(errors));

    const ChangeContext context = change_context("expeer members add", default_language);
    const std::string& now = context.now;
    Member m = new_member(c, context);

    // A member who has the address says more than an erasure of it (of a duplicate record).
    if (const auto existing = MemberStore(db_).find_by_email(m.email))
        throw InvalidInput({{"email", m.email, fmt::format("is already the address of member {}", existing->id)}});
    erased.list.check_matches(db_);
    const auto erasure = erased.list.find(m.email);
    if (erasure && !erased.allow) throw InvalidInput({{"email", m.email, erased_reason(*erasure)}});

    Member added = db_.write([&](Write& w) {
        MemberStore store(db_);
        if (const auto existing = store.find_by_email(m.email))
            throw InvalidInput({{"email", m.email, fmt::format("is already the address of member {}", existing->id)}});
        if (m.external_id)
            if (const auto existing = store.find_by_external_id(*m.external_id))
                throw InvalidInput({{"external id", *m.external_id,
                                      fmt::format("is already the id of member {}", existing->id)}});
        m.id = store.insert(m);
        if (m.newsletter_consent) store.record_consent(m.id, *m.consent_at, true, m.consent_source);
        w.audit({0, now, actor_, "member.add", "member", std::to_string(m.id),
                 erasure ? R"({"erased_before":true})" : ""});
        return m;
    });
    if (erasure) erased.list.record_return(added.email, now);
    return added;
}

UpdateResult MemberRegistry::update(std::string_view who, const MemberChanges& input) {
    NormalizedChanges normalized = normalize_changes(input, countries_);
    if (!normalized.errors.empty()) throw InvalidInput(std::move(normalized.errors));
    const auto& c = normalized.changes;

    return db_.write([&](Write& w) {
        MemberStore store(db_);
        UpdateResult result{get(who), {}};
        Member& m = result.member;
        if (m.status == "erased") throw Error(ErrorKind::not_found, fmt::format("member {} was erased", m.id));
        const ChangeContext context = change_context("expeer members update", m.language);
        const std::string& now = context.now;

        if (c.email && store.key_for(*c.email) != store.key_for(m.email)) {
            if (const auto existing = store.find_by_email(*c.email))
                throw InvalidInput({{"email", *c.email, fmt::format("is already the address of member {}", existing->id)}});
        }
        if (c.external_id && !c.external_id->empty() && c.external_id != m.external_id) {
            if (const auto existing = store.find_by_external_id(*c.external_id))
                throw InvalidInput({{"external id", *c.external_id,
                                      fmt::format("is already the id of member {}", existing->id)}});
        }
        const AppliedChanges applied = apply_changes(m, c, context);
        result.changed_fields = applied.fields;
        const auto& changed = result.changed_fields;
        const bool consent_changed = applied.consent_changed;
        if (changed.empty()) return result;

        store.update(m);
        if (consent_changed) store.record_consent(m.id, now, m.newsletter_consent, m.consent_source);
        w.audit({0, now, actor_, "member.update", "member", std::to_string(m.id), fields_json(changed)});
        return result;
    });
}

StatusChange MemberRegistry::set_status(std::string_view who, const std::string& status) {
    return db_.write([&](Write& w) {
        StatusChange result{get(who), false};
        if (result.member.status == "erased")
            throw Error(ErrorKind::not_found, fmt::format("member {} was erased", result.member.id));
        if (result.member.status == status) return result;
        const std::string now = format_timestamp(clock_.now());
        result.member.status = status;
        result.member.updated_at = now;
        MemberStore(db_).update(result.member);
        w.audit({0, now, actor_, status == "disabled" ? "member.disable" : "member.enable",
                 "member", std::to_string(result.member.id), ""});
        result.changed = true;
        return result;
    });
}

void MemberRegistry::for_each(MemberFilter filter, const std::function<void(const Member&)>& visit) {
    std::vector<FieldError> errors;
    const auto check = [&](const char* field, std::optional<std::string>& value, auto&& find,
                           const std::vector<std::string>& choices) {
        if (!value) return;
        if (auto found = find(*value)) value = std::move(found);
        else errors.push_back({field, *value, fmt::format("must be one of {}", fmt::join(choices, ", "))});
    };
    if (filter.country) {
        if (auto code = countries_.find(*filter.country)) filter.country = std::move(code);
        else errors.push_back({"country", *filter.country, "unknown country"});
    }
    check("status", filter.status, vocabulary::status, vocabulary::statuses());
    check("language", filter.language, vocabulary::language, vocabulary::languages());
    if (!errors.empty()) throw InvalidInput(std::move(errors));
    MemberStore(db_).for_each(filter, visit);
}

std::vector<Member> MemberRegistry::list(MemberFilter filter) {
    std::vector<Member> members;
    for_each(std::move(filter), [&](const Member& m) { members.push_back(m); });
    const text::Collator collator;
    std::stable_sort(members.begin(), members.end(), [&](const Member& a, const Member& b) {
        const int order = collator.compare(a.display_name, b.display_name);
        return order != 0 ? order < 0 : a.id < b.id;
    });
    return members;
}

} // namespace expeer
