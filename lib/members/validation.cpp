#include "members/validation.hpp"

#include "geo/countries.hpp"
#include "members/vocabulary.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace expeer {

namespace {

bool is_domain_label_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c >= 0x80; // internationalised domain names arrive in UTF-8
}

} // namespace

std::optional<std::string> email_problem(std::string_view email) {
    if (email.empty()) return "is empty";
    if (email.size() > max_email_length) return fmt::format("is longer than {} bytes", max_email_length);
    const auto at = email.rfind('@');
    if (at == std::string_view::npos) return "has no '@'";
    const auto local = email.substr(0, at);
    const auto domain = email.substr(at + 1);
    if (local.empty() || local.size() > 64) return "has an empty or too long part before '@'";
    static constexpr std::string_view forbidden = " \t\"(),:;<>@[\\]";
    for (unsigned char c : local)
        if (c < 0x20 || c == 0x7f || forbidden.find(static_cast<char>(c)) != std::string_view::npos)
            return "has a character that is not allowed before '@'";
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
        return "has a misplaced dot before '@'";
    if (domain.find('.') == std::string_view::npos) return "has no domain after '@'";
    std::size_t start = 0;
    while (start <= domain.size()) {
        const auto end = std::min(domain.find('.', start), domain.size());
        const auto label = domain.substr(start, end - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return "has an invalid domain after '@'";
        if (!std::all_of(label.begin(), label.end(), [](char c) { return is_domain_label_char(c); }))
            return "has an invalid domain after '@'";
        start = end + 1;
    }
    return std::nullopt;
}

NormalizedChanges normalize_changes(const MemberChanges& input, const Countries& countries) {
    NormalizedChanges result;
    auto& out = result.changes;
    const auto fail = [&](const char* field, std::string_view value, std::string reason) {
        result.errors.push_back({field, shown_value(value), std::move(reason)});
    };
    // Every text field: trimmed, then the rules of util/text for one line (characters,
    // length in characters and bytes, something visible), and stored in NFC.
    const auto clean = [&](const char* field, const std::optional<std::string>& value,
                           text::TextLimit max) -> std::optional<std::string> {
        if (!value) return std::nullopt;
        const std::string trimmed = text::trim(*value);
        if (const auto problem = text::single_line_field_problem(trimmed, max)) {
            fail(field, *value, *problem);
            return std::nullopt;
        }
        return text::nfc(trimmed);
    };
    const auto limit = [](std::size_t characters) { return text::limit_for(characters); };
    // A closed list: the canonical value for the word given, or an error listing the choices.
    const auto choose = [&](const char* field, const std::optional<std::string>& value,
                            auto&& find, const std::vector<std::string>& choices) {
        const auto cleaned = clean(field, value, limit(100));
        if (!cleaned) return std::optional<std::string>();
        auto found = find(*cleaned);
        if (!found) fail(field, *cleaned, fmt::format("must be one of {}", fmt::join(choices, ", ")));
        return found;
    };

    if (auto email = clean("email", input.email, {max_email_length, max_email_length})) {
        if (const auto problem = email_problem(*email)) fail("email", *email, "is not a valid email address: " + *problem);
        else out.email = std::move(email);
    }
    if (auto name = clean("name", input.display_name, limit(max_name_length))) {
        if (name->empty()) fail("name", *name, "must not be empty");
        else out.display_name = std::move(name);
    }
    if (auto country = clean("country", input.country, limit(100))) {
        if (country->empty()) {
            out.country = "";
        } else if (auto code = countries.find(*country)) {
            out.country = std::move(code);
        } else {
            const auto suggestions = countries.suggest(*country);
            fail("country", *country,
                 suggestions.empty() ? std::string("unknown country")
                                     : fmt::format("unknown country (did you mean {}?)",
                                                   fmt::join(suggestions, ", ")));
        }
    }
    out.organisation = clean("organisation", input.organisation, limit(max_organisation_length));
    out.occupation = choose("occupation", input.occupation, vocabulary::occupation, vocabulary::occupations());
    out.language = choose("language", input.language, vocabulary::language, vocabulary::languages());
    out.profile = choose("profile", input.profile, vocabulary::profile, vocabulary::profiles());
    out.newsletter_consent = input.newsletter_consent;
    out.consent_source = clean("consent source", input.consent_source, limit(max_source_length));
    if (auto date = clean("registration date", input.registered_on, limit(10))) {
        if (!parse_date(*date)) fail("registration date", *date, "must be a date as YYYY-MM-DD");
        else out.registered_on = std::move(date);
    }
    out.external_id = clean("external id", input.external_id, limit(max_external_id_length));
    if (auto at = clean("disabled at", input.disabled_at, limit(20))) {
        // A date is the start of that day, in UTC.
        if (at->size() == 10 && parse_date(*at)) out.disabled_at = *at + "T00:00:00Z";
        else if (parse_timestamp(*at)) out.disabled_at = std::move(at);
        else fail("disabled at", *at, "must be a date (2024-05-01) or a UTC time (2024-05-01T10:00:00Z)");
    }
    if (auto status = choose("status", input.status, vocabulary::status, vocabulary::statuses())) {
        // Erasure is its own command, with its own safeguards.
        if (*status == "erased") fail("status", *status, "must be active or disabled");
        else out.status = std::move(status);
    }
    return result;
}

} // namespace expeer
