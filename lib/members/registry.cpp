#include "members/registry.hpp"

#include "geo/countries.hpp"
#include "members/vocabulary.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/member_store.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace expeer {

namespace {

std::string join_errors(const std::vector<FieldError>& errors) {
    std::vector<std::string> lines;
    for (const auto& e : errors) lines.push_back(describe(e));
    return fmt::format("{}", fmt::join(lines, "; "));
}

std::optional<std::string> empty_as_none(const std::optional<std::string>& value) {
    if (value && value->empty()) return std::nullopt;
    return value;
}

// Sets `field` from `change` when given, and notes its name if that changes it.
template <typename T>
void apply(T& field, const std::optional<T>& change, const char* name, std::vector<std::string>& changed) {
    if (change && field != *change) {
        field = *change;
        changed.push_back(name);
    }
}

void apply_optional(std::optional<std::string>& field, const std::optional<std::string>& change,
                    const char* name, std::vector<std::string>& changed) {
    if (!change) return;
    const auto value = empty_as_none(change);
    if (field != value) {
        field = value;
        changed.push_back(name);
    }
}

std::string fields_json(const std::vector<std::string>& fields) {
    return nlohmann::json{{"fields", fields}}.dump();
}

} // namespace

InvalidMember::InvalidMember(std::vector<FieldError> errors)
    : Error(ErrorKind::data, join_errors(errors)), errors_(std::move(errors)) {}

MemberRegistry::MemberRegistry(Database& db, const Countries& countries, const Clock& clock, std::string actor)
    : db_(db), countries_(countries), clock_(clock), actor_(std::move(actor)) {}

Member MemberRegistry::get(std::string_view who) {
    MemberStore store(db_);
    const bool is_id = !who.empty() && std::all_of(who.begin(), who.end(), [](char c) { return c >= '0' && c <= '9'; });
    std::optional<Member> found;
    if (is_id && who.size() < 18) found = store.find_by_id(std::stoll(std::string(who)));
    else found = store.find_by_email(who);
    if (!found)
        throw Error(ErrorKind::not_found,
                    fmt::format("no member with {} '{}'", is_id ? "id" : "email", who));
    return *found;
}

Member MemberRegistry::add(const MemberChanges& input, const std::string& default_language) {
    NormalizedChanges normalized = normalize_changes(input, countries_);
    auto& errors = normalized.errors;
    const auto& c = normalized.changes;
    if (!input.email) errors.push_back({"email", "", "is required"});
    if (!input.display_name) errors.push_back({"name", "", "is required"});
    if (!errors.empty()) throw InvalidMember(std::move(errors));

    const std::string now = format_timestamp(clock_.now());
    Member m;
    m.email = *c.email;
    m.display_name = *c.display_name;
    m.country = empty_as_none(c.country);
    m.organisation = empty_as_none(c.organisation);
    m.occupation = c.occupation.value_or("other");
    m.language = c.language.value_or(default_language);
    m.profile = c.profile.value_or("member");
    m.newsletter_consent = c.newsletter_consent.value_or(false);
    if (c.newsletter_consent) {
        m.consent_at = now;
        m.consent_source = c.consent_source.value_or("expeer members add");
    }
    m.registered_on = c.registered_on.value_or(format_date(date_of(clock_.now())));
    m.external_id = empty_as_none(c.external_id);
    m.created_at = now;
    m.updated_at = now;

    return db_.guarded([&] {
        auto transaction = db_.write_transaction();
        MemberStore store(db_);
        if (const auto existing = store.find_by_email(m.email))
            throw InvalidMember({{"email", m.email, fmt::format("is already the address of member {}", existing->id)}});
        if (m.external_id)
            if (const auto existing = store.find_by_external_id(*m.external_id))
                throw InvalidMember({{"external id", *m.external_id,
                                      fmt::format("is already the id of member {}", existing->id)}});
        m.id = store.insert(m);
        if (c.newsletter_consent) store.record_consent(m.id, now, m.newsletter_consent, m.consent_source);
        record_audit(db_, {0, now, actor_, "member.add", "member", std::to_string(m.id), ""});
        transaction.commit();
        return m;
    });
}

UpdateResult MemberRegistry::update(std::string_view who, const MemberChanges& input) {
    NormalizedChanges normalized = normalize_changes(input, countries_);
    if (!normalized.errors.empty()) throw InvalidMember(std::move(normalized.errors));
    const auto& c = normalized.changes;

    return db_.guarded([&] {
        auto transaction = db_.write_transaction();
        MemberStore store(db_);
        UpdateResult result{get(who), {}};
        Member& m = result.member;
        auto& changed = result.changed_fields;
        const std::string now = format_timestamp(clock_.now());

        if (c.email && email_key(*c.email) != email_key(m.email)) {
            if (const auto existing = store.find_by_email(*c.email))
                throw InvalidMember({{"email", *c.email, fmt::format("is already the address of member {}", existing->id)}});
        }
        if (c.external_id && !c.external_id->empty() && c.external_id != m.external_id) {
            if (const auto existing = store.find_by_external_id(*c.external_id))
                throw InvalidMember({{"external id", *c.external_id,
                                      fmt::format("is already the id of member {}", existing->id)}});
        }
        apply(m.email, c.email, "email", changed);
        apply(m.display_name, c.display_name, "name", changed);
        apply_optional(m.country, c.country, "country", changed);
        apply_optional(m.organisation, c.organisation, "organisation", changed);
        apply(m.occupation, c.occupation, "occupation", changed);
        apply(m.language, c.language, "language", changed);
        apply(m.profile, c.profile, "profile", changed);
        apply(m.registered_on, c.registered_on, "registration date", changed);
        apply_optional(m.external_id, c.external_id, "external id", changed);
        const bool consent_changed = c.newsletter_consent && *c.newsletter_consent != m.newsletter_consent;
        if (consent_changed) {
            m.newsletter_consent = *c.newsletter_consent;
            m.consent_at = now;
            m.consent_source = c.consent_source.value_or("expeer members update");
            changed.push_back("newsletter consent");
        }
        if (changed.empty()) return result;

        m.updated_at = now;
        store.update(m);
        if (consent_changed) store.record_consent(m.id, now, m.newsletter_consent, m.consent_source);
        record_audit(db_, {0, now, actor_, "member.update", "member", std::to_string(m.id), fields_json(changed)});
        transaction.commit();
        return result;
    });
}

StatusChange MemberRegistry::set_status(std::string_view who, const std::string& status) {
    return db_.guarded([&] {
        auto transaction = db_.write_transaction();
        StatusChange result{get(who), false};
        if (result.member.status == status) return result;
        const std::string now = format_timestamp(clock_.now());
        result.member.status = status;
        result.member.updated_at = now;
        MemberStore(db_).update(result.member);
        record_audit(db_, {0, now, actor_, status == "disabled" ? "member.disable" : "member.enable",
                           "member", std::to_string(result.member.id), ""});
        transaction.commit();
        result.changed = true;
        return result;
    });
}

std::vector<Member> MemberRegistry::list(MemberFilter filter) {
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
    if (!errors.empty()) throw InvalidMember(std::move(errors));

    auto members = MemberStore(db_).list(filter);
    const text::Collator collator;
    std::stable_sort(members.begin(), members.end(), [&](const Member& a, const Member& b) {
        const int order = collator.compare(a.display_name, b.display_name);
        return order != 0 ? order < 0 : a.id < b.id;
    });
    return members;
}

} // namespace expeer
