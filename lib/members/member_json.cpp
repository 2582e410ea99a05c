#include "members/member_json.hpp"

#include "util/json.hpp"

namespace expeer {

nlohmann::ordered_json member_to_json(const Member& m) {
    nlohmann::ordered_json j;
    j["id"] = m.id;
    j["email"] = m.email;
    j["name"] = m.display_name;
    j["country"] = json_or_null(m.country);
    j["organisation"] = json_or_null(m.organisation);
    j["occupation"] = m.occupation;
    j["language"] = m.language;
    j["profile"] = m.profile;
    j["newsletter_consent"] = m.newsletter_consent;
    j["consent_at"] = json_or_null(m.consent_at);
    j["consent_source"] = json_or_null(m.consent_source);
    j["registered_on"] = m.registered_on;
    j["status"] = m.status;
    j["disabled_at"] = json_or_null(m.disabled_at);
    j["external_id"] = json_or_null(m.external_id);
    j["created_at"] = m.created_at;
    j["updated_at"] = m.updated_at;
    return j;
}

const std::vector<std::string>& member_fields() {
    static const std::vector<std::string> fields = {
        "id",         "email",          "name",          "country",  "organisation",
        "occupation", "language",       "profile",       "newsletter_consent",
        "consent_at", "consent_source", "registered_on", "status",   "disabled_at", "external_id",
        "created_at", "updated_at"};
    return fields;
}

} // namespace expeer
