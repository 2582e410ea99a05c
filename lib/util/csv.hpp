// CSV as spreadsheets write it: read as a stream, record by record, with the physical line
// each record starts on (a quoted field may span lines), so errors can name the line.
// Written by hand rather than with libcsv because that library does not report positions.
#pragma once

#include "util/encoding.hpp"

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

struct CsvRecord {
    std::size_t line = 0; // where the record starts, from 1
    std::vector<std::string> fields;
};

class CsvReader {
public:
    // `source` names the file in errors. The separator is detected from the header line
    // (comma, semicolon or tab) unless given.
    CsvReader(std::istream& in, std::string source, Encoding encoding, std::optional<char> separator = {});

    // The next record; false at the end. Blank lines are skipped.
    bool next(CsvRecord& record);

    char separator() const { return separator_; }
    bool had_byte_order_mark() const { return had_bom_; }
    bool uses_crlf() const { return crlf_; }
    std::uint64_t bytes_read() const { return bytes_read_; }

private:
    bool fill(); // reads more input into data_; false at the end of input
    void start();
    // Parses one record from data_ at pos_; false if the data ends before the record does.
    bool parse(CsvRecord& record, std::size_t& consumed_lines);

    std::istream& in_;
    std::string source_;
    ToUtf8 to_utf8_;
    std::optional<char> requested_separator_;
    char separator_ = ',';
    std::string data_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    bool started_ = false;
    bool eof_ = false;
    bool had_bom_ = false;
    bool crlf_ = false;
    std::uint64_t bytes_read_ = 0;
};

} // namespace expeer
