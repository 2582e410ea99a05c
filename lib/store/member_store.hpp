// Members in the database. Only rows in and out: the rules are in lib/members.
#pragma once

#include "members/member.hpp"

#include <functional>
#include <optional>
#include <vector>

namespace SQLite {
class Statement;
}

namespace expeer {

class Database;

class MemberStore {
public:
    explicit MemberStore(Database& db) : db_(db) {}

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

private:
    using BindKey = std::function<void(SQLite::Statement&)>;
    void write(const std::string& sql, const Member& member);
    std::optional<Member> find_one(const char* where, const BindKey& bind_key);

    Database& db_;
};

} // namespace expeer
