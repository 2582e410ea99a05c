// Members in the database. Only rows in and out: the rules are in lib/members.
#pragma once

#include "members/member.hpp"

#include <functional>
#include <optional>
#include <vector>

namespace expeer {

class Database;
class Statement;

class MemberStore {
public:
    explicit MemberStore(Database& db) : db_(db) {}

    // Any spelling of the address: compared by its key (email_key, by the database's rule).
    std::optional<Member> find_by_email(std::string_view email);
    std::optional<Member> find_by_id(std::int64_t id);
    std::optional<Member> find_by_external_id(std::string_view external_id);
    // `filter.country` must already be a code. Rows come in id order, one at a time, so that
    // an export of any size runs in bounded memory.
    void for_each(const MemberFilter& filter, const std::function<void(const Member&)>& visit);
    std::vector<Member> list(const MemberFilter& filter);

    std::int64_t insert(const Member& member);
    std::int64_t count_all(); // erased and disabled members too
    void update(const Member& member);
    void record_consent(std::int64_t member_id, const std::string& at, bool consent,
                        const std::optional<std::string>& source);
    std::vector<ConsentEvent> consent_history(std::int64_t member_id);

    // Empties every personal field of the member, marks them erased, and deletes their
    // consent history. With secure_delete on, the old values are overwritten in the file.
    void erase(std::int64_t member_id, const std::string& at);

    // How this database compares addresses, and the key of `email` by it: every comparison
    // of addresses goes through here, so that none uses another rule than the stored keys.
    EmailKeyRule email_key_rule();
    std::string key_for(std::string_view email);

    // For changing the rule: every member's id, address and key (erased members have none).
    struct KeyRow {
        std::int64_t id;
        std::string email;
        std::string key;
    };
    std::vector<KeyRow> keys();
    // Writes `keys` (id, new key) and records `rule` as the database's; the caller checked
    // that the new keys are distinct.
    void set_keys(const std::vector<std::pair<std::int64_t, std::string>>& keys, EmailKeyRule rule,
                  const std::string& at);

private:
    using BindKey = std::function<void(Statement&)>;
    // Returns the id the statement returns (RETURNING id), 0 when it returns no row.
    std::int64_t write(const std::string& sql, const Member& member);
    std::optional<Member> find_one(const char* where, const BindKey& bind_key);

    Database& db_;
    std::optional<EmailKeyRule> rule_; // read once, on first use
};

} // namespace expeer
