// `letter bounces`: reads returned mail and keeps the list clean. Each report is matched to
// the member it names by a signature (their bounce address, or the unsubscribe link of the
// returned letter), or else by an address that is exactly one member's; never guessed. A
// member's letter is suspended after letter.bounce_hard_limit hard bounces or
// letter.bounce_soft_limit soft ones at the same address, and a complaint unsubscribes them
// at once. A report read twice counts once.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace expeer {

class Clock;
class Config;
class Database;
class Mailbox;
class MemberRegistry;
struct LetterSuspension;
struct Member;

struct BounceSettings {
    std::string token_secret;
    long hard_limit = 1;
    long soft_limit = 5;
};
// Checked once: the limits at least 1, the secret long enough.
BounceSettings bounce_settings(const Config& config);
// letter.bounce_password, or the first line of letter.bounce_password_file; never shown.
std::string bounce_mailbox_password(const Config& config);

struct BounceOutcome {
    std::string where; // the message in its mailbox
    // hard, soft, delayed, complaint, unmatched, not a report, read before
    std::string found;
    std::optional<std::int64_t> member_id;
    std::string matched_by; // "bounce address", "unsubscribe link", "their address"; empty
    std::string status;     // "5.1.1", "abuse"
    std::string action;     // what was done, or would be under a dry run
};

struct BounceRun {
    std::vector<BounceOutcome> outcomes;
    std::map<std::string, std::size_t> found;   // by what was found
    std::size_t suspended = 0, unsubscribed = 0; // members
};

struct BounceRequest {
    bool dry_run = false; // reads and reports; writes nothing
    std::string actor;    // for the audit log
};

BounceRun process_bounces(Database& db, MemberRegistry& registry, Mailbox& mailbox, const BounceSettings& settings,
                          const BounceRequest& request, const Clock& clock,
                          const std::function<void(std::size_t read)>& on_progress = {});

// The suspension of a member's letter that applies to their current address, if any.
std::optional<LetterSuspension> current_suspension(Database& db, const Member& member);

} // namespace expeer
