// Writes a library out as an archive that is the same, byte for byte, for the same content:
// entries sorted, one fixed time, no owner, so exports can be compared and checksummed.
#pragma once

#include "library/blob_store.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace expeer {

enum class ArchiveFormat { zip, tar_gz };

struct ArchiveMember {
    std::string path;   // inside the archive
    std::string sha256; // the content, from the blob store
    std::uint64_t size = 0;
};

// `write` receives the archive's bytes in order.
void write_archive(std::vector<ArchiveMember> members, ArchiveFormat format, const BlobStore& blobs,
                   const std::function<void(std::string_view)>& write);

} // namespace expeer
