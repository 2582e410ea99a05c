// What members do: posts, comments, files, membership changes, and the logins and views that
// only the collaboration platform sees. Statistics count these.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

struct Activity {
    std::int64_t id = 0;
    std::optional<std::string> external_id; // the platform's id, for imports
    std::string at;                         // ISO 8601 UTC
    std::optional<std::int64_t> member_id;
    std::string kind; // news | comment | file | membership | login | view
    std::optional<std::int64_t> space_id;
    std::optional<std::string> content; // a title, a file name, "joined as contributor"
};

struct ActivityFilter {
    std::optional<std::int64_t> member_id;
    std::optional<std::int64_t> space_id;
    std::optional<std::string> kind;
    std::optional<std::string> from; // ISO date or time, included
    std::optional<std::string> to;   // ISO date or time, excluded: `activity list --to DAY` gives
                                     // the day after, so that the whole day counts
    std::size_t limit = 0;           // 0: all; otherwise the newest `limit`
};

const std::vector<std::string>& activity_kinds();

} // namespace expeer
