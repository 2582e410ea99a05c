#include "letter/typography.hpp"
#include "util/text.hpp"

#include <catch2/catch.hpp>

using namespace expeer;
using typography::french_spacing;
using typography::shorten;

namespace {

const std::string narrow = "\u202F";

} // namespace

TEST_CASE("the preheader is cut between words, never inside a character") {
    // "é" as e + combining accent: cutting between the two bytes or code points was the bug.
    const std::string french = "La rentre\u0301e du re\u0301seau : trois analyses, deux "
                               "e\u0301ve\u0301nements et un appel a\u0300 "
                               "candidatures pour les de\u0301fenseuses et de\u0301fenseurs des "
                               "droits humains en Afrique du Nord.";
    const std::string cut = shorten(french, 60);
    CHECK(text::is_valid_utf8(cut));
    CHECK(text::character_count(cut) <= 60);
    CHECK(cut.ends_with("…"));
    CHECK(cut ==
          "La rentre\u0301e du re\u0301seau : trois analyses, deux e\u0301ve\u0301nements et…");

    const std::string arabic = "يسرّنا أن نقدّم لكم العدد الجديد من رسالة الشبكة، وفيه تحليلات "
                               "ولقاءات وفرص للمدافعات والمدافعين عن حقوق الإنسان.";
    for (std::size_t limit = 1; limit < 80; ++limit) {
        const std::string short_arabic = shorten(arabic, limit);
        CHECK(text::is_valid_utf8(short_arabic));
        CHECK(text::character_count(short_arabic) <= limit);
    }
    CHECK(shorten(arabic, 30) == "يسرّنا أن نقدّم لكم العدد…"); // whole words only

    // Line breaks and runs of spaces are one space; a short text is left whole.
    CHECK(shorten("Bonjour\n\n  à tous.", 120) == "Bonjour à tous.");
    // A single word longer than the limit is cut between characters.
    CHECK(shorten("Anticonstitutionnellement", 10) == "Anticonst…");
    // No comma before the ellipsis.
    CHECK(shorten("un, deux, trois", 9) == "un, deux…");
}

TEST_CASE("French spacing: a narrow no-break space before : ; ? !") {
    CHECK(french_spacing("Quoi ? Vraiment ! Voici : un ; deux") == "Quoi" + narrow + "? Vraiment" +
                                                                       narrow + "! Voici" + narrow +
                                                                       ": un" + narrow + "; deux");
    CHECK(french_spacing("Quoi? Note: rien.") == "Quoi" + narrow + "? Note" + narrow + ": rien.");
    CHECK(french_spacing("Déjà" + narrow + "?") == "Déjà" + narrow + "?"); // not doubled
    CHECK(french_spacing("Non\u00A0!") == "Non" + narrow + "!"); // no-break space made narrow
    CHECK(french_spacing("Vraiment ?!") == "Vraiment" + narrow + "?!"); // one space for the pair
    CHECK(french_spacing("à 16:00, voir https://example.org/a?b=1;c") ==
          "à 16:00, voir https://example.org/a?b=1;c");
    CHECK(french_spacing(": après le gras", U'e') ==
          narrow + ": après le gras"); // after "**Attention**"
    CHECK(french_spacing("« Pourquoi »?") == "« Pourquoi »" + narrow + "?");
}
