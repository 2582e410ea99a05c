// The network's collaborative spaces, and who is in them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

struct Space {
    std::int64_t id = 0;
    std::string slug;  // "justice-transitionnelle": lower-case letters, digits and dashes
    std::string label; // "Justice transitionnelle"
    std::optional<std::string> description;
    std::string access = "open"; // open | on-request | confidential
    std::string kind = "thematic"; // thematic | regional | project
    std::optional<std::int64_t> parent_id;
    std::string default_role = "contributor";
    std::string created_on; // YYYY-MM-DD
    std::optional<std::string> archived_on;
    std::string created_at;
    std::string updated_at;
};

struct SpaceChanges {
    std::optional<std::string> label;
    std::optional<std::string> description; // empty clears
    std::optional<std::string> access;
    std::optional<std::string> kind;
    std::optional<std::string> parent;      // slug; empty: no parent
    std::optional<std::string> default_role;
    std::optional<std::string> created_on;
};

struct SpaceFilter {
    bool include_archived = false;
    std::optional<std::string> access;
    std::optional<std::string> kind;
    bool public_only = false; // only what a public output may show
};

struct Membership {
    std::int64_t id = 0;
    std::int64_t space_id = 0;
    std::int64_t member_id = 0;
    std::string role;
    std::string joined_at;
    std::optional<std::string> left_at;
};

namespace space_vocabulary {
const std::vector<std::string>& accesses(); // open, on-request, confidential
const std::vector<std::string>& kinds();    // thematic, regional, project
const std::vector<std::string>& roles();    // reader, contributor, content-manager, space-manager
} // namespace space_vocabulary

} // namespace expeer
