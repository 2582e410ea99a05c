#include "util/error.hpp"

namespace expeer {

ExitCode exit_code_for(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::usage: return ExitCode::usage;
    case ErrorKind::data: return ExitCode::data;
    case ErrorKind::no_input: return ExitCode::no_input;
    case ErrorKind::not_found: return ExitCode::not_found;
    case ErrorKind::cannot_create: return ExitCode::cannot_create;
    case ErrorKind::io: return ExitCode::io;
    case ErrorKind::temporary: return ExitCode::temporary;
    case ErrorKind::permission: return ExitCode::permission;
    case ErrorKind::config: return ExitCode::config;
    case ErrorKind::failure: break;
    }
    return ExitCode::failure;
}

} // namespace expeer
