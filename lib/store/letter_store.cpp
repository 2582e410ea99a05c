#include "store/letter_store.hpp"

#include "store/database.hpp"

namespace expeer {

namespace {

constexpr const char* send_columns = "issue, member_id, language, status, attempts, reply, message_id, updated_at";

LetterSend read_send(Statement& q) {
    return {q.text(0), q.integer(1), q.text(2), q.text(3), static_cast<int>(q.integer(4)),
            q.optional_text(5), q.optional_text(6), q.text(7)};
}

constexpr const char* approval_columns = "issue, source_sha256, approved_at, approved_by, allow_missing";

LetterApproval read_approval(Statement& q) {
    return {q.text(0), q.text(1), q.text(2), q.text(3), q.integer(4) != 0};
}

// Who may receive the letter: active, consenting, and their address not suspended for
// bouncing (store/bounce_store.hpp).
constexpr const char* subscriber_query = "SELECT id, email, display_name, language FROM members "
                                         "WHERE status = 'active' AND newsletter_consent = 1 AND NOT EXISTS "
                                         "(SELECT 1 FROM letter_suspensions s WHERE s.member_id = members.id "
                                         "AND s.email = members.email)";

Subscriber read_subscriber(Statement& q) {
    return {q.integer(0), q.text(1), q.text(2), q.text(3)};
}

} // namespace

std::optional<LetterApproval> LetterStore::approval(const std::string& issue) {
    return db_.guarded([&]() -> std::optional<LetterApproval> {
        Statement q = db_.prepare(std::string("SELECT ") + approval_columns + " FROM letter_issues WHERE issue = ?");
        q.bind(1, issue);
        if (!q.next()) return std::nullopt;
        return read_approval(q);
    });
}

void LetterStore::approve(const LetterApproval& a,
                          const std::map<std::string, std::vector<StoredEdition>>& editions_by_copy) {
    db_.guarded([&] {
        Statement q = db_.prepare("INSERT INTO letter_issues (issue, source_sha256, approved_at, approved_by, "
                                  "allow_missing) VALUES (?, ?, ?, ?, ?) ON CONFLICT (issue) DO UPDATE SET "
                                  "source_sha256 = excluded.source_sha256, approved_at = excluded.approved_at, "
                                  "approved_by = excluded.approved_by, allow_missing = excluded.allow_missing");
        q.bind(1, a.issue);
        q.bind(2, a.source_sha256);
        q.bind(3, a.approved_at);
        q.bind(4, a.approved_by);
        q.bind(5, std::int64_t{a.allow_missing ? 1 : 0});
        q.run();
        Statement forget = db_.prepare("DELETE FROM letter_editions WHERE issue = ?");
        forget.bind(1, a.issue);
        forget.run();
        for (const auto& [copy, editions] : editions_by_copy)
            for (const auto& e : editions) {
                Statement keep = db_.prepare("INSERT INTO letter_editions (issue, language, copy, subject, html, text) "
                                             "VALUES (?, ?, ?, ?, ?, ?)");
                keep.bind(1, a.issue);
                keep.bind(2, e.language);
                keep.bind(3, copy);
                keep.bind(4, e.subject);
                keep.bind(5, e.html);
                keep.bind(6, e.text);
                keep.run();
            }
    });
}

std::vector<StoredEdition> LetterStore::approved_editions(const std::string& issue, const std::string& copy) {
    return db_.guarded([&] {
        Statement q = db_.prepare("SELECT language, subject, html, text FROM letter_editions "
                                  "WHERE issue = ? AND copy = ? ORDER BY language");
        q.bind(1, issue);
        q.bind(2, copy);
        std::vector<StoredEdition> all;
        while (q.next()) all.push_back({q.text(0), q.text(1), q.text(2), q.text(3)});
        return all;
    });
}

std::vector<LetterApproval> LetterStore::approvals() {
    return db_.guarded([&] {
        Statement q = db_.prepare(std::string("SELECT ") + approval_columns + " FROM letter_issues ORDER BY issue");
        std::vector<LetterApproval> all;
        while (q.next()) all.push_back(read_approval(q));
        return all;
    });
}

void LetterStore::for_each_subscriber(const std::function<void(const Subscriber&)>& visit) {
    db_.guarded([&] {
        Statement q = db_.scan(std::string(subscriber_query) + " ORDER BY id");
        while (q.next()) visit(read_subscriber(q));
    });
}

std::optional<Subscriber> LetterStore::subscriber(std::int64_t member_id) {
    return db_.guarded([&]() -> std::optional<Subscriber> {
        auto& q = db_.cached(std::string(subscriber_query) + " AND id = ?");
        q.bind(1, member_id);
        std::optional<Subscriber> found;
        if (q.next()) found = read_subscriber(q);
        q.reset();
        return found;
    });
}

std::size_t LetterStore::enqueue(const std::string& issue, const std::vector<std::pair<std::int64_t, std::string>>& recipients,
                                 const std::string& now) {
    return db_.guarded([&] {
        std::size_t added = 0;
        auto& q = db_.cached("INSERT INTO letter_sends (issue, member_id, language, status, updated_at) "
                             "VALUES (?, ?, ?, 'pending', ?) ON CONFLICT (issue, member_id) DO NOTHING");
        for (const auto& [member, language] : recipients) {
            q.bind(1, issue);
            q.bind(2, member);
            q.bind(3, language);
            q.bind(4, now);
            added += static_cast<std::size_t>(q.run());
            q.reset();
        }
        return added;
    });
}

std::size_t LetterStore::mark_interrupted(const std::string& issue, const std::string& now) {
    return db_.guarded([&] {
        Statement q = db_.prepare("UPDATE letter_sends SET status = 'interrupted', updated_at = ?, "
                                  "reply = 'interrupted while sending: it may have been delivered' "
                                  "WHERE issue = ? AND status = 'sending'");
        q.bind(1, now);
        q.bind(2, issue);
        return static_cast<std::size_t>(q.run());
    });
}

std::size_t LetterStore::retry(const std::string& issue, const std::string& status, const std::string& now) {
    return db_.guarded([&] {
        Statement q = db_.prepare("UPDATE letter_sends SET status = 'pending', updated_at = ? "
                                  "WHERE issue = ? AND status = ?");
        q.bind(1, now);
        q.bind(2, issue);
        q.bind(3, status);
        return static_cast<std::size_t>(q.run());
    });
}

std::vector<LetterSend> LetterStore::pending(const std::string& issue, std::int64_t after_member_id,
                                             std::size_t limit) {
    return db_.guarded([&] {
        auto& q = db_.cached(std::string("SELECT ") + send_columns +
                             " FROM letter_sends WHERE issue = ? AND status = 'pending' AND member_id > ? "
                             "ORDER BY member_id LIMIT ?");
        q.bind(1, issue);
        q.bind(2, after_member_id);
        q.bind(3, static_cast<std::int64_t>(limit));
        std::vector<LetterSend> out;
        while (q.next()) out.push_back(read_send(q));
        q.reset();
        return out;
    });
}

void LetterStore::update(const LetterSend& s) {
    db_.guarded([&] {
        auto& q = db_.cached("UPDATE letter_sends SET status = ?, attempts = ?, reply = ?, message_id = ?, "
                             "updated_at = ? WHERE issue = ? AND member_id = ?");
        q.bind(1, s.status);
        q.bind(2, s.attempts);
        q.bind_no_copy(3, s.reply);
        q.bind_no_copy(4, s.message_id);
        q.bind(5, s.updated_at);
        q.bind(6, s.issue);
        q.bind(7, s.member_id);
        q.run();
        q.reset();
    });
}

std::map<std::string, std::int64_t> LetterStore::counts(const std::string& issue) {
    return db_.guarded([&] {
        Statement q = db_.prepare("SELECT status, count(*) FROM letter_sends WHERE issue = ? GROUP BY status");
        q.bind(1, issue);
        std::map<std::string, std::int64_t> out;
        while (q.next()) out[q.text(0)] = q.integer(1);
        return out;
    });
}

LetterStore::Aftermath LetterStore::aftermath(const std::string& from, const std::string& to) {
    return db_.guarded([&] {
        const std::string until = to.empty() ? "" : " AND at < ?";
        Statement q = db_.prepare(
            "SELECT (SELECT count(*) FROM letter_bounces WHERE kind IN ('hard', 'soft') AND read_at >= ?" +
            std::string(to.empty() ? "" : " AND read_at < ?") +
            "), (SELECT count(*) FROM letter_bounces WHERE kind = 'complaint' AND read_at >= ?" +
            std::string(to.empty() ? "" : " AND read_at < ?") +
            "), (SELECT count(*) FROM consent_events WHERE consent = 0 AND at >= ?" + until + ")");
        int parameter = 0;
        for (int i = 0; i < 3; ++i) {
            q.bind(++parameter, from);
            if (!to.empty()) q.bind(++parameter, to);
        }
        q.next();
        return Aftermath{q.integer(0), q.integer(1), q.integer(2)};
    });
}

std::map<std::pair<std::string, std::string>, std::int64_t> LetterStore::counts_by_language(const std::string& issue) {
    return db_.guarded([&] {
        Statement q = db_.prepare("SELECT language, status, count(*) FROM letter_sends WHERE issue = ? "
                                  "GROUP BY language, status");
        q.bind(1, issue);
        std::map<std::pair<std::string, std::string>, std::int64_t> out;
        while (q.next()) out[{q.text(0), q.text(1)}] = q.integer(2);
        return out;
    });
}

std::int64_t LetterStore::sent_since(const std::string& since) {
    return db_.guarded([&] {
        auto& q = db_.cached("SELECT count(*) FROM letter_sends WHERE status = 'sent' AND updated_at >= ?");
        q.bind(1, since);
        q.next();
        const auto n = q.integer(0);
        q.reset();
        return n;
    });
}

std::vector<LetterSend> LetterStore::sends_of_member(std::int64_t member_id) {
    return db_.guarded([&] {
        Statement q = db_.prepare(std::string("SELECT ") + send_columns +
                                  " FROM letter_sends WHERE member_id = ? ORDER BY issue");
        q.bind(1, member_id);
        std::vector<LetterSend> out;
        while (q.next()) out.push_back(read_send(q));
        return out;
    });
}

std::vector<std::pair<LetterSend, std::string>> LetterStore::sends_in_state(const std::string& issue,
                                                                            const std::string& status) {
    return db_.guarded([&] {
        // The members table has columns of the same names: the join stays inside, so that
        // read_send reads send_columns as everywhere else.
        Statement q = db_.prepare(std::string("SELECT ") + send_columns +
                                  ", email FROM (SELECT s.*, coalesce(m.email, '') AS email, m.email_key "
                                  "FROM letter_sends s JOIN members m ON m.id = s.member_id "
                                  "WHERE s.issue = ? AND s.status = ?) AS sends ORDER BY email_key, member_id");
        q.bind(1, issue);
        q.bind(2, status);
        std::vector<std::pair<LetterSend, std::string>> out;
        while (q.next()) out.emplace_back(read_send(q), q.text(8));
        return out;
    });
}

void LetterStore::forget_member(std::int64_t member_id) {
    db_.guarded([&] {
        Statement q = db_.prepare("DELETE FROM letter_sends WHERE member_id = ?");
        q.bind(1, member_id);
        q.run();
    });
}

} // namespace expeer
