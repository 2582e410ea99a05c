#include "store/member_store.hpp"

#include "store/database.hpp"
#include "store/columns.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <SQLiteCpp/Statement.h>

namespace expeer {

namespace {

constexpr const char* member_columns =
    "id, email, display_name, country, organisation, occupation, language, profile, "
    "newsletter_consent, consent_at, consent_source, registered_on, status, external_id, "
    "created_at, updated_at, erased_at, disabled_at";

Member read_member(SQLite::Statement& row) {
    Member m;
    m.id = row.getColumn(0).getInt64();
    m.email = row.getColumn(1).getString();
    m.display_name = row.getColumn(2).getString();
    m.country = optional_text(row.getColumn(3));
    m.organisation = optional_text(row.getColumn(4));
    m.occupation = row.getColumn(5).getString();
    m.language = row.getColumn(6).getString();
    m.profile = row.getColumn(7).getString();
    m.newsletter_consent = row.getColumn(8).getInt() != 0;
    m.consent_at = optional_text(row.getColumn(9));
    m.consent_source = optional_text(row.getColumn(10));
    m.registered_on = row.getColumn(11).getString();
    m.status = row.getColumn(12).getString();
    m.external_id = optional_text(row.getColumn(13));
    m.created_at = row.getColumn(14).getString();
    m.updated_at = row.getColumn(15).getString();
    m.erased_at = optional_text(row.getColumn(16));
    m.disabled_at = optional_text(row.getColumn(17));
    return m;
}

// The member's columns as parameters ?1 to ?18 and ?20 (when they were disabled), in the order
// of write_columns; the member must
// outlive the statement's execution (strings are bound without copying); `key` is its
// address's key. The folded copies
// are what searches match against: accents, case and diacritics aside.
void bind_member(SQLite::Statement& s, const Member& m, std::string& key, std::string& search) {
    search = text::fold(m.display_name) + "\n" + text::fold(m.email) + "\n" + text::fold(m.organisation.value_or(""));
    s.bindNoCopy(1, m.email);
    s.bindNoCopy(2, key);
    s.bindNoCopy(3, m.display_name);
    bind_optional(s, 4, m.country);
    bind_optional(s, 5, m.organisation);
    s.bindNoCopy(6, m.occupation);
    s.bindNoCopy(7, m.language);
    s.bindNoCopy(8, m.profile);
    s.bind(9, m.newsletter_consent ? 1 : 0);
    bind_optional(s, 10, m.consent_at);
    bind_optional(s, 11, m.consent_source);
    s.bindNoCopy(12, m.registered_on);
    s.bindNoCopy(13, m.status);
    bind_optional(s, 14, m.external_id);
    s.bindNoCopy(15, search);
    if (m.organisation) s.bind(16, text::fold(*m.organisation));
    else s.bind(16);
    s.bindNoCopy(17, m.created_at);
    s.bindNoCopy(18, m.updated_at);
    bind_optional(s, 20, m.disabled_at);
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
        auto& query = db_.statement(std::string("SELECT ") + member_columns + " FROM members WHERE " + where);
        bind_key(query);
        if (!query.executeStep()) return std::nullopt;
        Member member = read_member(query);
        query.reset(); // the key is unique: do not hold the read open for a row that cannot come
        return member;
    });
}

std::optional<Member> MemberStore::find_by_email(std::string_view email) {
    return find_one("email_key = ?", [&](SQLite::Statement& q) { q.bind(1, key_for(email)); });
}

EmailKeyRule MemberStore::email_key_rule() {
    if (!rule_)
        rule_ = db_.guarded([&] {
            auto& q = db_.statement("SELECT rule FROM email_key_rule WHERE id = 1");
            const std::string name = q.executeStep() ? q.getColumn(0).getString() : "";
            q.reset();
            const auto rule = email_key_rule_named(name);
            if (!rule)
                throw Error(ErrorKind::config, fmt::format("'{}' records no known rule for comparing addresses ('{}')",
                                                           db_.file().string(), name));
            return *rule;
        });
    return *rule_;
}

std::string MemberStore::key_for(std::string_view email) { return email_key(email, email_key_rule()); }

std::vector<MemberStore::KeyRow> MemberStore::keys() {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "SELECT id, email, email_key FROM members WHERE email_key IS NOT NULL ORDER BY id");
        std::vector<KeyRow> rows;
        while (q.executeStep())
            rows.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()});
        return rows;
    });
}

void MemberStore::set_keys(const std::vector<std::pair<std::int64_t, std::string>>& keys, EmailKeyRule rule,
                           const std::string& at) {
    db_.guarded([&] {
        // Two passes, so that a key passing from one member to another is never held twice at
        // once: the unique index checks every row as it is written. A placeholder has no '@'.
        SQLite::Statement provisional(db_.sql(), "UPDATE members SET email_key = 'rekeying ' || id WHERE id = ?");
        for (const auto& [id, key] : keys) {
            provisional.bind(1, id);
            provisional.exec();
            provisional.reset();
        }
        SQLite::Statement final_key(db_.sql(), "UPDATE members SET email_key = ? WHERE id = ?");
        for (const auto& [id, key] : keys) {
            final_key.bind(1, key);
            final_key.bind(2, id);
            final_key.exec();
            final_key.reset();
        }
        SQLite::Statement record(db_.sql(), "UPDATE email_key_rule SET rule = ?, changed_at = ? WHERE id = 1");
        record.bind(1, std::string(email_key_rule_name(rule)));
        record.bind(2, at);
        record.exec();
        rule_ = rule;
    });
}

std::optional<Member> MemberStore::find_by_id(std::int64_t id) {
    return find_one("id = ?", [&](SQLite::Statement& q) { q.bind(1, id); });
}

std::optional<Member> MemberStore::find_by_external_id(std::string_view external_id) {
    return find_one("external_id = ?", [&](SQLite::Statement& q) { q.bind(1, std::string(external_id)); });
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
        SQLite::Statement query(db_.sql(), sql);
        for (std::size_t i = 0; i < values.size(); ++i) query.bind(static_cast<int>(i + 1), values[i]);
        while (query.executeStep()) visit(read_member(query));
    });
}

void MemberStore::write(const std::string& sql, const Member& member) {
    db_.guarded([&] {
        auto& statement = db_.statement(sql);
        std::string key = key_for(member.email), search;
        bind_member(statement, member, key, search);
        if (member.id != 0) statement.bind(19, member.id);
        statement.exec();
    });
}

std::int64_t MemberStore::count_all() {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "SELECT count(*) FROM members");
        q.executeStep();
        return q.getColumn(0).getInt64();
    });
}

std::int64_t MemberStore::insert(const Member& member) {
    Member fresh = member;
    fresh.id = 0;
    write("INSERT INTO members (email, email_key, display_name, country, organisation, occupation, "
          "language, profile, newsletter_consent, consent_at, consent_source, registered_on, "
          "status, external_id, search_text, organisation_key, created_at, updated_at, disabled_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
          "CASE WHEN ?13 = 'disabled' THEN COALESCE(?20, ?18) END)",
          fresh);
    return db_.sql().getLastInsertRowid();
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
        auto& insert = db_.statement("INSERT INTO consent_events (member_id, at, consent, source) "
                                     "VALUES (?, ?, ?, ?)");
        insert.bind(1, member_id);
        insert.bind(2, at);
        insert.bind(3, consent ? 1 : 0);
        bind_optional(insert, 4, source);
        insert.exec();
    });
}

std::vector<ConsentEvent> MemberStore::consent_history(std::int64_t member_id) {
    return db_.guarded([&] {
        SQLite::Statement query(db_.sql(), "SELECT at, consent, source FROM consent_events "
                                           "WHERE member_id = ? ORDER BY at, id");
        query.bind(1, member_id);
        std::vector<ConsentEvent> events;
        while (query.executeStep())
            events.push_back({query.getColumn(0).getString(), query.getColumn(1).getInt() != 0,
                              optional_text(query.getColumn(2))});
        return events;
    });
}

void MemberStore::erase(std::int64_t member_id, const std::string& at) {
    db_.guarded([&] {
        SQLite::Statement erase(
            db_.sql(),
            "UPDATE members SET email = NULL, email_key = NULL, display_name = NULL, country = NULL, "
            "organisation = NULL, occupation = 'other', language = 'en', profile = 'member', "
            "newsletter_consent = 0, consent_at = NULL, consent_source = NULL, status = 'erased', "
            "external_id = NULL, search_text = '', organisation_key = NULL, updated_at = ?1, "
            "erased_at = ?1 WHERE id = ?2");
        erase.bind(1, at);
        erase.bind(2, member_id);
        erase.exec();
        SQLite::Statement history(db_.sql(), "DELETE FROM consent_events WHERE member_id = ?");
        history.bind(1, member_id);
        history.exec();
    });
}

} // namespace expeer
