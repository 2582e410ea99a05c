// Reads the records of the violation map from the CSV or JSON Lines file a project keeps, one
// record a line, and checks each: what is valid goes to the caller, every problem is reported
// with its line, field and value, as the member and activity imports do. Nothing is stored
// here: the caller decides, all or nothing or skipping the invalid lines (util/rejects).
//
// The map takes nothing that could identify a person or an exact place. A column (a key, in
// JSON Lines) that looks like a name, a contact, a birth date, an age, an address, a place or
// coordinates stops the whole file, and so does any other column the reader does not know:
// a map import must not silently drop what someone thought they were giving.
#pragma once

#include "map/map_record.hpp"
#include "util/encoding.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace expeer {

enum class RecordFormat { csv, jsonl };

// From the extension, whatever its case: .csv; .jsonl or .ndjson. An Error (usage) otherwise.
RecordFormat record_format_for(const std::filesystem::path& file);

// One refused value, or the whole line (field "line"). The field is named as the file names
// it (the CSV header as written, "Gouvernorat"; the JSON key); the value is trimmed and shown
// as a terminal may print it (util/printable).
struct RecordProblem {
    std::size_t line = 0;
    std::string field;
    std::string value;
    std::string reason;
};

// What the map knows, given by the caller, who knows the map's regions and categories.
struct RecordVocabulary {
    std::vector<MapCategory> categories; // matched by code, French or English label, folded
    // The region's ISO 3166-2 code for what a person wrote (a code, or a name in French,
    // English or Arabic, with variants): nullopt when unknown. Required.
    std::function<std::optional<std::string>(std::string_view)> region_code;
    // The nearest regions to an unknown input, each as a message shows it ("Sfax (TN-61)"),
    // for "did you mean"; may be empty, or return nothing.
    std::function<std::vector<std::string>(std::string_view)> region_suggestions;
};

struct RecordReadOptions {
    std::string today; // "2026-12-03", from the caller's Clock: later dates are refused
    Encoding encoding = Encoding::utf8; // CSV only: JSON Lines is always UTF-8
    // Where refused lines go, in the input's own format, ready to be fixed and read again: a
    // CSV file's header with a "reason" column first, then each refused row with its reason
    // (JSON Lines: each refused line with a "reason" key). RejectsFile::write fits. Optional.
    std::function<void(std::string_view text)> on_rejected_text;
};

struct RecordReading {
    std::size_t lines = 0;    // records read (valid or not)
    std::size_t rejected = 0; // lines refused
    // Only the "reason" column of a rejects file read again: every other unknown column
    // stops the file. Shown as a terminal may print them.
    std::vector<std::string> ignored_columns;
};

// No record is dated before this day: the projects the map shows began later, and a year 0
// or 1900 is a typing mistake.
inline constexpr std::string_view earliest_record_day = "1990-01-01";

// Calls on_record for each valid record with its line number, on_problem for each problem as
// it is found (several per line possible): memory stays flat whatever the file, but for the
// ids seen, kept to find one given twice. An id is remembered even when the rest of its line is
// refused: the same id twice in one file is a mistake whichever line is right.
//
// Throws an Error for what stops the whole file: it cannot be read (no_input); it is not CSV
// or JSON Lines as util/csv and util/json_lines read them, it has no header, a required column
// is missing, a column is there twice, forbidden or unknown (data). A JSON Lines file may bring
// such a key on any line, after records were given: a caller that stores them does so in a
// transaction it rolls back on an Error. An Error (failure) when the vocabulary has no
// region_code or options.today is no day.
RecordReading read_records(const std::filesystem::path& file, RecordFormat format,
                           const RecordVocabulary& vocabulary, const RecordReadOptions& options,
                           const std::function<void(const MapRecord&, std::size_t line)>& on_record,
                           const std::function<void(const RecordProblem&)>& on_problem);

// What a person writes for a gender or a case's status, in English or French, folded (case,
// accents and punctuation aside): the names of map_record.hpp, their labels and the usual
// spellings of spreadsheets ("F", "H", "en cours", "classé sans suite"). Nothing for anything
// else, "other" included: see record_reader.cpp. An empty value is unknown.
std::optional<RecordGender> read_record_gender(std::string_view text);
std::optional<CaseStatus> read_case_status(std::string_view text);

// A date as records write it: a day (2024-03-15, 15/03/2024) or a month (2024-03, 03/2024),
// as ISO 8601 ("2024-03-15", "2024-03"); nothing if it is neither or names no real day.
std::optional<std::string> read_record_date(std::string_view text);

} // namespace expeer
