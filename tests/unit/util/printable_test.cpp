#include "util/printable.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

TEST_CASE("what a terminal would act on is escaped, the rest shown as it is") {
    CHECK(printable("Élodie نور") == "Élodie نور");
    CHECK(printable("clear\x1b[2Jscreen") == "clear\\x1b[2Jscreen");
    CHECK(printable("bell\a tab\t line\nreturn\r") == "bell\\x07 tab\\x09 line\\x0areturn\\x0d");
    CHECK(printable("c1 \xc2\x9b csi") == "c1 \\x9b csi");                 // U+009B
    CHECK(printable("rtl \xe2\x80\xae gnp.exe") == "rtl \\u202e gnp.exe"); // U+202E
    CHECK(printable("line \xe2\x80\xa8 sep") == "line \\u2028 sep");       // U+2028
    CHECK(printable("isolate \xe2\x81\xa6x\xe2\x81\xa9") == "isolate \\u2066x\\u2069");
    CHECK(printable("bad \xff\xc3 bytes") == "bad \\xff\\xc3 bytes");
    CHECK(printable("overlong \xc0\xaf") == "overlong \\xc0\\xaf");
}

TEST_CASE("a long value is cut on a character") {
    CHECK(printable("ééééé", 3) == "ééé...");
    CHECK(printable("abc", 3) == "abc");
}

TEST_CASE("a whole message keeps its line breaks, and is not cut") {
    CHECK(printable_lines("error: 'x\x1b[2J'\nnothing was written") == "error: 'x\\x1b[2J'\nnothing was written");
    CHECK(printable_lines("cr\r tab\t c1\xc2\x85 bidi\xe2\x80\xae") == "cr\\x0d tab\\x09 c1\\x85 bidi\\u202e");
    const std::string long_text(1000, 'a');
    CHECK(printable_lines(long_text) == long_text);
    // What printable() already escaped is left as it is.
    CHECK(printable_lines(printable("a\x1b b")) == printable("a\x1b b"));
}
