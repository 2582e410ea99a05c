#include "store/audit_store.hpp"

#include "../scratch.hpp"
#include "store/database.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

TEST_CASE("the audit log filters by action prefix, object, actor and time, oldest first") {
    test::ScratchDir dir;
    const DatabaseOptions options{dir / "expeer.db", 1000};
    Database::init(options, SystemClock());
    auto db = Database::open(options);
    record_audit(*db, {0, "2024-01-01T00:00:00Z", "ana", "member.add", "member", "1", ""});
    record_audit(*db, {0, "2024-02-01T00:00:00Z", "bob", "member.update", "member", "1", R"({"fields":["country"]})"});
    record_audit(*db, {0, "2024-03-01T00:00:00Z", "ana", "membership.add", "space", "7", ""});
    record_audit(*db, {0, "2024-04-01T00:00:00Z", "ana", "member.add", "member", "2", ""});

    const auto actions = [&](const AuditFilter& filter) {
        std::vector<std::string> out;
        for (const auto& e : list_audit(*db, filter)) out.push_back(e.action + ":" + e.object_id);
        return out;
    };
    AuditFilter f;
    CHECK(actions(f).size() == 4);
    f.action = "member.";
    CHECK(actions(f) == std::vector<std::string>{"member.add:1", "member.update:1", "member.add:2"});
    f = {};
    f.action = "member.add";
    CHECK(actions(f) == std::vector<std::string>{"member.add:1", "member.add:2"});
    f = {};
    f.object_type = "member";
    f.object_id = "1";
    CHECK(actions(f) == std::vector<std::string>{"member.add:1", "member.update:1"});
    f = {};
    f.actor = "bob";
    CHECK(actions(f) == std::vector<std::string>{"member.update:1"});
    f = {};
    f.since = "2024-03-01";
    CHECK(actions(f) == std::vector<std::string>{"membership.add:7", "member.add:2"});
    f = {};
    f.limit = 2;
    CHECK(actions(f) == std::vector<std::string>{"membership.add:7", "member.add:2"});
}
