// The audit log: who changed what, when. It names objects by id and fields by name, never
// their personal content: the log must be safe to show to any administrator.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

struct AuditEntry {
    std::int64_t id = 0;
    std::string at;          // ISO 8601 UTC
    std::string actor;       // the admin's account name
    std::string action;      // "member.add", "member.update", "db.migrate"...
    std::string object_type; // "member", "database"
    std::string object_id;   // "42"
    std::string details;     // JSON without personal data: {"fields":["country"]}
};

struct AuditFilter {
    std::optional<std::string> action;      // exact, or a prefix ending in '.' ("member.")
    std::optional<std::string> object_type;
    std::optional<std::string> object_id;
    std::optional<std::string> actor;
    std::optional<std::string> since;       // ISO date or time, included
    std::size_t limit = 0;                  // 0: all; otherwise the newest `limit`
};

} // namespace expeer
