// The one rule that decides what may reach a public output (the newsletter, the public
// report's details, web archives). Every such output asks here; nothing else decides.
#pragma once

#include "spaces/space.hpp"

#include <map>
#include <set>

namespace expeer {

// A space is public when it and every space above it is open. A space under a confidential
// one is confidential too, and so is an on-request space: its content is for its members.
// Archived open spaces stay public: what was published there was public.
bool is_public(const Space& space, const std::map<std::int64_t, Space>& all_spaces);

// The ids of the public spaces among `all_spaces`.
std::set<std::int64_t> public_space_ids(const std::map<std::int64_t, Space>& all_spaces);

} // namespace expeer
