#include "members/registry.hpp"

#include "../scratch.hpp"
#include "members/erasure_list.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

namespace {

struct Fixture {
    test::ScratchDir dir;
    FixedClock clock{test::at("2024-03-01T09:00:00Z")};
    std::unique_ptr<Database> db;
    std::unique_ptr<MemberRegistry> registry;
    ErasureList erasures{dir / "expeer.db.erasures"};

    Fixture() {
        const DatabaseOptions options{dir / "expeer.db", 5000};
        Database::init(options, clock);
        db = Database::open(options);
        registry = std::make_unique<MemberRegistry>(*db, test::countries(), clock, "admin-tester");
    }

    Member add(const std::string& email, const std::string& name, const std::string& country = "TN") {
        MemberChanges c;
        c.email = email;
        c.display_name = name;
        c.country = country;
        return registry->add(c, "en", {erasures});
    }

    int count(const std::string& sql) {
        Statement q = db->prepare(sql);
        q.next();
        return static_cast<int>(q.integer(0));
    }
};

std::vector<std::string> names(const std::vector<Member>& members) {
    std::vector<std::string> out;
    for (const auto& m : members) out.push_back(m.display_name);
    return out;
}

} // namespace

TEST_CASE("a member is added with defaults and an audit entry free of personal data") {
    Fixture f;
    MemberChanges c;
    c.email = "Amina@Example.org";
    c.display_name = "Amina Ben Salah";
    c.country = "Tunisie";
    c.newsletter_consent = true;
    c.consent_source = "registration form";
    const Member m = f.registry->add(c, "fr", {f.erasures});
    CHECK(m.id == 1);
    CHECK(m.country == std::optional<std::string>("TN"));
    CHECK(m.language == "fr");
    CHECK(m.registered_on == "2024-03-01");
    CHECK(m.consent_at == std::optional<std::string>("2024-03-01T09:00:00Z"));

    const Member again = f.registry->get("amina@example.org");
    CHECK(again.email == "Amina@Example.org");
    CHECK(again.consent_source == std::optional<std::string>("registration form"));
    CHECK(f.count("SELECT count(*) FROM consent_events WHERE member_id = 1 AND consent = 1") == 1);

    const auto log = list_audit(*f.db, {});
    REQUIRE(log.size() == 1);
    CHECK(log[0].action == "member.add");
    CHECK(log[0].actor == "admin-tester");
    CHECK(log[0].object_id == "1");
    CHECK(log[0].details.find("Amina") == std::string::npos);
}

TEST_CASE("a duplicate email, in any case, is refused and nothing is written") {
    Fixture f;
    f.add("amina@example.org", "Amina");
    CHECK_THROWS_AS(f.add("AMINA@EXAMPLE.ORG", "Someone else"), InvalidInput);
    CHECK(f.count("SELECT count(*) FROM members") == 1);
    CHECK(f.count("SELECT count(*) FROM audit_log") == 1);
}

TEST_CASE("invalid input writes nothing") {
    Fixture f;
    CHECK_THROWS_AS(f.add("amina@example.org", "Amina", "Narnia"), InvalidInput);
    CHECK(f.count("SELECT count(*) FROM members") == 0);
    CHECK(f.count("SELECT count(*) FROM audit_log") == 0);
}

TEST_CASE("an update changes only what differs and logs the field names") {
    Fixture f;
    f.add("amina@example.org", "Amina");
    f.clock = FixedClock(test::at("2024-04-01T10:00:00Z"));
    MemberChanges c;
    c.country = "TN"; // unchanged
    c.organisation = "Ligue tunisienne";
    c.newsletter_consent = true;
    const auto result = f.registry->update("amina@example.org", c);
    CHECK(result.changed_fields == std::vector<std::string>{"organisation", "newsletter consent"});
    CHECK(result.member.updated_at == "2024-04-01T10:00:00Z");
    const auto log = list_audit(*f.db, {});
    REQUIRE(log.size() == 2);
    CHECK(log[1].details == R"({"fields":["organisation","newsletter consent"]})");

    // The same again changes nothing and writes nothing.
    CHECK(f.registry->update("1", c).changed_fields.empty());
    CHECK(list_audit(*f.db, {}).size() == 2);

    // An empty value clears an optional field.
    MemberChanges clear;
    clear.organisation = "";
    CHECK_FALSE(f.registry->update("1", clear).member.organisation);
}

TEST_CASE("an email cannot be changed to another member's") {
    Fixture f;
    f.add("amina@example.org", "Amina");
    f.add("jb@example.cd", "Jean-Baptiste");
    MemberChanges c;
    c.email = "AMINA@example.org";
    CHECK_THROWS_AS(f.registry->update("jb@example.cd", c), InvalidInput);
    c.email = "JB@EXAMPLE.CD"; // the member's own address in another case is fine
    CHECK(f.registry->update("jb@example.cd", c).changed_fields == std::vector<std::string>{"email"});
}

TEST_CASE("disable and enable are recorded once") {
    Fixture f;
    f.add("amina@example.org", "Amina");
    CHECK(f.registry->set_status("amina@example.org", "disabled").changed);
    CHECK_FALSE(f.registry->set_status("amina@example.org", "disabled").changed);
    CHECK(f.registry->set_status("1", "active").changed);
    CHECK(list_audit(*f.db, {{"member."}, {}, {}, {}, {}, 0}).size() == 3);
}

TEST_CASE("an unknown member is not found") {
    Fixture f;
    try {
        f.registry->get("nobody@example.org");
        FAIL("found");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::not_found);
    }
    CHECK_THROWS_AS(f.registry->get("42"), Error);
}

TEST_CASE("lists sort and match names in any script, accents and case aside") {
    Fixture f;
    f.add("z@example.org", "Zoé Martin", "France");
    f.add("e@example.org", "Élodie Kabila", "RDC");
    f.add("a@example.org", "Adam Nour", "Maroc");
    f.add("n@example.org", "نور الهدى", "Maroc");
    f.add("m@example.org", "مُحَمَّد علي", "Tunisie");
    CHECK(names(f.registry->list({})) ==
          std::vector<std::string>{"Adam Nour", "Élodie Kabila", "Zoé Martin", "مُحَمَّد علي", "نور الهدى"});
    MemberFilter by_text;
    by_text.text = "elodie";
    CHECK(names(f.registry->list(by_text)) == std::vector<std::string>{"Élodie Kabila"});
    by_text.text = "محمد"; // without the harakat
    CHECK(names(f.registry->list(by_text)) == std::vector<std::string>{"مُحَمَّد علي"});
    by_text.text = "50%"; // taken literally, not as a pattern
    CHECK(f.registry->list(by_text).empty());
    MemberFilter by_country;
    by_country.country = "Maroc";
    CHECK(names(f.registry->list(by_country)) == std::vector<std::string>{"Adam Nour", "نور الهدى"});
    by_country.country = "Narnia";
    CHECK_THROWS_AS(f.registry->list(by_country), InvalidInput);
}

TEST_CASE("lists filter by status, language and organisation") {
    Fixture f;
    MemberChanges c;
    c.email = "o@example.org";
    c.display_name = "Olivier";
    c.organisation = "Ligue des Électeurs";
    c.language = "fr";
    f.registry->add(c, "en", {f.erasures});
    f.add("p@example.org", "Paul");
    f.registry->set_status("p@example.org", "disabled");
    MemberFilter filter;
    filter.organisation = "electeurs";
    CHECK(names(f.registry->list(filter)) == std::vector<std::string>{"Olivier"});
    filter = {};
    filter.status = "disabled";
    CHECK(names(f.registry->list(filter)) == std::vector<std::string>{"Paul"});
    filter = {};
    filter.language = "français";
    CHECK(names(f.registry->list(filter)) == std::vector<std::string>{"Olivier"});
}
