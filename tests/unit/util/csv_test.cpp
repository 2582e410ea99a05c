#include "util/csv.hpp"

#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace expeer;

namespace {

// Through read_csv, the entry point the fuzzer uses.
std::vector<CsvRecord> read_all(const std::string& text, Encoding encoding = Encoding::utf8) {
    return read_csv(text, "test.csv", encoding);
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
    CHECK_THROWS_WITH(read_all("a,b\n\"open,2\n"), "test.csv:2: field 1: a quoted field is never closed");
    CHECK_THROWS_WITH(read_all("a,b\n1,\"open\n"), "test.csv:2: field 2: a quoted field is never closed");
    CHECK_THROWS_WITH(read_all(std::string("a\0b\n", 4)), "test.csv: not a text file (it contains NUL bytes)");
    CHECK_THROWS_WITH(read_all("\xff\xfe" "a\0,\0"), "test.csv: the file is in UTF-16: save it as UTF-8 CSV");
    CHECK(read_all("").empty());
}

TEST_CASE("lines ending in CR alone, as old Mac exports write them, are read as lines") {
    const auto r = read_all("email,name\ra@example.org,A\r\"two\rlines\",B\r\rc@example.org,C");
    REQUIRE(r.size() == 4);
    CHECK(r[1].fields == Fields{"a@example.org", "A"});
    CHECK(r[2].fields == Fields{"two\nlines", "B"}); // a line break, for validation to refuse
    CHECK(r[3].fields == Fields{"c@example.org", "C"});
    CHECK(r[3].line == 6);
    std::istringstream in("a\rb\r");
    CsvReader reader(in, "mac.csv", Encoding::utf8);
    CsvRecord record;
    REQUIRE(reader.next(record));
    CHECK(reader.uses_cr_only());
    // CRLF and a CR inside a field of an LF file are not CR-only.
    CHECK(read_all("a\r\nb\r\n").size() == 2);
    CHECK(read_all("a\n\"x\ry\"\n")[1].fields == Fields{"x\ry"});
}

namespace {

std::string error_of(const std::string& text, CsvLimits limits) {
    std::istringstream in(text);
    CsvReader reader(in, "big.csv", Encoding::utf8, {}, limits);
    CsvRecord record;
    try {
        while (reader.next(record)) {
        }
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::data);
        return e.what();
    }
    return "";
}

// A stream of NUL bytes that never ends, as /dev/zero is; it counts what was read.
class Endless : public std::streambuf {
public:
    std::uint64_t given = 0;

protected:
    int_type underflow() override {
        setg(zeros_, zeros_, zeros_ + sizeof zeros_);
        given += sizeof zeros_;
        return 0;
    }

private:
    char zeros_[4096] = {};
};

} // namespace

TEST_CASE("fields, field bytes and record bytes are bounded, with the line and field named") {
    const CsvLimits small{10, 100, 1000};
    std::string wide = "email";
    for (int i = 0; i < 20; ++i) wide += ",x";
    CHECK(error_of("a\n" + wide + "\n", small) == "big.csv:2: field 11: more than 10 fields in one record");
    CHECK(error_of("a,b\n1," + std::string(101, 'x') + "\n", small) == "big.csv:2: field 2: longer than 100 bytes");
    CHECK(error_of("a,b\n1,\"" + std::string(500, 'x') + "\n", small) ==
          "big.csv:2: field 2: longer than 100 bytes (a quote never closed?)");
    std::string long_record = "a";
    for (int i = 0; i < 9; ++i) long_record += "," + std::string(99, 'y');
    long_record += "," + std::string(200, 'z');
    CHECK(error_of(long_record + "\n", CsvLimits{10, 300, 1000}) ==
          "big.csv:1: field 11: more than 10 fields in one record");
    CHECK(error_of(long_record + "\n", CsvLimits{20, 300, 1000}) ==
          "big.csv:1: field 11: the record is longer than 1000 bytes");
    // Within the bounds, all is read.
    CHECK(error_of("a,b\n1," + std::string(100, 'x') + "\n", small).empty());
}

TEST_CASE("a record far over the bounds is refused early: memory stays flat") {
    // The 400 MB one-line file of the issue, cut short: the reader must stop long before.
    std::string line = "email";
    line.reserve(8 * 1000 * 1000);
    while (line.size() < 8 * 1000 * 1000) line += ",x";
    std::istringstream in(line + "\n");
    CsvReader reader(in, "wide.csv", Encoding::utf8);
    CsvRecord record;
    CHECK_THROWS_WITH(reader.next(record), "wide.csv:1: field 1001: more than 1000 fields in one record");
    // The header's end is looked for within one record's bound, then one chunk more at most.
    CHECK(reader.bytes_read() <= CsvLimits{}.max_record_bytes + 128 * 1024);
}

TEST_CASE("an endless stream of NUL bytes ends with an error") {
    Endless zeros;
    std::istream in(&zeros);
    CsvReader reader(in, "/dev/zero", Encoding::utf8);
    CsvRecord record;
    CHECK_THROWS_WITH(reader.next(record), "/dev/zero: not a text file (it contains NUL bytes)");
    CHECK(zeros.given <= 2 * 1024 * 1024);
}

