// CSV as spreadsheets write it: read as a stream, record by record, with the physical line
// each record starts on (a quoted field may span lines), so errors can name the line.
// Written by hand rather than with libcsv because that library does not report positions.
// Memory stays flat whatever the file: a record, a field and the number of fields are bounded
// (CsvLimits), and a file over a bound is refused with the line and field named, so neither
// a one-line file of 400 MB nor /dev/zero can exhaust memory or run forever.
// Lines end in LF, CRLF or, in old Mac exports, CR alone (detected on the first line).
#pragma once

#include "util/encoding.hpp"

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace expeer {

struct CsvLimits {
    std::size_t max_fields = 1000;               // in one record
    std::size_t max_field_bytes = 64 * 1024;     // in one field, once in UTF-8
    std::size_t max_record_bytes = 1024 * 1024;  // in one record, quoted line breaks included
};

struct CsvRecord {
    std::size_t line = 0; // where the record starts, from 1
    std::vector<std::string> fields;
};

class CsvReader {
public:
    // `source` names the file in errors. The separator is detected from the header line
    // (comma, semicolon or tab) unless given.
    CsvReader(std::istream& in, std::string source, Encoding encoding, std::optional<char> separator = {},
              CsvLimits limits = {});

    // The next record; false at the end. Blank lines are skipped. An Error (data) for what
    // cannot be read as CSV (UTF-16, NUL bytes, a quote never closed, a bound passed), naming
    // the file, the line and the field.
    bool next(CsvRecord& record);

    char separator() const { return separator_; }
    bool had_byte_order_mark() const { return had_bom_; }
    bool uses_crlf() const { return crlf_; }
    bool uses_cr_only() const { return cr_only_; }
    std::uint64_t bytes_read() const { return bytes_read_; }

private:
    bool fill(); // reads more input into data_; false at the end of input
    void start();
    // Parses one record from data_ at pos_; false if the data ends before the record does.
    bool parse(CsvRecord& record, std::size_t& consumed_lines);
    // Throws when the record being parsed (`bytes` long so far) passes a bound.
    void check_bounds(const CsvRecord& record, const std::string& field, std::size_t bytes, bool quoted = false) const;

    std::istream& in_;
    std::string source_;
    ToUtf8 to_utf8_;
    std::optional<char> requested_separator_;
    CsvLimits limits_;
    char separator_ = ',';
    std::string data_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    bool started_ = false;
    bool eof_ = false;
    bool had_bom_ = false;
    bool crlf_ = false;
    bool cr_only_ = false;
    std::uint64_t bytes_read_ = 0;
};

// The whole of `text` as records, as CsvReader reads a file (blank lines skipped, the header
// the first record): one entry point for tests and fuzzers, with no file-system access. An
// Error (data) for what CsvReader refuses, naming `source`.
std::vector<CsvRecord> read_csv(std::string_view text, const std::string& source = "input",
                                Encoding encoding = Encoding::utf8, CsvLimits limits = {});

} // namespace expeer
