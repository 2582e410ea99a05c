#include "members/validation.hpp"

#include "../scratch.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

namespace {

std::vector<std::string> problems(const MemberChanges& changes) {
    std::vector<std::string> out;
    for (const auto& e : normalize_changes(changes, test::countries()).errors) out.push_back(describe(e));
    return out;
}

} // namespace

TEST_CASE("valid addresses pass, invalid ones say why") {
    for (const char* ok : {"amina@example.org", "first.last+tag@sub.example.cd", "ÉLODIE@exemple.fr",
                           "x@xn--bcher-kva.example"})
        CHECK_FALSE(email_problem(ok));
    CHECK(email_problem("") == std::string("is empty"));
    CHECK(email_problem("amina.example.org") == std::string("has no '@'"));
    CHECK(email_problem("amina@localhost") == std::string("has no domain after '@'"));
    CHECK(email_problem("a b@example.org"));
    CHECK(email_problem(".a@example.org"));
    CHECK(email_problem("a..b@example.org"));
    CHECK(email_problem("a@-example.org"));
    CHECK(email_problem("a@example..org"));
    CHECK(email_problem("<a>@example.org"));
    CHECK(email_problem(std::string(65, 'a') + "@example.org"));
}

TEST_CASE("fields are trimmed and put in canonical form") {
    MemberChanges in;
    in.email = "  Amina@Example.org ";
    in.display_name = " Amina Ben Salah ";
    in.country = "Tunisie";
    in.occupation = "Avocate";
    in.language = "Français";
    in.profile = "membre";
    in.registered_on = "2023-09-14";
    const auto out = normalize_changes(in, test::countries());
    REQUIRE(out.errors.empty());
    CHECK(out.changes.email == std::optional<std::string>("Amina@Example.org"));
    CHECK(out.changes.display_name == std::optional<std::string>("Amina Ben Salah"));
    CHECK(out.changes.country == std::optional<std::string>("TN"));
    CHECK(out.changes.occupation == std::optional<std::string>("lawyer"));
    CHECK(out.changes.language == std::optional<std::string>("fr"));
    CHECK(out.changes.profile == std::optional<std::string>("member"));
}

TEST_CASE("every bad field is reported at once, with its value and reason") {
    MemberChanges in;
    in.email = "not-an-address";
    in.display_name = "";
    in.country = "Tunisi";
    in.language = "klingon";
    in.occupation = "astronaut";
    in.registered_on = "2023-02-30";
    CHECK(problems(in) == std::vector<std::string>{
                              "email 'not-an-address': is not a valid email address: has no '@'",
                              "name '': must not be empty",
                              "country 'Tunisi': unknown country (did you mean Tunisia (TN)?)",
                              "occupation 'astronaut': must be one of lawyer, ngo-staff, researcher, "
                              "activist, journalist, other",
                              "language 'klingon': must be one of fr, en, ar, pt, de, es",
                              "registration date '2023-02-30': must be a date as YYYY-MM-DD"});
}

TEST_CASE("CR, LF, NUL and other control characters are refused in every field, shown escaped") {
    MemberChanges in;
    in.display_name = "Amina\r\nBcc: everyone@example.org";
    in.organisation = std::string("Ligue\0", 6);
    in.external_id = "id\x1b";
    in.consent_source = "form\n";
    CHECK(problems(in) == std::vector<std::string>{
                              "name 'Amina\\r\\nBcc: everyone@example.org': contains a line break",
                              "organisation 'Ligue\\0': contains a NUL character",
                              "consent source 'form\\n': contains a line break",
                              "external id 'id\\x1b': contains a control character"});
}

TEST_CASE("length limits are counted in characters") {
    MemberChanges in;
    in.display_name = std::string(max_name_length, 'a');
    CHECK(problems(in).empty());
    std::string arabic;
    for (std::size_t i = 0; i < max_name_length; ++i) arabic += "ن"; // 2 bytes each
    in.display_name = arabic;
    CHECK(problems(in).empty());
    in.display_name = arabic + "ن";
    REQUIRE(problems(in).size() == 1);
    CHECK_THAT(problems(in)[0], Catch::Matchers::EndsWith("is longer than 200 characters"));
}

TEST_CASE("invalid UTF-8 is refused") {
    MemberChanges in;
    in.display_name = "Caf\xe9"; // Latin-1, not UTF-8
    CHECK(problems(in) == std::vector<std::string>{"name '(not valid UTF-8)': is not valid UTF-8"});
}
