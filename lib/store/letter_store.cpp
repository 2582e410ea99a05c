#include "store/letter_store.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace expeer {

namespace {

constexpr const char* send_columns = "issue, member_id, language, status, attempts, reply, message_id, updated_at";

LetterSend read_send(SQLite::Statement& q) {
    return {q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
            q.getColumn(3).getString(), q.getColumn(4).getInt(),    optional_text(q.getColumn(5)),
            optional_text(q.getColumn(6)), q.getColumn(7).getString()};
}

constexpr const char* approval_columns = "issue, source_sha256, approved_at, approved_by";

LetterApproval read_approval(SQLite::Statement& q) {
    return {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
            q.getColumn(3).getString()};
}

// Who may receive the letter: active, and consenting.
constexpr const char* subscriber_query = "SELECT id, email, display_name, language FROM members "
                                         "WHERE status = 'active' AND newsletter_consent = 1";

Subscriber read_subscriber(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
            q.getColumn(3).getString()};
}

} // namespace

std::optional<LetterApproval> LetterStore::approval(const std::string& issue) {
    return db_.guarded([&]() -> std::optional<LetterApproval> {
        SQLite::Statement q(db_.sql(), std::string("SELECT ") + approval_columns + " FROM letter_issues WHERE issue = ?");
        q.bind(1, issue);
        if (!q.executeStep()) return std::nullopt;
        return read_approval(q);
    });
}

void LetterStore::approve(const LetterApproval& a) {
    db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "INSERT INTO letter_issues (issue, source_sha256, approved_at, approved_by) "
                                       "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (issue) DO UPDATE SET "
                                       "source_sha256 = ?2, approved_at = ?3, approved_by = ?4");
        q.bind(1, a.issue);
        q.bind(2, a.source_sha256);
        q.bind(3, a.approved_at);
        q.bind(4, a.approved_by);
        q.exec();
    });
}

std::vector<LetterApproval> LetterStore::approvals() {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), std::string("SELECT ") + approval_columns + " FROM letter_issues ORDER BY issue");
        std::vector<LetterApproval> all;
        while (q.executeStep()) all.push_back(read_approval(q));
        return all;
    });
}

void LetterStore::for_each_subscriber(const std::function<void(const Subscriber&)>& visit) {
    db_.guarded([&] {
        SQLite::Statement q(db_.sql(), std::string(subscriber_query) + " ORDER BY id");
        while (q.executeStep()) visit(read_subscriber(q));
    });
}

std::optional<Subscriber> LetterStore::subscriber(std::int64_t member_id) {
    return db_.guarded([&]() -> std::optional<Subscriber> {
        auto& q = db_.statement(std::string(subscriber_query) + " AND id = ?");
        q.bind(1, member_id);
        std::optional<Subscriber> found;
        if (q.executeStep()) found = read_subscriber(q);
        q.reset();
        return found;
    });
}

std::size_t LetterStore::enqueue(const std::string& issue, const std::vector<std::pair<std::int64_t, std::string>>& recipients,
                                 const std::string& now) {
    return db_.guarded([&] {
        std::size_t added = 0;
        auto& q = db_.statement("INSERT INTO letter_sends (issue, member_id, language, status, updated_at) "
                                "VALUES (?, ?, ?, 'pending', ?) ON CONFLICT (issue, member_id) DO NOTHING");
        for (const auto& [member, language] : recipients) {
            q.bind(1, issue);
            q.bind(2, member);
            q.bind(3, language);
            q.bind(4, now);
            added += static_cast<std::size_t>(q.exec());
            q.reset();
        }
        return added;
    });
}

std::size_t LetterStore::mark_interrupted(const std::string& issue, const std::string& now) {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "UPDATE letter_sends SET status = 'interrupted', updated_at = ?, "
                                       "reply = 'interrupted while sending: it may have been delivered' "
                                       "WHERE issue = ? AND status = 'sending'");
        q.bind(1, now);
        q.bind(2, issue);
        return static_cast<std::size_t>(q.exec());
    });
}

std::size_t LetterStore::retry(const std::string& issue, const std::string& status, const std::string& now) {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "UPDATE letter_sends SET status = 'pending', updated_at = ? "
                                       "WHERE issue = ? AND status = ?");
        q.bind(1, now);
        q.bind(2, issue);
        q.bind(3, status);
        return static_cast<std::size_t>(q.exec());
    });
}

std::vector<LetterSend> LetterStore::pending(const std::string& issue, std::int64_t after_member_id,
                                             std::size_t limit) {
    return db_.guarded([&] {
        auto& q = db_.statement(std::string("SELECT ") + send_columns +
                                " FROM letter_sends WHERE issue = ? AND status = 'pending' AND member_id > ? "
                                "ORDER BY member_id LIMIT ?");
        q.bind(1, issue);
        q.bind(2, after_member_id);
        q.bind(3, static_cast<std::int64_t>(limit));
        std::vector<LetterSend> out;
        while (q.executeStep()) out.push_back(read_send(q));
        q.reset();
        return out;
    });
}

void LetterStore::update(const LetterSend& s) {
    db_.guarded([&] {
        auto& q = db_.statement("UPDATE letter_sends SET status = ?, attempts = ?, reply = ?, message_id = ?, "
                                "updated_at = ? WHERE issue = ? AND member_id = ?");
        q.bind(1, s.status);
        q.bind(2, s.attempts);
        bind_optional(q, 3, s.reply);
        bind_optional(q, 4, s.message_id);
        q.bind(5, s.updated_at);
        q.bind(6, s.issue);
        q.bind(7, s.member_id);
        q.exec();
        q.reset();
    });
}

std::map<std::string, std::int64_t> LetterStore::counts(const std::string& issue) {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "SELECT status, count(*) FROM letter_sends WHERE issue = ? GROUP BY status");
        q.bind(1, issue);
        std::map<std::string, std::int64_t> out;
        while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
        return out;
    });
}

std::map<std::pair<std::string, std::string>, std::int64_t> LetterStore::counts_by_language(const std::string& issue) {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "SELECT language, status, count(*) FROM letter_sends WHERE issue = ? "
                                       "GROUP BY language, status");
        q.bind(1, issue);
        std::map<std::pair<std::string, std::string>, std::int64_t> out;
        while (q.executeStep()) out[{q.getColumn(0).getString(), q.getColumn(1).getString()}] = q.getColumn(2).getInt64();
        return out;
    });
}

std::int64_t LetterStore::sent_since(const std::string& since) {
    return db_.guarded([&] {
        auto& q = db_.statement("SELECT count(*) FROM letter_sends WHERE status = 'sent' AND updated_at >= ?");
        q.bind(1, since);
        q.executeStep();
        const auto n = q.getColumn(0).getInt64();
        q.reset();
        return n;
    });
}

std::vector<LetterSend> LetterStore::sends_of_member(std::int64_t member_id) {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), std::string("SELECT ") + send_columns +
                                           " FROM letter_sends WHERE member_id = ? ORDER BY issue");
        q.bind(1, member_id);
        std::vector<LetterSend> out;
        while (q.executeStep()) out.push_back(read_send(q));
        return out;
    });
}

std::vector<std::pair<LetterSend, std::string>> LetterStore::sends_in_state(const std::string& issue,
                                                                            const std::string& status) {
    return db_.guarded([&] {
        // The members table has columns of the same names: the join stays inside, so that
        // read_send reads send_columns as everywhere else.
        SQLite::Statement q(db_.sql(), std::string("SELECT ") + send_columns +
                                           ", email FROM (SELECT s.*, coalesce(m.email, '') AS email, m.email_key "
                                           "FROM letter_sends s JOIN members m ON m.id = s.member_id "
                                           "WHERE s.issue = ? AND s.status = ?) ORDER BY email_key, member_id");
        q.bind(1, issue);
        q.bind(2, status);
        std::vector<std::pair<LetterSend, std::string>> out;
        while (q.executeStep()) out.emplace_back(read_send(q), q.getColumn(8).getString());
        return out;
    });
}

void LetterStore::forget_member(std::int64_t member_id) {
    db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "DELETE FROM letter_sends WHERE member_id = ?");
        q.bind(1, member_id);
        q.exec();
    });
}

} // namespace expeer
