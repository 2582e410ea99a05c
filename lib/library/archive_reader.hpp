// Reads an archive someone sent (zip, tar, tar.gz, tar.xz, 7z, through libarchive) as hostile
// input: every entry's name and kind is checked, sizes and counts are bounded, and contents only
// ever go to the blob store, never to a path the archive names.
#pragma once

#include "library/blob_store.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

struct ArchiveLimits {
    std::uint64_t max_entry_bytes = 500ull * 1000 * 1000;
    std::uint64_t max_total_bytes = 5000ull * 1000 * 1000;
    double max_ratio = 100; // uncompressed bytes for one byte of archive: more betrays a bomb
    std::uint64_t max_entries = 10'000; // files, folders and all: each costs rows and a lookup
    // How to read names that are not UTF-8 (an ICU converter name: cp437, cp850, latin1...).
    // Empty: a zip's names are read as CP437 where CP437 and CP850 read them alike (what
    // Windows Explorer writes), and refused otherwise.
    std::string name_encoding;
};

struct ArchivedFile {
    std::string path; // in the library: folder + the entry's name, in NFC
    StoredBlob blob;
};

// An entry left out because it is not one of the sender's files: the metadata macOS and
// Windows add on their own (__MACOSX/, .DS_Store, Thumbs.db, desktop.ini).
struct SkippedEntry {
    std::string name; // as in the archive
    std::string why;  // "macOS metadata"
};

struct ArchiveContents {
    std::vector<ArchivedFile> files;
    std::vector<SkippedEntry> skipped;
    std::string guessed_encoding; // "CP437" when names were read so without being told
};

// Why `encoding` cannot read names, if it cannot.
std::optional<std::string> name_encoding_problem(const std::string& encoding);

// Stores every regular file of `archive` (noting them in `created`), under `folder`.
// Refused, with every offending entry named: absolute paths, "..", links, devices and other
// special files, names that cannot be read as UTF-8, names library_path_problem refuses,
// names that are the same file on Windows or macOS (case, normalisation), more entries than
// the limit, an entry or a total over the limits, a compression ratio over the limit. On
// refusal `created` removes what was stored.
ArchiveContents read_archive(const std::filesystem::path& archive, const std::string& folder,
                             const ArchiveLimits& limits, BlobStore& blobs, NewBlobs& created);

// The same checks on an archive held in memory (`size` bytes at `data`), for the fuzz target
// and for tests: its contents go to a store in a fresh temporary folder, removed before it
// returns or throws, so it touches nothing else. Throws what read_archive throws; the files
// it returns name contents that are no longer stored.
ArchiveContents read_archive_in_memory(const void* data, std::size_t size,
                                       const ArchiveLimits& limits);
// The same, with the contents going to `scratch` (a store of the caller's, as temporary files
// removed before it returns): a fuzzer that reads millions of inputs makes one folder, not one
// an input.
ArchiveContents read_archive_in_memory(const void* data, std::size_t size,
                                       const ArchiveLimits& limits, BlobStore& scratch);

} // namespace expeer
