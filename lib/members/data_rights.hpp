// Each member's rights over their data (GDPR articles 15 and 17): a copy of everything the
// database holds about them, and erasure.
#pragma once

#include "members/member.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>

#include <string>
#include <string_view>

namespace expeer {

class Clock;
class Database;
class ErasureList;

// Everything held about the member: profile, consent history, and the log of changes made to
// their entry. Later parts of expeer (spaces, news, newsletters) add their own sections here.
nlohmann::ordered_json personal_data(Database& db, std::string_view who);

struct Erasure {
    Member member;                   // as it was before
    std::size_t consent_events = 0;  // deleted with the person
    std::size_t memberships = 0;     // current ones, closed
    std::size_t news = 0;            // what they wrote: kept as a former member's, or deleted
    std::size_t comments = 0;
    bool content_deleted = false;
    bool applied = false;            // false for a dry run
    bool already_erased = false;
    bool wal_truncated = false;      // the WAL no longer holds old copies of the data
    // Another member, not erased, with the same address (two records of one person): the
    // address was then kept off the erasure list, which would refuse that member's address
    // and erase them too when a backup is restored.
    std::optional<std::int64_t> same_address_as;
};

// Without `apply`, only says what would be erased. With it, empties every personal field in
// one transaction (the audit log records the erasure by id), then checkpoints the WAL so that
// no old copy of the data stays in it. Erasing an erased member only retries the checkpoint.
// What they wrote stays, attributed to a former member, unless `delete_content`.
// The address goes on `erasures` (flushed to disk first), so that the person does not come back
// with the next import or a restored backup, unless another member keeps it (same_address_as).
Erasure erase_member(Database& db, const Clock& clock, const std::string& actor, std::string_view who, bool apply,
                     bool delete_content, ErasureList& erasures);

// Erases again every member of `db` whose address is on `erasures` (a database restored from
// a backup made before they were erased), as they were erased. Returns how many.
std::size_t replay_erasures(Database& db, const Clock& clock, const std::string& actor, const ErasureList& erasures);

} // namespace expeer
