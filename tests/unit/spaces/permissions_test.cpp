#include "spaces/permissions.hpp"

#include "../scratch.hpp"
#include "members/erasure_list.hpp"
#include "members/registry.hpp"
#include "spaces/registry.hpp"
#include "store/database.hpp"
#include "util/invalid_input.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace expeer;

namespace {

const std::vector<SpaceAction> actions = {SpaceAction::read,       SpaceAction::post,          SpaceAction::add_files,
                                          SpaceAction::change_own, SpaceAction::change_others, SpaceAction::manage_members};
const std::vector<std::optional<std::string>> roles = {std::nullopt, "reader", "contributor", "content-manager",
                                                       "space-manager"};

// The matrix, written out as a person would read it: for each role (none: not a member),
// what an active member with the profile `member` may do in a confidential space and in a
// public one. r: read, p: post, f: add files, o: change own, x: change others', m: members.
const std::map<std::string, std::pair<std::string, std::string>> expected = {
    // role               confidential  public
    {"none",            {"",       "r"}},
    {"reader",          {"r",      "r"}},
    {"contributor",     {"rpfo",   "rpfo"}},
    {"content-manager", {"rpfox",  "rpfox"}},
    {"space-manager",   {"rpfoxm", "rpfoxm"}},
};

char letter(SpaceAction a) {
    switch (a) {
    case SpaceAction::read: return 'r';
    case SpaceAction::post: return 'p';
    case SpaceAction::add_files: return 'f';
    case SpaceAction::change_own: return 'o';
    case SpaceAction::change_others: return 'x';
    case SpaceAction::manage_members: return 'm';
    }
    return '?';
}

std::string allowed(const Standing& s) {
    std::string out;
    for (const auto a : actions)
        if (decide(a, s).allowed()) out += letter(a);
    return out;
}

} // namespace

TEST_CASE("each role may do what its rank allows, and a non-member only reads a public space") {
    for (const auto& role : roles) {
        const auto& [confidential, open] = expected.at(role.value_or("none"));
        INFO("role " << role.value_or("none"));
        CHECK(allowed({"active", "member", role, false, false}) == confidential);
        CHECK(allowed({"active", "member", role, true, false}) == open);
        // A trusted member (who may create spaces on Tracim) has no more rights in one.
        CHECK(allowed({"active", "trusted", role, false, false}) == confidential);
    }
}

TEST_CASE("a refusal on roles says so, and names the role the member has") {
    const auto verdict = decide(SpaceAction::post, {"active", "member", "reader", true, false});
    CHECK(verdict.refusal == Refusal::role);
    CHECK(verdict.reason == "their role there is reader");
    CHECK(decide(SpaceAction::post, {"active", "member", std::nullopt, true, false}).reason == "not a member of it");
    CHECK(role_needed(SpaceAction::read) == "reader");
    CHECK(role_needed(SpaceAction::post) == "contributor");
    CHECK(role_needed(SpaceAction::add_files) == "contributor");
    CHECK(role_needed(SpaceAction::change_own) == "contributor");
    CHECK(role_needed(SpaceAction::change_others) == "content-manager");
    CHECK(role_needed(SpaceAction::manage_members) == "space-manager");
}

TEST_CASE("a platform administrator manages any space's members, and has no other right where they are not") {
    for (const auto& role : roles) {
        INFO("role " << role.value_or("none"));
        const std::string member_rights = allowed({"active", "member", role, false, false});
        const std::string admin_rights = allowed({"active", "admin", role, false, false});
        CHECK(admin_rights == (member_rights.find('m') == std::string::npos ? member_rights + "m" : member_rights));
    }
}

TEST_CASE("a disabled or erased member may do nothing, whatever their role or profile") {
    for (const char* status : {"disabled", "erased"})
        for (const auto& role : roles)
            for (const char* profile : {"member", "admin"})
                for (const bool open : {false, true}) {
                    INFO(status << " " << role.value_or("none") << " " << profile << (open ? " public" : ""));
                    CHECK(allowed({status, profile, role, open, false}).empty());
                    CHECK(decide(SpaceAction::read, {status, profile, role, open, false}).refusal == Refusal::status);
                }
}

TEST_CASE("an archived space is read and its members managed; its content no longer changes") {
    for (const auto& role : roles) {
        INFO("role " << role.value_or("none"));
        const std::string live = allowed({"active", "member", role, true, false});
        std::string frozen;
        for (char c : live)
            if (c == 'r' || c == 'm') frozen += c;
        CHECK(allowed({"active", "member", role, true, true}) == frozen);
    }
    CHECK(decide(SpaceAction::post, {"active", "member", "space-manager", false, true}).refusal == Refusal::archived);
    // A non-member is refused on roles first only where the space is live.
    CHECK(decide(SpaceAction::post, {"active", "member", std::nullopt, false, true}).refusal == Refusal::archived);
}

namespace {

struct Fixture {
    test::ScratchDir dir;
    FixedClock clock{test::at("2024-03-01T09:00:00Z")};
    std::unique_ptr<Database> db;
    Space open, secret, under_secret;
    Member amina, jb, admin;

    Fixture() {
        const DatabaseOptions options{dir / "expeer.db", 5000};
        Database::init(options, clock);
        db = Database::open(options);
        MemberRegistry members(*db, test::countries(), clock, "tester");
        ErasureList erasures{dir / "expeer.db.erasures"};
        const auto add = [&](const char* email, const char* profile) {
            MemberChanges c;
            c.email = email;
            c.display_name = email;
            c.profile = profile;
            return members.add(c, "en", {erasures});
        };
        amina = add("amina@example.org", "member");
        jb = add("jb@example.org", "member");
        admin = add("root@example.org", "admin");
        SpaceRegistry spaces(*db, clock, "tester");
        const auto create = [&](const char* slug, const char* access, std::optional<std::string> parent = {}) {
            SpaceChanges c;
            c.label = slug;
            c.access = access;
            c.parent = parent;
            return spaces.create(slug, c);
        };
        open = create("sahel", "open");
        secret = create("kivu", "confidential");
        under_secret = create("kivu-witnesses", "open", "kivu");
        spaces.add_members("sahel", {"amina@example.org"}, "reader");
    }

    std::string refusal(const Space& space, const Acting& acting, SpaceAction action) {
        try {
            authorize(*db, space, acting, action, "");
        } catch (const Error& e) {
            return std::to_string(static_cast<int>(exit_code_for(e.kind()))) + " " + e.what();
        }
        return "allowed";
    }
};

} // namespace

TEST_CASE_METHOD(Fixture, "a refusal names the person, the space, their role and the role needed, with exit 77") {
    CHECK(refusal(open, {"amina@example.org"}, SpaceAction::post) ==
          "77 'amina@example.org' may not post in space 'sahel': their role there is reader; that needs the role "
          "contributor");
    CHECK(refusal(secret, {"jb@example.org"}, SpaceAction::read) ==
          "77 'jb@example.org' may not read in space 'kivu': not a member of it; that needs the role reader");
    CHECK(refusal(open, {"jb@example.org"}, SpaceAction::read) == "allowed"); // public: anyone may join it
    // Open, but under a confidential space: not public, so not for non-members.
    CHECK(refusal(under_secret, {"jb@example.org"}, SpaceAction::read).starts_with("77 "));
    CHECK(refusal(open, {"root@example.org"}, SpaceAction::manage_members) == "allowed");
    CHECK(refusal(open, {"root@example.org"}, SpaceAction::read) == "allowed");
    CHECK(refusal(secret, {"root@example.org"}, SpaceAction::read).starts_with("77 "));
    CHECK(refusal(open, {"nobody@example.org"}, SpaceAction::read) == "67 no member with email 'nobody@example.org'");
    CHECK(refusal(open, {}, SpaceAction::post).starts_with("64 who may post in space 'sahel'?"));
}

TEST_CASE_METHOD(Fixture, "--as-admin lifts a refusal on roles, and the audit details say so") {
    const Authority lifted = authorize(*db, secret, Acting{"jb@example.org", true}, SpaceAction::post, "");
    CHECK(lifted.override_used);
    CHECK(lifted.audit_details() == R"({"as":2,"override":"as-admin"})");
    const Authority alone = authorize(*db, secret, Acting{std::nullopt, true}, SpaceAction::change_others, "");
    CHECK(alone.override_used);
    CHECK(alone.audit_details(R"({"space":2})") == R"({"override":"as-admin","space":2})");
    // Not used when the role was enough: the audit tells what authority was relied upon.
    const Authority own = authorize(*db, open, Acting{"amina@example.org", true}, SpaceAction::read, "");
    CHECK_FALSE(own.override_used);
    CHECK(own.audit_details() == R"({"as":1})");
}

TEST_CASE_METHOD(Fixture, "--as-admin lifts nothing for a disabled member or in an archived space") {
    MemberRegistry(*db, test::countries(), clock, "tester").set_status("jb@example.org", "disabled");
    CHECK(refusal(secret, {"jb@example.org", true}, SpaceAction::post) ==
          "77 'jb@example.org' may not post in space 'kivu': the member is disabled");
    SpaceRegistry(*db, clock, "tester").set_archived("sahel", true);
    const Space archived = SpaceRegistry(*db, clock, "tester").get("sahel");
    CHECK(refusal(archived, {std::nullopt, true}, SpaceAction::change_others) ==
          "65 space 'sahel': is archived: its content can be read, not changed");
    CHECK(refusal(archived, {"amina@example.org"}, SpaceAction::read) == "allowed");
}
