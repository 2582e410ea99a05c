#include "store/member_store.hpp"

#include "store/database.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace expeer {

namespace {

constexpr const char* member_columns =
    "id, email, display_name, country, organisation, occupation, language, profile, "
    "newsletter_consent, consent_at, consent_source, registered_on, status, external_id, "
    "created_at, updated_at, erased_at, disabled_at";

Member read_member(Statement& row) {
    Member m;
    m.id = row.integer(0);
    m.email = row.text(1);
    m.display_name = row.text(2);
    m.country = row.optional_text(3);
    m.organisation = row.optional_text(4);
    m.occupation = row.text(5);
    m.language = row.text(6);
    m.profile = row.text(7);
    m.newsletter_consent = row.integer(8) != 0;
    m.consent_at = row.optional_text(9);
    m.consent_source = row.optional_text(10);
    m.registered_on = row.text(11);
    m.status = row.text(12);
    m.external_id = row.optional_text(13);
    m.created_at = row.text(14);
    m.updated_at = row.text(15);
    m.erased_at = row.optional_text(16);
    m.disabled_at = row.optional_text(17);
    return m;
}

// The member's columns as parameters ?1 to ?18 and ?20 (when they were disabled), in the order
// of write_columns; the member must
// outlive the statement's execution (strings are bound without copying); `key` is its
// address's key. The folded copies
// are what searches match against: accents, case and diacritics aside.
void bind_member(Statement& s, const Member& m, std::string& key, std::string& search) {
    search = text::fold(m.display_name) + "\n" + text::fold(m.email) + "\n" + text::fold(m.organisation.value_or(""));
    s.bind_no_copy(1, m.email);
    s.bind_no_copy(2, key);
    s.bind_no_copy(3, m.display_name);
    s.bind_no_copy(4, m.country);
    s.bind_no_copy(5, m.organisation);
    s.bind_no_copy(6, m.occupation);
    s.bind_no_copy(7, m.language);
    s.bind_no_copy(8, m.profile);
    s.bind(9, m.newsletter_consent ? 1 : 0);
    s.bind_no_copy(10, m.consent_at);
    s.bind_no_copy(11, m.consent_source);
    s.bind_no_copy(12, m.registered_on);
    s.bind_no_copy(13, m.status);
    s.bind_no_copy(14, m.external_id);
    s.bind_no_copy(15, search);
    if (m.organisation) s.bind(16, text::fold(*m.organisation));
    else s.bind(16, std::nullopt);
    s.bind_no_copy(17, m.created_at);
    s.bind_no_copy(18, m.updated_at);
    s.bind_no_copy(20, m.disabled_at);
}

// For LIKE: the text taken literally.
std::string like_pattern(const std::string& text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

} // namespace

std::optional<Member> MemberStore::find_one(const char* where, const BindKey& bind_key) {
    return db_.guarded([&]() -> std::optional<Member> {
        auto& query = db_.cached(std::string("SELECT ") + member_columns + " FROM members WHERE " + where);
        bind_key(query);
        if (!query.next()) return std::nullopt;
        Member member = read_member(query);
        query.reset(); // the key is unique: do not hold the read open for a row that cannot come
        return member;
    });
}

std::optional<Member> MemberStore::find_by_email(std::string_view email) {
    return find_one("email_key = ?", [&](Statement& q) { q.bind(1, key_for(email)); });
}

EmailKeyRule MemberStore::email_key_rule() {
    if (!rule_)
        rule_ = db_.guarded([&] {
            auto& q = db_.cached("SELECT rule FROM email_key_rule WHERE id = 1");
            const std::string name = q.next() ? q.text(0) : "";
            q.reset();
            const auto rule = email_key_rule_named(name);
            if (!rule)
                throw Error(ErrorKind::config, fmt::format("'{}' records no known rule for comparing addresses ('{}')",
                                                           db_.shown(), name));
            return *rule;
        });
    return *rule_;
}

std::string MemberStore::key_for(std::string_view email) { return email_key(email, email_key_rule()); }

std::vector<MemberStore::KeyRow> MemberStore::keys() {
    return db_.guarded([&] {
        Statement q = db_.scan("SELECT id, email, email_key FROM members WHERE email_key IS NOT NULL ORDER BY id");
        std::vector<KeyRow> rows;
        while (q.next()) rows.push_back({q.integer(0), q.text(1), q.text(2)});
        return rows;
    });
}

void MemberStore::set_keys(const std::vector<std::pair<std::int64_t, std::string>>& keys, EmailKeyRule rule,
                           const std::string& at) {
    db_.guarded([&] {
        // Two passes, so that a key passing from one member to another is never held twice at
        // once: the unique index checks every row as it is written. A placeholder has no '@'.
        Statement provisional = db_.prepare("UPDATE members SET email_key = 'rekeying ' || id WHERE id = ?");
        for (const auto& [id, key] : keys) {
            provisional.bind(1, id);
            provisional.run();
            provisional.reset();
        }
        Statement final_key = db_.prepare("UPDATE members SET email_key = ? WHERE id = ?");
        for (const auto& [id, key] : keys) {
            final_key.bind(1, key);
            final_key.bind(2, id);
            final_key.run();
            final_key.reset();
        }
        Statement record = db_.prepare("UPDATE email_key_rule SET rule = ?, changed_at = ? WHERE id = 1");
        record.bind(1, std::string(email_key_rule_name(rule)));
        record.bind(2, at);
        record.run();
        rule_ = rule;
    });
}

std::optional<Member> MemberStore::find_by_id(std::int64_t id) {
    return find_one("id = ?", [&](Statement& q) { q.bind(1, id); });
}

std::optional<Member> MemberStore::find_by_external_id(std::string_view external_id) {
    return find_one("external_id = ?", [&](Statement& q) { q.bind(1, std::string(external_id)); });
}

std::vector<Member> MemberStore::list(const MemberFilter& filter) {
    std::vector<Member> members;
    for_each(filter, [&](const Member& m) { members.push_back(m); });
    return members;
}

void MemberStore::for_each(const MemberFilter& filter, const std::function<void(const Member&)>& visit) {
    db_.guarded([&] {
        std::string sql = std::string("SELECT ") + member_columns + " FROM members WHERE 1 = 1";
        std::vector<std::string> values;
        const auto where = [&](const char* clause, std::optional<std::string> value) {
            if (!value) return;
            sql += clause;
            values.push_back(std::move(*value));
        };
        where(" AND country = ?", filter.country);
        if (filter.status) where(" AND status = ?", filter.status);
        else sql += " AND status <> 'erased'";
        where(" AND language = ?", filter.language);
        if (filter.organisation)
            where(" AND organisation_key LIKE ? ESCAPE '\\'", like_pattern(text::fold(*filter.organisation)));
        if (filter.text)
            where(" AND search_text LIKE ? ESCAPE '\\'", like_pattern(text::fold(*filter.text)));
        sql += " ORDER BY id";
        Statement query = db_.scan(sql);
        for (std::size_t i = 0; i < values.size(); ++i) query.bind(static_cast<int>(i + 1), values[i]);
        while (query.next()) visit(read_member(query));
    });
}

std::int64_t MemberStore::write(const std::string& sql, const Member& member) {
    return db_.guarded([&] {
        auto& statement = db_.cached(sql);
        std::string key = key_for(member.email), search;
        bind_member(statement, member, key, search);
        if (member.id != 0) statement.bind(19, member.id);
        if (!statement.next()) return std::int64_t{0}; // no RETURNING: it ran to the end
        const std::int64_t id = statement.integer(0);
        statement.reset(); // a statement left mid-way holds a read snapshot
        return id;
    });
}

std::int64_t MemberStore::count_all() {
    return db_.guarded([&] {
        Statement q = db_.prepare("SELECT count(*) FROM members");
        q.next();
        return q.integer(0);
    });
}

std::int64_t MemberStore::insert(const Member& member) {
    Member fresh = member;
    fresh.id = 0;
    return write("INSERT INTO members (email, email_key, display_name, country, organisation, "
                 "occupation, language, profile, newsletter_consent, consent_at, consent_source, "
                 "registered_on, status, external_id, search_text, organisation_key, created_at, "
                 "updated_at, disabled_at) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                 "?17, ?18, CASE WHEN ?13 = 'disabled' THEN COALESCE(?20, ?18) END) RETURNING id",
                 fresh);
}

void MemberStore::update(const Member& member) {
    write("UPDATE members SET email = ?1, email_key = ?2, display_name = ?3, country = ?4, "
          "organisation = ?5, occupation = ?6, language = ?7, profile = ?8, newsletter_consent = ?9, "
          "consent_at = ?10, consent_source = ?11, registered_on = ?12, status = ?13, "
          "external_id = ?14, search_text = ?15, organisation_key = ?16, created_at = ?17, "
          "updated_at = ?18, "
          // When they were disabled, for statistics at past dates; enabling again forgets it.
          "disabled_at = CASE WHEN ?13 = 'disabled' THEN COALESCE(?20, disabled_at, ?18) END WHERE id = ?19",
          member);
}

void MemberStore::record_consent(std::int64_t member_id, const std::string& at, bool consent,
                                 const std::optional<std::string>& source) {
    db_.guarded([&] {
        auto& insert = db_.cached("INSERT INTO consent_events (member_id, at, consent, source) "
                                  "VALUES (?, ?, ?, ?)");
        insert.bind(1, member_id);
        insert.bind(2, at);
        insert.bind(3, consent ? 1 : 0);
        insert.bind_no_copy(4, source);
        insert.run();
    });
}

std::vector<ConsentEvent> MemberStore::consent_history(std::int64_t member_id) {
    return db_.guarded([&] {
        Statement query = db_.prepare("SELECT at, consent, source FROM consent_events "
                                      "WHERE member_id = ? ORDER BY at, id");
        query.bind(1, member_id);
        std::vector<ConsentEvent> events;
        while (query.next())
            events.push_back({query.text(0), query.integer(1) != 0, query.optional_text(2)});
        return events;
    });
}

void MemberStore::erase(std::int64_t member_id, const std::string& at) {
    db_.guarded([&] {
        Statement erase = db_.prepare(
            "UPDATE members SET email = NULL, email_key = NULL, display_name = NULL, country = NULL, "
            "organisation = NULL, occupation = 'other', language = 'en', profile = 'member', "
            "newsletter_consent = 0, consent_at = NULL, consent_source = NULL, status = 'erased', "
            "external_id = NULL, search_text = '', organisation_key = NULL, updated_at = ?1, "
            "erased_at = ?1 WHERE id = ?2");
        erase.bind(1, at);
        erase.bind(2, member_id);
        erase.run();
        Statement history = db_.prepare("DELETE FROM consent_events WHERE member_id = ?");
        history.bind(1, member_id);
        history.run();
    });
}

} // namespace expeer
