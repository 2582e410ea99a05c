// The returned mail `letter bounces` has read, and the members whose letter it suspended.
// Only rows in and out: the rules are in lib/letter/bounces.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Database;

struct BounceRecord {
    std::string message_key; // the report's Message-ID, or "sha256:..." of its bytes
    std::string read_at;
    std::string kind;                    // hard | soft | delayed | complaint
    std::optional<std::int64_t> member_id; // nothing: unmatched
    std::optional<std::string> email;      // the member's address when it came
    std::optional<std::string> status;     // "5.1.1"
};

// A member's letter stopped for `email`: a new address is not suspended.
struct LetterSuspension {
    std::int64_t member_id = 0;
    std::string email;
    std::string kind; // hard | soft
    std::int64_t bounces = 0;
    std::string suspended_at;
};

class BounceStore {
public:
    explicit BounceStore(Database& db) : db_(db) {}

    bool seen(const std::string& message_key);
    // False, writing nothing, when that report was recorded already.
    bool record(const BounceRecord& bounce);
    // The bounces of one kind recorded for a member while they had that address.
    std::int64_t count(std::int64_t member_id, const std::string& email, const std::string& kind);
    std::optional<LetterSuspension> suspension(std::int64_t member_id);
    std::vector<BounceRecord> of_member(std::int64_t member_id); // by date: for their data export
    void suspend(const LetterSuspension& suspension); // replaces an earlier one
    void forget_member(std::int64_t member_id);       // erasure

private:
    Database& db_;
};

} // namespace expeer
