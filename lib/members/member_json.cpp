#include "members/member_json.hpp"

namespace expeer {

namespace {

nlohmann::ordered_json optional_json(const std::optional<std::string>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

} // namespace

nlohmann::ordered_json member_to_json(const Member& m) {
    nlohmann::ordered_json j;
    j["id"] = m.id;
    j["email"] = m.email;
    j["name"] = m.display_name;
    j["country"] = optional_json(m.country);
    j["organisation"] = optional_json(m.organisation);
    j["occupation"] = m.occupation;
    j["language"] = m.language;
    j["profile"] = m.profile;
    j["newsletter_consent"] = m.newsletter_consent;
    j["consent_at"] = optional_json(m.consent_at);
    j["consent_source"] = optional_json(m.consent_source);
    j["registered_on"] = m.registered_on;
    j["status"] = m.status;
    j["external_id"] = optional_json(m.external_id);
    j["created_at"] = m.created_at;
    j["updated_at"] = m.updated_at;
    return j;
}

const std::vector<std::string>& member_fields() {
    static const std::vector<std::string> fields = {
        "id",         "email",          "name",          "country",  "organisation",
        "occupation", "language",       "profile",       "newsletter_consent",
        "consent_at", "consent_source", "registered_on", "status",   "external_id",
        "created_at", "updated_at"};
    return fields;
}

} // namespace expeer
