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

// The hostile inputs of issue 15: each passed the old rules.
TEST_CASE("C1 controls, line and paragraph separators and bidi controls are refused on one line") {
    CHECK(text::single_line_problem("next\xc2\x85line") ==
          std::string("contains a line break")); // U+0085
    CHECK(text::single_line_problem("line\xe2\x80\xa8sep") ==
          std::string("contains a line break")); // U+2028
    CHECK(text::single_line_problem("para\xe2\x80\xa9sep") ==
          std::string("contains a line break")); // U+2029
    CHECK(text::single_line_problem("csi\xc2\x9b"
                                    "31m") ==
          std::string("contains a control character")); // U+009B
    CHECK(text::single_line_problem("del\x7f") == std::string("contains a control character"));
    for (const char* bidi :
         {"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad",
          "\xe2\x80\xae",                                                 // U+202A-202E
          "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9", // U+2066-2069
          "\xe2\x80\x8e", "\xe2\x80\x8f", "\xd8\x9c"})                    // LRM RLM ALM
        CHECK(text::single_line_problem(std::string("gnp") + bidi + ".exe") ==
              std::string("contains a bidirectional control character"));
    // Arabic, Hebrew and mixed names need none: the letters carry their own direction.
    CHECK_FALSE(text::single_line_problem("محمد بن علي"));
    CHECK_FALSE(text::single_line_problem("Ligue des droits de l'homme — الرابطة"));
    CHECK_FALSE(text::single_line_problem("שרה לוי"));
    // Joiners that scripts and emoji need are not controls.
    CHECK_FALSE(text::single_line_problem("می\xe2\x80\x8cخواهم")); // ZWNJ in Persian
    CHECK_FALSE(text::single_line_problem("क्\xe2\x80\x8dष"));      // ZWJ in Devanagari
    CHECK_FALSE(text::single_line_problem("tab\tinside"));
}

TEST_CASE("a stack of combining marks deeper than Unicode's stream-safe limit is refused") {
    std::string zalgo = "a";
    for (int i = 0; i < 31; ++i)
        zalgo += "\xcc\x81"; // U+0301
    CHECK(text::single_line_problem(zalgo) ==
          std::string("has more than 30 combining marks on one character"));
    CHECK_FALSE(text::single_line_problem("Nguyễn Thị Ánh")); // Vietnamese: two marks at most
    CHECK_FALSE(text::single_line_problem("مُحَمَّد"));
}

TEST_CASE("several lines allow LF, CRLF, bidi marks and isolates, but not overrides") {
    CHECK_FALSE(text::multi_line_problem("first\nsecond\r\nthird\twith tab"));
    CHECK_FALSE(text::multi_line_problem("HTML \xe2\x81\xa6"
                                         "مرحبا\xe2\x81\xa9 and \xe2\x80\x8f"));
    CHECK(text::multi_line_problem("bare\rCR") ==
          std::string("contains a carriage return without a line feed"));
    CHECK(text::multi_line_problem("rtl \xe2\x80\xae override") ==
          std::string("contains a bidirectional override or embedding"));
    CHECK(text::multi_line_problem("nel\xc2\x85") ==
          std::string("contains a line break other than LF"));
    CHECK(text::multi_line_problem("x\xe2\x80\xa8y") ==
          std::string("contains a line break other than LF"));
    CHECK(text::multi_line_problem("esc\x1b[2J") == std::string("contains a control character"));
    CHECK(text::multi_line_problem("c1\xc2\x9b") == std::string("contains a control character"));
    CHECK(text::multi_line_problem(std::string("nul\0", 4)) ==
          std::string("contains a NUL character"));
    CHECK(text::multi_line_problem("\xff") == std::string("is not valid UTF-8"));
}

TEST_CASE("characters are counted as a reader sees them: grapheme clusters") {
    CHECK(text::character_count("") == 0);
    CHECK(text::character_count("Amina") == 5);
    CHECK(text::character_count("e\xcc\x81") == 1); // e + combining acute
    CHECK(text::character_count("मनीषा") == 3);     // Devanagari syllables
    CHECK(text::character_count("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb") ==
          1); // woman technologist (ZWJ)
    CHECK(text::character_count("\xf0\x9f\x87\xb9\xf0\x9f\x87\xb3") ==
          1); // flag: two regional indicators
    CHECK(text::character_count("a\r\nb") == 3);
}

TEST_CASE("limits count grapheme clusters and bytes") {
    const text::TextLimit name{200, 3200};
    // 200,000 zero-width spaces: no column on a terminal, 200,000 characters here.
    std::string zwsp;
    for (int i = 0; i < 200000; ++i)
        zwsp += "\xe2\x80\x8b";
    CHECK(text::length_problem(zwsp, name) == std::string("is longer than 3200 bytes"));
    CHECK(text::length_problem(zwsp.substr(0, 3 * 201), name) ==
          std::string("is longer than 200 characters"));
    // One letter and 100,000 combining marks: one cluster, 200,001 bytes.
    std::string marks = "a";
    for (int i = 0; i < 100000; ++i)
        marks += "\xcc\x81";
    CHECK(text::length_problem(marks, name) == std::string("is longer than 3200 bytes"));
    // Real names fit in any script.
    std::string arabic;
    for (int i = 0; i < 200; ++i)
        arabic += "ن";
    CHECK_FALSE(text::length_problem(arabic, name));
    CHECK(text::length_problem(arabic + "ن", name) == std::string("is longer than 200 characters"));
    CHECK_FALSE(text::length_problem(std::string(200, 'a'), name));
    CHECK(text::limit_for(200).characters == 200);
    CHECK(text::limit_for(200).bytes >= 200 * 4);
}

TEST_CASE("a value made only of invisible or formatting characters shows nothing") {
    CHECK(text::has_visible_character("a"));
    CHECK(text::has_visible_character("\xe2\x80\x8b"
                                      "a"));
    CHECK(text::has_visible_character("مُحَمَّد"));
    CHECK_FALSE(text::has_visible_character(""));
    CHECK_FALSE(text::has_visible_character("   "));
    CHECK_FALSE(
        text::has_visible_character("\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b")); // zero-width spaces
    CHECK_FALSE(
        text::has_visible_character("\xe2\x80\x8d\xe2\x80\x8c\xef\xbb\xbf")); // ZWJ, ZWNJ, BOM
    CHECK_FALSE(
        text::has_visible_character("\xc2\xa0\xe3\x80\x80")); // no-break space, ideographic space
    CHECK_FALSE(
        text::has_visible_character("\xe3\x85\xa4\xe2\xa0\x80")); // Hangul filler, Braille blank
    CHECK_FALSE(text::has_visible_character("\xcc\x81\xcc\x81")); // marks on nothing
    CHECK_FALSE(text::has_visible_character("\xc2\xad"));         // soft hyphen
}

TEST_CASE("a single-line field checks characters, then length, then that it shows something") {
    const auto limit = text::limit_for(200);
    CHECK_FALSE(text::single_line_field_problem("Élodie Dupré", limit));
    CHECK_FALSE(text::single_line_field_problem("", limit)); // empty is the field's own rule
    CHECK(text::single_line_field_problem("\xe2\x80\x8b\xe2\x80\x8b", limit) ==
          std::string("is empty: it has only invisible characters"));
    CHECK(text::single_line_field_problem("a\xe2\x80\xae", limit) ==
          std::string("contains a bidirectional control character"));
    CHECK(text::single_line_field_problem(std::string(201, 'a'), limit) ==
          std::string("is longer than 200 characters"));
}

TEST_CASE("nfc composes what was typed decomposed") {
    CHECK(text::nfc("e\xcc\x81lodie") == "\xc3\xa9lodie");
    CHECK(text::nfc("Amina") == "Amina");
}

TEST_CASE("a slug is lower-case letters, digits and single dashes inside, 64 at most") {
    CHECK(text::is_slug("tn-discrimination"));
    CHECK(text::is_slug("sahel2024"));
    CHECK(text::is_slug(std::string(64, 'a')));
    CHECK_FALSE(text::is_slug(std::string(65, 'a')));
    CHECK_FALSE(text::is_slug(""));
    CHECK_FALSE(text::is_slug("-sahel"));
    CHECK_FALSE(text::is_slug("sahel-"));
    CHECK_FALSE(text::is_slug("sa--hel"));
    CHECK_FALSE(text::is_slug("Sahel"));
    CHECK_FALSE(text::is_slug("sahél"));
    CHECK_FALSE(text::is_slug("sa hel"));
}
