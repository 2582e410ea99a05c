// Errors that reach the user, and the exit code each kind maps to.
#pragma once

#include <stdexcept>
#include <string>

namespace expeer {

// Exit codes follow sysexits.h where a value fits; they are documented in expeer(1).
enum class ExitCode : int {
    ok = 0,
    failure = 1,       // anything not covered below
    partial = 3,       // a batch that partly failed: some items done, some not
    usage = 64,        // EX_USAGE: bad command line
    data = 65,         // EX_DATAERR: invalid input data
    no_input = 66,     // EX_NOINPUT: an input file cannot be read
    not_found = 67,    // EX_NOUSER: the member, space... named does not exist
    cannot_create = 73,// EX_CANTCREAT: an output file cannot be written
    io = 74,           // EX_IOERR
    temporary = 75,    // EX_TEMPFAIL: worth retrying later (database busy, server away)
    permission = 77,   // EX_NOPERM: a server refused who we are (a wrong key or login)
    config = 78,       // EX_CONFIG: bad configuration or a database this program cannot use
};

enum class ErrorKind { failure, usage, data, no_input, not_found, cannot_create, io, temporary, permission, config };

ExitCode exit_code_for(ErrorKind kind);

// Thrown at the edges (files, database, configuration); `cmd/main` catches it once and
// prints "expeer: error: <what>". Expected validation failures are values, not this.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    ErrorKind kind() const { return kind_; }

private:
    ErrorKind kind_;
};

} // namespace expeer
