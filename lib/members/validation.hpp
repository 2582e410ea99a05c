// Checks what a person typed for a member and puts it in canonical form. Problems are
// returned as values, all of them at once, so a form or an import row can be fixed in one go.
#pragma once

#include "members/member.hpp"
#include "util/invalid_input.hpp"

#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Countries;

struct NormalizedChanges {
    MemberChanges changes; // trimmed, country as a code, vocabulary values canonical
    std::vector<FieldError> errors;
};

// Why `email` is not an address mail can be sent to, if it is not.
std::optional<std::string> email_problem(std::string_view email);

NormalizedChanges normalize_changes(const MemberChanges& input, const Countries& countries);

// Limits on free-text fields, in characters as a reader counts them (grapheme clusters): long
// enough for any real value. Each also has a limit in bytes, text::limit_for(characters).
constexpr std::size_t max_name_length = 200;
constexpr std::size_t max_organisation_length = 200;
constexpr std::size_t max_email_length = 254; // RFC 5321's path limit
constexpr std::size_t max_external_id_length = 100;
constexpr std::size_t max_source_length = 200;

} // namespace expeer
