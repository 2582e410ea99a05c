#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace expeer {

// Names people use that iso-codes does not list: (alpha-2 code, name).
const std::vector<std::pair<std::string_view, std::string_view>>& local_country_variants();

} // namespace expeer
