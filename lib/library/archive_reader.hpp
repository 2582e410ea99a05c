// Reads an archive someone sent (zip, tar, tar.gz, tar.xz, 7z, through libarchive) as hostile
// input: every entry's name and kind is checked, sizes are bounded, and contents only ever go
// to the blob store, never to a path the archive names.
#pragma once

#include "library/blob_store.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace expeer {

struct ArchiveLimits {
    std::uint64_t max_entry_bytes = 500ull * 1000 * 1000;
    std::uint64_t max_total_bytes = 5000ull * 1000 * 1000;
    double max_ratio = 100; // uncompressed bytes for one byte of archive: more betrays a bomb
};

struct ArchivedFile {
    std::string path; // in the library: folder + the entry's name
    StoredBlob blob;
};

// Stores every regular file of `archive` (noting them in `created`), under `folder`.
// Refused, with every offending entry named: absolute paths, "..", links, devices and other
// special files, names that are not UTF-8, the same name twice, an entry or a total over the
// limits, a compression ratio over the limit. On refusal `created` removes what was stored.
std::vector<ArchivedFile> read_archive(const std::filesystem::path& archive, const std::string& folder,
                                       const ArchiveLimits& limits, BlobStore& blobs, NewBlobs& created);

} // namespace expeer
