// A member as a JSON object: the field names and order used by every output and export.
#pragma once

#include "members/member.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace expeer {

nlohmann::ordered_json member_to_json(const Member& member);

// The keys of member_to_json, in order.
const std::vector<std::string>& member_fields();

} // namespace expeer
