#include "util/text.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

TEST_CASE("fold matches names whatever their accents, case and diacritics") {
    CHECK(text::fold("Benoît DUPRÉ") == text::fold("benoit dupre"));
    CHECK(text::fold("Ÿ") == "y");
    // Arabic: harakat and tatweel are dropped, so a vowelled name matches the plain one.
    CHECK(text::fold("مُحَمَّد") == text::fold("محمد"));
    CHECK(text::fold("مـحـمـد") == text::fold("محمد"));
    // Compatibility forms: the ligature "ﬁ" is "fi".
    CHECK(text::fold("ﬁdh") == "fidh");
}

TEST_CASE("fold_words keeps letters and digits, one space between words") {
    CHECK(text::fold_words("  Congo (RDC) ") == "congo rdc");
    CHECK(text::fold_words("Côte d'Ivoire") == "cote d ivoire");
    CHECK(text::fold_words("Guinée-Bissau") == "guinee bissau");
}

TEST_CASE("single-line fields refuse what would break a file or a header") {
    CHECK_FALSE(text::single_line_problem("Amina Ben Salah"));
    CHECK(text::single_line_problem("a\nb") == std::string("contains a line break"));
    CHECK(text::single_line_problem("a\rb") == std::string("contains a line break"));
    CHECK(text::single_line_problem(std::string("a\0b", 3)) == std::string("contains a NUL character"));
    CHECK(text::single_line_problem("a\x1b[31mb") == std::string("contains a control character"));
    CHECK(text::single_line_problem("\xc3\x28") == std::string("is not valid UTF-8"));
}

TEST_CASE("display width counts what a terminal shows") {
    CHECK(text::display_width("abc") == 3);
    CHECK(text::display_width("é") == 1);            // precomposed
    CHECK(text::display_width("e\xcc\x81") == 1);    // e + combining acute
    CHECK(text::display_width("نور") == 3);
    CHECK(text::display_width("日本") == 4);
}

TEST_CASE("the collator sorts accented and Arabic names as a reader expects") {
    std::vector<std::string> names = {"Zoé", "émile", "Élodie", "Adam", "نور", "أحمد", "eve"};
    text::sort_for_people(names);
    CHECK(names == std::vector<std::string>{"Adam", "Élodie", "émile", "eve", "Zoé", "أحمد", "نور"});
}

TEST_CASE("edit distance counts characters, not bytes") {
    CHECK(text::edit_distance("tunisie", "tunisia") == 1);
    CHECK(text::edit_distance("é", "e") == 1);
    CHECK(text::edit_distance("", "abc") == 3);
}

TEST_CASE("trim removes spaces and tabs at both ends only") {
    CHECK(text::trim("  a b\t") == "a b");
    CHECK(text::trim("") == "");
}
