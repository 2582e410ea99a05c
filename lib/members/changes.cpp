#include "members/changes.hpp"

namespace expeer {

namespace {

std::optional<std::string> empty_as_none(const std::optional<std::string>& value) {
    if (value && value->empty()) return std::nullopt;
    return value;
}

template <typename T>
void apply(T& field, const std::optional<T>& change, const char* name, std::vector<std::string>& changed) {
    if (change && field != *change) {
        field = *change;
        changed.push_back(name);
    }
}

// An empty string clears an optional field.
void apply_optional(std::optional<std::string>& field, const std::optional<std::string>& change,
                    const char* name, std::vector<std::string>& changed) {
    if (!change) return;
    const auto value = empty_as_none(change);
    if (field != value) {
        field = value;
        changed.push_back(name);
    }
}

} // namespace

Member new_member(const MemberChanges& c, const ChangeContext& context) {
    Member m;
    m.email = c.email.value_or("");
    m.display_name = c.display_name.value_or("");
    m.country = empty_as_none(c.country);
    m.organisation = empty_as_none(c.organisation);
    m.occupation = c.occupation.value_or("other");
    m.language = c.language.value_or(context.default_language);
    m.profile = c.profile.value_or("member");
    m.newsletter_consent = c.newsletter_consent.value_or(false);
    if (m.newsletter_consent) { // someone who never agreed has no consent to date
        m.consent_at = context.consent_at.value_or(context.now);
        m.consent_source = c.consent_source.value_or(context.consent_source);
    }
    m.registered_on = c.registered_on.value_or(context.today);
    m.status = c.status.value_or("active");
    if (m.status == "disabled") m.disabled_at = c.disabled_at;
    m.external_id = empty_as_none(c.external_id);
    m.created_at = context.now;
    m.updated_at = context.now;
    return m;
}

AppliedChanges apply_changes(Member& m, const MemberChanges& c, const ChangeContext& context) {
    AppliedChanges result;
    auto& changed = result.fields;
    apply(m.email, c.email, "email", changed);
    apply(m.display_name, c.display_name, "name", changed);
    apply_optional(m.country, c.country, "country", changed);
    apply_optional(m.organisation, c.organisation, "organisation", changed);
    apply(m.occupation, c.occupation, "occupation", changed);
    apply(m.language, c.language, "language", changed);
    apply(m.profile, c.profile, "profile", changed);
    apply(m.registered_on, c.registered_on, "registration date", changed);
    apply(m.status, c.status, "status", changed);
    // Only a disabled member has the date they were disabled (the store forgets it otherwise).
    if (m.status == "disabled") apply_optional(m.disabled_at, c.disabled_at, "disabled at", changed);
    apply_optional(m.external_id, c.external_id, "external id", changed);
    if (c.newsletter_consent && *c.newsletter_consent != m.newsletter_consent) {
        m.newsletter_consent = *c.newsletter_consent;
        m.consent_at = context.consent_at.value_or(context.now);
        m.consent_source = c.consent_source.value_or(context.consent_source);
        changed.push_back("newsletter consent");
        result.consent_changed = true;
    }
    if (!changed.empty()) m.updated_at = context.now;
    return result;
}

} // namespace expeer
