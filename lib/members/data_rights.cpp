#include "members/data_rights.hpp"

#include "members/member_json.hpp"
#include "members/registry.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/member_store.hpp"
#include "util/clock.hpp"

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
        e["source"] = event.source ? nlohmann::ordered_json(*event.source) : nlohmann::ordered_json(nullptr);
        data["consent_history"].push_back(std::move(e));
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

Erasure erase_member(Database& db, const Clock& clock, const std::string& actor, std::string_view who, bool apply) {
    MemberStore store(db);
    Erasure erasure{find_member(store, who)};
    erasure.already_erased = erasure.member.status == "erased";
    erasure.consent_events = store.consent_history(erasure.member.id).size();
    if (!apply) return erasure;
    if (!erasure.already_erased) {
        db.guarded([&] {
            auto transaction = db.write_transaction();
            const std::string now = format_timestamp(clock.now());
            store.erase(erasure.member.id, now);
            record_audit(db, {0, now, actor, "member.erase", "member", std::to_string(erasure.member.id), ""});
            transaction.commit();
        });
    }
    erasure.applied = true;
    erasure.wal_truncated = db.checkpoint_and_truncate();
    return erasure;
}

} // namespace expeer
