// The closed lists of the registry, and the words people use for them in French and English.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace expeer::vocabulary {

const std::vector<std::string>& occupations(); // lawyer, ngo-staff, researcher...
const std::vector<std::string>& languages();   // fr, en, ar, pt, de, es
const std::vector<std::string>& profiles();    // member, trusted, admin
const std::vector<std::string>& statuses();    // active, disabled, erased

// The canonical value for what was typed ("Avocate", "NGO staff", "français"), if any.
std::optional<std::string> occupation(std::string_view input);
std::optional<std::string> language(std::string_view input);
std::optional<std::string> profile(std::string_view input);
std::optional<std::string> status(std::string_view input);

} // namespace expeer::vocabulary
