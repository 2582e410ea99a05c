// A member of the network, as the registry keeps them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace expeer {

struct Member {
    std::int64_t id = 0;
    std::string email;
    std::string display_name;
    std::optional<std::string> country; // ISO 3166-1 alpha-2; a member may withhold it
    std::optional<std::string> organisation;
    std::string occupation = "other";
    std::string language = "en";
    std::string profile = "member";
    bool newsletter_consent = false;
    std::optional<std::string> consent_at; // when consent was last given or withdrawn
    std::optional<std::string> consent_source;
    std::string registered_on;             // YYYY-MM-DD
    std::string status = "active";
    std::optional<std::string> disabled_at; // UTC; when a disabled member was disabled, so that
                                            // statistics at past dates still count them
    std::optional<std::string> external_id; // the account id on the collaboration platform
    std::string created_at;
    std::string updated_at;
    std::optional<std::string> erased_at; // set when the person was erased; then every
                                          // personal field above is empty
};

// One giving or withdrawal of consent to the newsletter.
struct ConsentEvent {
    std::string at;
    bool consent = false;
    std::optional<std::string> source;
};

// What a command asks to set. Unset fields are left as they are; an empty string clears an
// optional field.
struct MemberChanges {
    std::optional<std::string> email;
    std::optional<std::string> display_name;
    std::optional<std::string> country;
    std::optional<std::string> organisation;
    std::optional<std::string> occupation;
    std::optional<std::string> language;
    std::optional<std::string> profile;
    std::optional<bool> newsletter_consent;
    std::optional<std::string> consent_source;
    std::optional<std::string> registered_on;
    std::optional<std::string> external_id;
    std::optional<std::string> status; // set by imports; commands use disable and enable
    std::optional<std::string> disabled_at; // set by imports, with status disabled
};

struct MemberFilter {
    std::optional<std::string> country; // code or name
    std::optional<std::string> status;       // erased members are listed only when asked for
    std::optional<std::string> language;
    std::optional<std::string> organisation; // matched as a part, accents and case aside
    std::optional<std::string> text;         // in name, email or organisation
};

// How addresses are compared, as a database records it (its keys were computed by it).
enum class EmailKeyRule {
    ascii,            // databases made before normalisation: ASCII letters folded, nothing else
    fold,             // NFC, the domain as IDNA compares it, the part before '@' case-folded
    exact_local_part, // as fold, but the part before '@' keeps its case (RFC 5321 allows it)
};

// The email as compared: two addresses with the same key are one member. The part before the
// last '@' is put in NFC and, unless the rule keeps it, case-folded (simple folding: one
// character for one, so 'ß' is not 'ss'); the domain is mapped as IDNA (UTS #46) does, in its
// Unicode form, whatever the rule. Never fails: what is not an address is folded as a whole.
std::string email_key(std::string_view email, EmailKeyRule rule);

// The rule's name in the database and the configuration: "ascii", "fold", "exact".
std::string_view email_key_rule_name(EmailKeyRule rule);
std::optional<EmailKeyRule> email_key_rule_named(std::string_view name);

} // namespace expeer
