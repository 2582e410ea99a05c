#include "library/names.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

TEST_CASE("library paths stay inside the library") {
    CHECK_FALSE(library_path_problem("études/2024/rapport.pdf"));
    CHECK(library_path_problem("/etc/passwd"));
    CHECK(library_path_problem("../secret"));
    CHECK(library_path_problem("a/../../b"));
    CHECK(library_path_problem("a/./b"));
    CHECK(library_path_problem("a\\b"));
    CHECK(library_path_problem("a\nb"));
    CHECK(library_path_problem(""));
    CHECK(normalise_library_path("a//b/") == "a/b");
}

TEST_CASE("names Windows cannot hold are refused") {
    for (const char* name : {"CON", "con", "aux.txt", "NUL.tar.gz", "Nul .txt", "COM1", "lpt9.doc",
                             "COM\xc2\xb9", "notes.", "notes ", "a:b", "C:/Windows/x", "q?.txt",
                             "a*b", "a<b", "a>b", "a|b", "a\"b", "dossier/PRN/x.txt"})
        CHECK(library_path_problem(name));
    for (const char* name : {"CONSEIL.txt", "auxiliaire.pdf", "COM10", "nul-et-non-avenu.doc",
                             "notes.txt", "...a", "NULL", "lpt.txt"})
        CHECK_FALSE(library_path_problem(name));
}

TEST_CASE("controls that change how a name reads are refused") {
    CHECK(library_path_problem("facture\u202ecod.exe")); // RIGHT-TO-LEFT OVERRIDE
    CHECK(library_path_problem("a\u2066b"));             // LEFT-TO-RIGHT ISOLATE
    CHECK(library_path_problem("a\u200fb"));             // RIGHT-TO-LEFT MARK
    CHECK(library_path_problem("a\u2028b"));             // LINE SEPARATOR
    CHECK(library_path_problem("a\xc2\x85"
                               "b"));                            // NEXT LINE, a C1 control
    CHECK_FALSE(library_path_problem("\u0645\u0644\u0641.pdf")); // Arabic, right to left by itself
    CHECK_FALSE(library_path_problem(
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645")); // ZWNJ, needed in Persian
    CHECK(library_path_problem(std::string(256, 'a')));
    CHECK_FALSE(library_path_problem(std::string(255, 'a')));
}

TEST_CASE("names are kept in NFC, and fold alike when Windows or macOS would take them for one") {
    CHECK(normalise_library_path("cafe\u0301.txt") == "caf\u00e9.txt");
    CHECK(name_key("Caf\u00e9.TXT") == name_key("cafe\u0301.txt"));
    CHECK(name_key("STRASSE") == name_key("stra\u00dfe")); // full case folding, as macOS does
    CHECK(name_key("a") != name_key("b"));
}

TEST_CASE("paths that clash are found, with the one they clash with") {
    NameClashes clashes;
    CHECK_FALSE(clashes.add("Rapport.pdf"));
    CHECK_FALSE(clashes.add("Rapport.pdf")); // the same path: the same file, a new revision
    CHECK(clashes.add("rapport.pdf").value() ==
          "is the same file as 'Rapport.pdf' on Windows and macOS");
    CHECK_FALSE(clashes.add("Études/a.txt"));
    CHECK(clashes.add("études/b.txt").value().find("the same folder as '\u00c9tudes'") !=
          std::string::npos);
    CHECK(clashes.add("Rapport.pdf/x").value() == "needs a folder where 'Rapport.pdf' is a file");
    CHECK(clashes.add("ÉTUDES").value() == "is a file where 'Études' is a folder");
}
