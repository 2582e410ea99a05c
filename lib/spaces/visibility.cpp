#include "spaces/visibility.hpp"

namespace expeer {

bool is_public(const Space& space, const std::map<std::int64_t, Space>& all_spaces) {
    const Space* current = &space;
    // Parents form no cycle (the registry refuses one), but a bound costs nothing.
    for (std::size_t depth = 0; current && depth <= all_spaces.size(); ++depth) {
        if (current->access != "open") return false;
        if (!current->parent_id) return true;
        const auto parent = all_spaces.find(*current->parent_id);
        if (parent == all_spaces.end()) return false; // unknown: not shown
        current = &parent->second;
    }
    return false;
}

std::set<std::int64_t> public_space_ids(const std::map<std::int64_t, Space>& all_spaces) {
    std::set<std::int64_t> ids;
    for (const auto& [id, space] : all_spaces)
        if (is_public(space, all_spaces)) ids.insert(id);
    return ids;
}

} // namespace expeer
