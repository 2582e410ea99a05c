#include "members/data_rights.hpp"
#include "util/json.hpp"

#include "members/erasure_list.hpp"
#include "members/member_json.hpp"
#include "members/registry.hpp"
#include "store/audit_store.hpp"
#include "store/bounce_store.hpp"
#include "store/database.hpp"
#include "store/activity_store.hpp"
#include "store/member_store.hpp"
#include "store/letter_store.hpp"
#include "store/news_store.hpp"
#include "store/space_store.hpp"
#include "util/clock.hpp"

#include <map>

namespace expeer {

nlohmann::ordered_json personal_data(Database& db, std::string_view who) {
    MemberStore store(db);
    const Member member = find_member(store, who);
    nlohmann::ordered_json data;
    data["member"] = member_to_json(member);
    data["consent_history"] = nlohmann::ordered_json::array();
    for (const auto& event : store.consent_history(member.id)) {
        nlohmann::ordered_json e;
        e["at"] = event.at;
        e["consent"] = event.consent;
        e["source"] = json_or_null(event.source);
        data["consent_history"].push_back(std::move(e));
    }
    SpaceStore spaces(db);
    const auto all_spaces = spaces.all();
    data["memberships"] = nlohmann::ordered_json::array();
    for (const auto& m : spaces.memberships_of_member(member.id)) {
        nlohmann::ordered_json e;
        e["space"] = all_spaces.at(m.space_id).slug;
        e["role"] = m.role;
        e["joined_at"] = m.joined_at;
        e["left_at"] = json_or_null(m.left_at);
        data["memberships"].push_back(std::move(e));
    }
    data["news"] = nlohmann::ordered_json::array();
    for (const auto& n : news_by_author(db, member.id)) {
        nlohmann::ordered_json e;
        e["space"] = all_spaces.at(n.space_id).slug;
        e["posted_at"] = n.posted_at;
        e["title"] = n.title;
        e["body"] = n.body;
        data["news"].push_back(std::move(e));
    }
    data["comments"] = nlohmann::ordered_json::array();
    for (const auto& c : comments_by_author(db, member.id)) {
        nlohmann::ordered_json e;
        e["news_id"] = c.news_id;
        e["posted_at"] = c.posted_at;
        e["body"] = c.body;
        data["comments"].push_back(std::move(e));
    }
    data["activity"] = nlohmann::ordered_json::array();
    ActivityFilter activity;
    activity.member_id = member.id;
    for_each_activity(db, activity, [&](const Activity& a) {
        nlohmann::ordered_json e;
        e["at"] = a.at;
        e["kind"] = a.kind;
        e["space"] = a.space_id ? nlohmann::ordered_json(all_spaces.at(*a.space_id).slug) : nlohmann::ordered_json(nullptr);
        e["content"] = json_or_null(a.content);
        data["activity"].push_back(std::move(e));
    });
    data["newsletters"] = nlohmann::ordered_json::array();
    for (const auto& send : LetterStore(db).sends_of_member(member.id)) {
        nlohmann::ordered_json e;
        e["issue"] = send.issue;
        e["language"] = send.language;
        e["status"] = send.status;
        e["at"] = send.updated_at;
        e["server_reply"] = json_or_null(send.reply);
        data["newsletters"].push_back(std::move(e));
    }
    // What their mail server sent back about the letter, and whether it is stopped for them.
    data["returned_mail"] = nlohmann::ordered_json::array();
    BounceStore bounces(db);
    for (const auto& b : bounces.of_member(member.id)) {
        nlohmann::ordered_json e;
        e["read_at"] = b.read_at;
        e["kind"] = b.kind;
        e["address"] = json_or_null(b.email);
        e["status"] = json_or_null(b.status);
        data["returned_mail"].push_back(std::move(e));
    }
    if (const auto s = bounces.suspension(member.id)) {
        nlohmann::ordered_json e;
        e["address"] = s->email;
        e["kind"] = s->kind;
        e["bounces"] = s->bounces;
        e["since"] = s->suspended_at;
        data["letter_suspended"] = std::move(e);
    } else {
        data["letter_suspended"] = nullptr;
    }
    data["changes"] = nlohmann::ordered_json::array();
    AuditFilter filter;
    filter.object_type = "member";
    filter.object_id = std::to_string(member.id);
    for (const auto& entry : list_audit(db, filter)) {
        nlohmann::ordered_json e;
        e["at"] = entry.at;
        e["by"] = entry.actor;
        e["action"] = entry.action;
        e["details"] = entry.details.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json::parse(entry.details);
        data["changes"].push_back(std::move(e));
    }
    return data;
}

namespace {

// The member, not erased, other than `m`, whose address the erasure list takes for the same
// (it compares addresses folded, whatever rule the registry follows).
std::optional<std::int64_t> other_with_address_of(MemberStore& store, const Member& m) {
    const std::string key = email_key(m.email, EmailKeyRule::fold);
    std::optional<std::int64_t> other;
    MemberFilter every; // every member not erased
    store.for_each(every, [&](const Member& candidate) {
        if (!other && candidate.id != m.id && email_key(candidate.email, EmailKeyRule::fold) == key)
            other = candidate.id;
    });
    return other;
}

Erasure erase(Database& db, const Clock& clock, const std::string& actor, std::string_view who, bool apply,
              bool delete_content, ErasureList* erasures) {
    MemberStore store(db);
    SpaceStore spaces(db);
    Erasure erasure;
    erasure.member = find_member(store, who);
    const auto id = erasure.member.id;
    erasure.already_erased = erasure.member.status == "erased";
    erasure.consent_events = store.consent_history(id).size();
    std::vector<Membership> current;
    for (const auto& m : spaces.memberships_of_member(id))
        if (!m.left_at) current.push_back(m);
    erasure.memberships = current.size();
    erasure.news = news_by_author(db, id).size();
    erasure.comments = comments_by_author(db, id).size();
    erasure.content_deleted = delete_content;
    if (!erasure.already_erased && erasures) erasure.same_address_as = other_with_address_of(store, erasure.member);
    if (!apply) return erasure;
    if (!erasure.already_erased || delete_content) {
        const std::string now = format_timestamp(clock.now());
        if (erasures && !erasure.already_erased && !erasure.same_address_as)
            erasures->record_erasure(db, erasure.member.email, now, delete_content);
        db.write([&](Write& w) {
            if (!erasure.already_erased) {
                store.erase(id, now);
                for (const auto& m : current) spaces.close_membership(m.id, now);
                // Servers' replies quote the address: the send log goes too, and the bounces.
                LetterStore(db).forget_member(id);
                BounceStore(db).forget_member(id);
            }
            if (delete_content) delete_content_of(db, id);
            w.audit({0, now, actor, "member.erase", "member", std::to_string(id),
                     delete_content ? R"({"content":"deleted"})" : R"({"content":"kept"})"});
        });
    }
    erasure.applied = true;
    erasure.wal_truncated = db.checkpoint_and_truncate();
    return erasure;
}

} // namespace

Erasure erase_member(Database& db, const Clock& clock, const std::string& actor, std::string_view who, bool apply,
                     bool delete_content, ErasureList& erasures) {
    return erase(db, clock, actor, who, apply, delete_content, &erasures);
}

std::size_t replay_erasures(Database& db, const Clock& clock, const std::string& actor, const ErasureList& erasures) {
    std::map<std::string, bool> content_deleted; // by hash
    for (const auto& e : erasures.erased()) content_deleted[e.hash] = e.content_deleted;
    if (content_deleted.empty()) return 0;
    std::vector<std::pair<std::int64_t, bool>> found;
    MemberStore store(db);
    MemberFilter filter; // every member not erased yet
    store.for_each(filter, [&](const Member& m) {
        if (const auto it = content_deleted.find(erasures.hash(m.email)); it != content_deleted.end())
            found.emplace_back(m.id, it->second);
    });
    for (const auto& [id, delete_content] : found)
        erase(db, clock, actor, std::to_string(id), true, delete_content, nullptr);
    return found.size();
}

} // namespace expeer
