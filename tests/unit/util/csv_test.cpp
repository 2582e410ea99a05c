#include "util/csv.hpp"

#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace expeer;

namespace {

std::vector<CsvRecord> read_all(const std::string& text, Encoding encoding = Encoding::utf8) {
    std::istringstream in(text);
    CsvReader reader(in, "test.csv", encoding);
    std::vector<CsvRecord> records;
    CsvRecord record;
    while (reader.next(record)) records.push_back(record);
    return records;
}

using Fields = std::vector<std::string>;

} // namespace

TEST_CASE("quoted fields keep separators, doubled quotes and line breaks") {
    const auto r = read_all("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,,\n");
    REQUIRE(r.size() == 4);
    CHECK(r[1].fields == Fields{"1", "x, y", "say \"hi\""});
    CHECK(r[2].fields == Fields{"2", "two\nlines", "z"});
    CHECK(r[3].fields == Fields{"3", "", ""});
    // Lines as an editor counts them: the record after a two-line one starts on line 5.
    CHECK(r[2].line == 3);
    CHECK(r[3].line == 5);
}

TEST_CASE("the separator is detected from the header line") {
    std::istringstream semicolons("nom;pays;organisation\nA;TN;\"Ligue, Tunis\"\n");
    CsvReader reader(semicolons, "s.csv", Encoding::utf8);
    CsvRecord record;
    REQUIRE(reader.next(record));
    CHECK(reader.separator() == ';');
    REQUIRE(reader.next(record));
    CHECK(record.fields == Fields{"A", "TN", "Ligue, Tunis"});
    CHECK(read_all("a\tb\n1\t2\n")[1].fields == Fields{"1", "2"});
    CHECK(read_all("email\nx@example.org\n")[1].fields == Fields{"x@example.org"});
}

TEST_CASE("CRLF, a byte-order mark, blank lines and a missing last newline") {
    std::istringstream in("\xef\xbb\xbf" "a,b\r\n1,2\r\n\r\n\r\n3,4");
    CsvReader reader(in, "w.csv", Encoding::utf8);
    CsvRecord record;
    std::vector<CsvRecord> records;
    while (reader.next(record)) records.push_back(record);
    CHECK(reader.had_byte_order_mark());
    CHECK(reader.uses_crlf());
    REQUIRE(records.size() == 3);
    CHECK(records[0].fields == Fields{"a", "b"});
    CHECK(records[2].fields == Fields{"3", "4"});
    CHECK(records[2].line == 5);
}

TEST_CASE("a CR inside a quoted field stays in the field, for validation to refuse") {
    CHECK(read_all("a\n\"x\ry\"\n")[1].fields == Fields{"x\ry"});
}

TEST_CASE("records that straddle the reader's chunks are read whole") {
    // Fields long enough to cross the 64 KiB boundaries at every kind of place.
    std::string text = "a,b\n";
    std::vector<Fields> expected;
    for (int i = 0; i < 300; ++i) {
        const std::string long_field(397 + i, static_cast<char>('a' + i % 26));
        const std::string quoted = "q\"" + std::to_string(i) + "\nend";
        text += long_field + ",\"" + "q\"\"" + std::to_string(i) + "\nend" + "\"\r\n";
        expected.push_back({long_field, quoted});
    }
    const auto records = read_all(text);
    REQUIRE(records.size() == expected.size() + 1);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("record " << i);
        CHECK(records[i + 1].fields == expected[i]);
        CHECK(records[i + 1].line == 2 + 2 * i);
    }
}

TEST_CASE("Windows-1252 and Latin-1 become UTF-8") {
    CHECK(read_all("H\xe9l\xe8ne,C\x9cur \x92\x80\n", Encoding::windows_1252)[0].fields ==
          Fields{"Hélène", "Cœur ’€"});
    CHECK(read_all("Fran\xe7ois\n", Encoding::latin_1)[0].fields == Fields{"François"});
    CHECK(parse_encoding("CP1252") == Encoding::windows_1252);
    CHECK_THROWS_AS(parse_encoding("ebcdic"), Error);
}

TEST_CASE("files that are not CSV text are refused with the place named") {
    CHECK_THROWS_WITH(read_all("a,b\n\"open,2\n"), "test.csv:2: a quoted field is never closed");
    CHECK_THROWS_WITH(read_all(std::string("a\0b\n", 4)), "test.csv: not a text file (it contains NUL bytes)");
    CHECK_THROWS_WITH(read_all("\xff\xfe" "a\0,\0"), "test.csv: the file is in UTF-16: save it as UTF-8 CSV");
    CHECK(read_all("").empty());
}
