// What libarchive says went wrong, fit for a message: it may say nothing (a null string, which
// fmt refuses), and what it says may quote a name from the archive (escaped).
#pragma once

#include "util/printable.hpp"

#include <archive.h>

#include <string>

namespace expeer {

inline std::string archive_error(archive* a) {
    const char* said = archive_error_string(a);
    return said ? printable(said) : std::string("the archive is damaged or truncated");
}

} // namespace expeer
