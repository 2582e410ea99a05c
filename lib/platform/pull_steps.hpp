// The steps of a pull, run by pull.cpp: the registry (accounts, spaces, memberships), then
// each space's contents and event feed.
#pragma once

#include "platform/pull.hpp"
#include "store/platform_store.hpp"
#include "util/bounded_channel.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace expeer {

class NewBlobs;

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

// Inside the caller's transaction.
PulledRegistry pull_registry(Database& db, const PlatformDirectory& directory,
                             const PullContext& context, PullReport& report);

// What a space that stopped being public keeps no more (titles, texts, file names), and a
// space that became public has its contents read again: for every linked space, inside the
// registry's transaction, whether or not its contents are read this time. Returns how many
// spaces it emptied.
std::size_t apply_visibility(Database& db, const std::set<std::int64_t>& public_spaces,
                             const std::string& now);

struct SpaceToPull {
    TracimSpace space;
    std::int64_t id = 0; // the local space
    bool is_public = false;
    std::optional<std::int64_t> reader; // a member whose feed holds the space's history
    PlatformCursor before;              // where the last pull stopped
};

// A space's event feed, newest first, in pages passed from the thread that reads them to the
// one that writes them, a few at a time: memory does not grow with the feed.
using FeedPages = BoundedChannel<std::vector<TracimEvent>>;
inline constexpr std::size_t feed_page_events = 500;
inline constexpr std::size_t feed_pages_ahead = 4;

// Reads the space's event feed from where the last pull stopped into `pages`, then closes
// it, with the error if reading failed. Returns early if the writer abandons `pages`.
void read_feed(TracimClient& tracim, const SpaceToPull& space, const PullRequest& request,
               FeedPages& pages);

// A space as read from the platform, before anything is written.
struct SpaceRead;
struct SpaceReadDeleter {
    void operator()(SpaceRead* read) const;
};
using ReadOfSpace = std::unique_ptr<SpaceRead, SpaceReadDeleter>;

// Reads the space's contents from the platform (its feed is read_feed's). `db` is only read
// (what an earlier pull recorded): it may be a connection of its own, so that the next space
// is read while this one is written. File bytes downloaded go into `downloaded`, for the
// caller to keep once the space is committed.
ReadOfSpace read_space(Database& db, BlobStore& blobs, TracimClient& tracim,
                       const SpaceToPull& space, const PulledRegistry& registry,
                       const PullRequest& request, const PullContext& context,
                       NewBlobs& downloaded);

// Writes what was read, then the feed as its pages come, in the caller's transaction, and
// reports it (with what reading skipped or warned about). A feed the platform refuses midway
// keeps the space's cursor where it was, so the next pull reads it again (an event is never
// recorded twice); any other failure of the feed is thrown.
void write_space(Database& db, BlobStore& blobs, TracimClient& tracim, const SpaceToPull& space,
                 const PulledRegistry& registry, const PullRequest& request,
                 const PullContext& context, const SpaceRead& read, FeedPages& feed,
                 PullReport& report);

// What stands for a title in a space that is not public.
inline constexpr const char* withheld_title = "(not kept: the space is not public)";

} // namespace expeer
