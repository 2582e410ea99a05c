// Bulk import of members from the CSV and JSON Lines files that registration forms and
// partner organisations produce. All or nothing by default, in one transaction.
#pragma once

#include "util/date_input.hpp"
#include "util/encoding.hpp"
#include "util/rejects.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Clock;
class Countries;
class Database;
struct ErasedAddresses;

enum class OnExisting { update, skip, error };
enum class ImportFormat { csv, jsonl };

struct ImportOptions {
    std::filesystem::path file;
    std::optional<ImportFormat> format; // from the file's extension when not given
    Encoding encoding = Encoding::utf8;
    std::optional<std::filesystem::path> map_file;
    OnExisting on_existing = OnExisting::update;
    bool dry_run = false;
    InvalidRows invalid; // all or nothing, or skip the invalid rows (and where they go)
    DateFormats dates;   // how the file writes dates and times, besides ISO 8601
    std::string default_language = "en";
    std::string actor;
    std::optional<std::string> space;      // every member of the file also joins this space...
    std::optional<std::string> space_role; // ...with this role (default: the space's own)
};

// One rejected value (or row, when column is empty), with where it is in the file. The column
// and the value are shown as a terminal may print them (util/printable).
struct ImportProblem {
    std::size_t line = 0;
    std::string column; // the header as the file has it
    std::string value;
    std::string reason;
};

struct ImportReport {
    std::size_t rows = 0;
    std::size_t created = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t skipped = 0;  // existing members left alone (--on-existing skip)
    std::size_t rejected = 0; // rows
    std::size_t joined_space = 0; // members who joined the --space
    std::map<std::string, std::size_t> rejected_by_reason;
    std::vector<std::string> unknown_columns; // reported, not imported; escaped (util/printable)
    bool written = false;                     // whether the database changed
};

struct ImportCallbacks {
    std::function<void(const ImportProblem&)> on_problem; // as each is found: memory stays flat
    std::function<void(std::uint64_t bytes_done, std::uint64_t bytes_total)> on_progress;
};

ImportFormat import_format_for(const std::filesystem::path& file);

// Every string in the report and the problems is valid UTF-8 with nothing a terminal acts on,
// so that printing the outcome of a committed import cannot fail.
// An erased person's address is rejected as an invalid row, unless `erased.allow`.
ImportReport import_members(Database& db, const Countries& countries, const Clock& clock,
                            const ImportOptions& options, const ImportCallbacks& callbacks,
                            const ErasedAddresses& erased);

} // namespace expeer
