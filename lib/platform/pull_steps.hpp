// The steps of a pull, run by pull.cpp: the registry (accounts, spaces, memberships), then
// each space's contents and event feed. Each runs inside the caller's transaction.
#pragma once

#include "platform/pull.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace expeer {

// What the platform says of its accounts and spaces, read before anything is written.
struct PlatformDirectory {
    std::vector<TracimUser> users;
    std::vector<TracimSpace> spaces; // deleted ones left out by the platform
    std::map<std::int64_t, std::vector<TracimMember>> members; // by space
};

struct PulledRegistry {
    std::map<std::int64_t, std::int64_t> members; // platform user id -> member id
    std::map<std::int64_t, std::int64_t> spaces;  // platform space id -> space id
};

PulledRegistry pull_registry(Database& db, const PlatformDirectory& directory,
                             const PullContext& context, PullReport& report);

struct SpaceToPull {
    TracimSpace space;
    std::int64_t id = 0; // the local space
    bool is_public = false;
    std::optional<std::int64_t> reader; // a member whose feed holds the space's history
};

void pull_space(Database& db, BlobStore& blobs, TracimClient& tracim, const SpaceToPull& space,
                const PulledRegistry& registry, const PullRequest& request,
                const PullContext& context, PullReport& report);

// The platform's ids as expeer keeps them: "tracim:user:12", "tracim:event:9".
std::string platform_id(const char* kind, std::int64_t id);

// What stands for a title in a space that is not public.
inline constexpr const char* withheld_title = "(not kept: the space is not public)";

} // namespace expeer
