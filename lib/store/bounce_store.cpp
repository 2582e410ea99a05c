#include "store/bounce_store.hpp"

#include "store/database.hpp"

namespace expeer {

bool BounceStore::seen(const std::string& message_key) {
    return db_.guarded([&] {
        auto& q = db_.cached("SELECT 1 FROM letter_bounces WHERE message_key = ?");
        q.bind(1, message_key);
        const bool found = q.next();
        q.reset();
        return found;
    });
}

bool BounceStore::record(const BounceRecord& b) {
    return db_.guarded([&] {
        auto& q = db_.cached("INSERT INTO letter_bounces (message_key, read_at, kind, member_id, email, status) "
                             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (message_key) DO NOTHING");
        q.bind(1, b.message_key);
        q.bind(2, b.read_at);
        q.bind(3, b.kind);
        q.bind(4, b.member_id);
        q.bind(5, b.email);
        q.bind(6, b.status);
        const bool added = q.run() > 0;
        q.reset();
        return added;
    });
}

std::int64_t BounceStore::count(std::int64_t member_id, const std::string& email, const std::string& kind) {
    return db_.guarded([&] {
        auto& q = db_.cached("SELECT count(*) FROM letter_bounces WHERE member_id = ? AND email = ? AND kind = ?");
        q.bind(1, member_id);
        q.bind(2, email);
        q.bind(3, kind);
        q.next();
        const auto n = q.integer(0);
        q.reset();
        return n;
    });
}

std::vector<BounceRecord> BounceStore::of_member(std::int64_t member_id) {
    return db_.guarded([&] {
        Statement q = db_.prepare("SELECT message_key, read_at, kind, member_id, email, status FROM letter_bounces "
                                  "WHERE member_id = ? ORDER BY read_at, message_key");
        q.bind(1, member_id);
        std::vector<BounceRecord> out;
        while (q.next())
            out.push_back({q.text(0), q.text(1), q.text(2), q.optional_integer(3), q.optional_text(4), q.optional_text(5)});
        return out;
    });
}

std::optional<LetterSuspension> BounceStore::suspension(std::int64_t member_id) {
    return db_.guarded([&]() -> std::optional<LetterSuspension> {
        auto& q = db_.cached("SELECT member_id, email, kind, bounces, suspended_at FROM letter_suspensions "
                             "WHERE member_id = ?");
        q.bind(1, member_id);
        std::optional<LetterSuspension> found;
        if (q.next()) found = LetterSuspension{q.integer(0), q.text(1), q.text(2), q.integer(3), q.text(4)};
        q.reset();
        return found;
    });
}

void BounceStore::suspend(const LetterSuspension& s) {
    db_.guarded([&] {
        Statement q = db_.prepare("INSERT INTO letter_suspensions (member_id, email, kind, bounces, suspended_at) "
                                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET email = excluded.email, "
                                  "kind = excluded.kind, bounces = excluded.bounces, suspended_at = excluded.suspended_at");
        q.bind(1, s.member_id);
        q.bind(2, s.email);
        q.bind(3, s.kind);
        q.bind(4, s.bounces);
        q.bind(5, s.suspended_at);
        q.run();
    });
}

void BounceStore::forget_member(std::int64_t member_id) {
    db_.guarded([&] {
        for (const char* table : {"letter_bounces", "letter_suspensions"}) {
            Statement q = db_.prepare(std::string("DELETE FROM ") + table + " WHERE member_id = ?");
            q.bind(1, member_id);
            q.run();
        }
    });
}

} // namespace expeer
