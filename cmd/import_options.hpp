// What the imports (members, activity) share on the command line: how invalid rows are
// treated (--skip-invalid, --rejects, --force), how dates are written (--date-format), the
// exit status, and printing a report once data may have been committed.
#pragma once

#include "context.hpp"
#include "util/date_input.hpp"
#include "util/rejects.hpp"

#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include <functional>
#include <string>
#include <vector>

namespace expeer::cli {

struct SharedImportOptions {
    bool skip_invalid = false;
    std::string rejects;
    bool force = false;
    std::vector<std::string> date_formats;

    InvalidRows invalid_rows() const {
        InvalidRows rows;
        rows.skip = skip_invalid;
        if (!rejects.empty()) rows.rejects_file = rejects;
        rows.overwrite_rejects = force;
        if (rows.rejects_file && !rows.skip) throw Error(ErrorKind::usage, "--rejects goes with --skip-invalid");
        return rows;
    }
    DateFormats dates() const { return DateFormats(date_formats); } // a usage error for a bad pattern
};

// `rows` says what the command's unit is: "rows", "lines".
inline void add_shared_import_options(CLI::App& command, SharedImportOptions& o, const std::string& rows) {
    command.add_flag("--skip-invalid", o.skip_invalid, fmt::format("Import the valid {} even if others are rejected", rows));
    command.add_option("--rejects", o.rejects,
                       fmt::format("With --skip-invalid: write rejected {} here, with a reason", rows));
    command.add_flag("--force", o.force, "Replace an existing --rejects file");
    command.add_option("--date-format", o.date_formats,
                       "How the file writes dates and times, as %d/%m/%Y %H:%M:%S (repeatable; ISO 8601 is always read)")
        ->allow_extra_args(false);
}

// Rejected rows make the exit status 65 (nothing written) or, skipped, 3 (the others written).
inline ExitCode import_exit_code(std::size_t rejected, const InvalidRows& invalid) {
    if (rejected == 0) return ExitCode::ok;
    return invalid.skip ? ExitCode::partial : ExitCode::data;
}

// Prints an import's report. Once the data is committed, a report that cannot be printed must
// not read as a failed import: the error says what was written.
inline void print_import_report(Context& context, bool written, const std::string& what_was_written,
                                const std::function<void()>& print) {
    try {
        print();
        context.out.flush();
        if (!context.out) throw Error(ErrorKind::io, "cannot write to standard output");
    } catch (const std::exception& e) {
        if (!written) throw;
        throw Error(ErrorKind::io, fmt::format("the import was written ({}), but its report was not: {}",
                                               what_was_written, e.what()));
    }
}

} // namespace expeer::cli
