// Spaces and memberships in the database. Only rows in and out: the rules are in lib/spaces.
#pragma once

#include "spaces/space.hpp"

#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace expeer {

class Database;

class SpaceStore {
public:
    explicit SpaceStore(Database& db) : db_(db) {}

    std::optional<Space> find_by_slug(std::string_view slug);
    std::optional<Space> find_by_id(std::int64_t id);
    std::map<std::int64_t, Space> all(); // archived ones included
    std::int64_t insert(const Space& space);
    void update(const Space& space);

    std::optional<Membership> current_membership(std::int64_t space_id, std::int64_t member_id);
    std::int64_t open_membership(std::int64_t space_id, std::int64_t member_id, const std::string& role,
                                 const std::string& at);
    void close_membership(std::int64_t membership_id, const std::string& at);
    void set_role(std::int64_t membership_id, const std::string& role);
    // By space, members in joining order; former ones too when asked.
    std::vector<Membership> memberships_of_space(std::int64_t space_id, bool include_former);
    std::vector<Membership> memberships_of_member(std::int64_t member_id);

private:
    Database& db_;
};

} // namespace expeer
