// The newsletter's approvals and its send log. Only rows in and out: the rules are in lib/letter.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Database;

struct LetterApproval {
    std::string issue; // "2024-09"
    std::string source_sha256;
    std::string approved_at;
    std::string approved_by;
    bool allow_missing = false; // approved with missing translations falling back
};

// An edition as it was approved: the members' copy (placeholders for each one's name and
// link) or the web archive's (no one's).
struct StoredEdition {
    std::string language;
    std::string subject;
    std::string html;
    std::string text;
};

// One member's copy of one issue.
struct LetterSend {
    std::string issue;
    std::int64_t member_id = 0;
    std::string language;
    std::string status; // pending | sending | sent | failed | interrupted
    int attempts = 0;
    std::optional<std::string> reply; // the SMTP server's last reply
    std::optional<std::string> message_id;
    std::string updated_at;
};

// Who may receive the letter: not disabled or erased, and consenting.
struct Subscriber {
    std::int64_t member_id = 0;
    std::string email;
    std::string display_name;
    std::string language; // their preferred one, any
};

class LetterStore {
public:
    explicit LetterStore(Database& db) : db_(db) {}

    std::optional<LetterApproval> approval(const std::string& issue);
    // Replaces an earlier approval, and its editions with these (copy "members" or
    // "archive"; language -> edition).
    void approve(const LetterApproval& approval,
                 const std::map<std::string, std::vector<StoredEdition>>& editions_by_copy);
    std::vector<LetterApproval> approvals(); // by issue
    // The editions one copy of an approved issue had, by language; none for an approval
    // from before they were kept.
    std::vector<StoredEdition> approved_editions(const std::string& issue, const std::string& copy);

    void for_each_subscriber(const std::function<void(const Subscriber&)>& visit);
    std::optional<Subscriber> subscriber(std::int64_t member_id); // nothing if no longer one

    // A pending row for each (member, language) not in the log yet; returns how many.
    std::size_t enqueue(const std::string& issue, const std::vector<std::pair<std::int64_t, std::string>>& recipients,
                        const std::string& now);
    // What a crashed run left as "sending" may or may not have been delivered: it becomes
    // "interrupted", which is never retried on its own.
    std::size_t mark_interrupted(const std::string& issue, const std::string& now);
    std::size_t retry(const std::string& issue, const std::string& status, const std::string& now); // -> pending
    // Pending rows after `after_member_id`, by member: a run reads the log forward once, so
    // rows it is retrying or gave up on are never read again.
    std::vector<LetterSend> pending(const std::string& issue, std::int64_t after_member_id, std::size_t limit);
    void update(const LetterSend& send);
    std::map<std::string, std::int64_t> counts(const std::string& issue);                  // by status
    std::map<std::pair<std::string, std::string>, std::int64_t> counts_by_language(const std::string& issue);
    std::int64_t sent_since(const std::string& since); // every issue: for the hourly limit
    std::vector<LetterSend> sends_of_member(std::int64_t member_id);
    // The rows of one state with the member's address, by address: which ones failed and
    // why, which a crash interrupted.
    std::vector<std::pair<LetterSend, std::string>> sends_in_state(const std::string& issue, const std::string& status);
    // Counts in a period [from, to) (to empty: until now): bounces read (hard and soft),
    // complaints, and withdrawals of consent by anyone. No one's name, no one's opening or click.
    struct Aftermath {
        std::int64_t bounced = 0, complaints = 0, unsubscribed = 0;
    };
    Aftermath aftermath(const std::string& from, const std::string& to);
    void forget_member(std::int64_t member_id); // erasure

private:
    Database& db_;
};

} // namespace expeer
