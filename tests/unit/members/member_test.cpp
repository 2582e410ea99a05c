#include "members/member.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

namespace {

const std::string nfc = "\xc3\x89lodie@exemple.fr";  // É precomposed
const std::string nfd = "E\xcc\x81lodie@exemple.fr"; // E + combining acute

} // namespace

TEST_CASE("an address typed composed or decomposed has one key") {
    CHECK(email_key(nfc, EmailKeyRule::fold) == email_key(nfd, EmailKeyRule::fold));
    CHECK(email_key(nfc, EmailKeyRule::exact_local_part) == email_key(nfd, EmailKeyRule::exact_local_part));
    CHECK(email_key(nfd, EmailKeyRule::fold) == "\xc3\xa9lodie@exemple.fr");
}

TEST_CASE("case is folded outside ASCII too") {
    CHECK(email_key("ÉLODIE@EXAMPLE.ORG", EmailKeyRule::fold) == email_key("élodie@example.org", EmailKeyRule::fold));
    CHECK(email_key("ΣΟΦΊΑ@example.gr", EmailKeyRule::fold) == email_key("σοφία@example.gr", EmailKeyRule::fold));
    CHECK(email_key("Amina@Example.ORG", EmailKeyRule::fold) == "amina@example.org");
    // Simple folding: one character for one, so 'ß' and 'ss' stay two addresses.
    CHECK(email_key("STRAẞE@example.de", EmailKeyRule::fold) == email_key("straße@example.de", EmailKeyRule::fold));
    CHECK(email_key("straße@example.de", EmailKeyRule::fold) != email_key("strasse@example.de", EmailKeyRule::fold));
}

TEST_CASE("the domain is compared as IDNA does, whatever the rule") {
    const auto rule = GENERATE(EmailKeyRule::fold, EmailKeyRule::exact_local_part);
    CHECK(email_key("x@B\xc3\x9c" "CHER.example", rule) == "x@b\xc3\xbc" "cher.example");
    CHECK(email_key("x@xn--bcher-kva.example", rule) == "x@b\xc3\xbc" "cher.example");
    CHECK(email_key("x@bu\xcc\x88" "cher.example", rule) == "x@b\xc3\xbc" "cher.example"); // decomposed
    CHECK(email_key("x@EXAMPLE.org", rule) == "x@example.org");
}

TEST_CASE("by configuration, the part before '@' keeps its case") {
    CHECK(email_key("Amina@Example.ORG", EmailKeyRule::exact_local_part) == "Amina@example.org");
    CHECK(email_key("ÉLODIE@x.org", EmailKeyRule::exact_local_part) != email_key("élodie@x.org", EmailKeyRule::exact_local_part));
}

TEST_CASE("the rule of databases made before normalisation folds ASCII letters only") {
    CHECK(email_key("Amina@Example.ORG", EmailKeyRule::ascii) == "amina@example.org");
    CHECK(email_key(nfc, EmailKeyRule::ascii) != email_key(nfd, EmailKeyRule::ascii));
}

TEST_CASE("an address that is no address still has a key") {
    CHECK(email_key("no-at-sign", EmailKeyRule::fold) == "no-at-sign");
    CHECK(email_key("", EmailKeyRule::fold) == "");
    CHECK(email_key("a@-bad-.example", EmailKeyRule::fold) == "a@-bad-.example");
}

TEST_CASE("rules are named as the database records them") {
    for (const auto rule : {EmailKeyRule::ascii, EmailKeyRule::fold, EmailKeyRule::exact_local_part})
        CHECK(email_key_rule_named(email_key_rule_name(rule)) == rule);
    CHECK_FALSE(email_key_rule_named("other"));
}
