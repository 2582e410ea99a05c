// A file of a space's library and its revisions, as stored.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace expeer {

struct LibraryRevision {
    std::int64_t revision = 0; // 1, 2, ...
    std::string sha256;        // "" for a version pulled from the platform without its bytes
    std::uint64_t size = 0;
    std::string added_at;
    std::optional<std::int64_t> added_by; // member id
};

struct LibraryFile {
    std::int64_t id = 0;
    std::int64_t space_id = 0;
    std::string path; // "études/rapport 2023.pdf"
    std::string created_at;
    std::optional<std::string> deleted_at;
    LibraryRevision current; // the newest revision
    std::size_t revisions = 0;
};

} // namespace expeer
