// The archive reader of `library import`: any bytes as a zip, tar, tar.gz... with every check
// on names and sizes. The limits are small so that the fuzzer meets them, not the disk.
#include "fuzz_target.hpp"
#include "library/archive_reader.hpp"
#include "library/blob_store.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdlib.h>

namespace {

// One scratch store for the whole run, in a folder of its own removed at exit.
struct Scratch {
    std::filesystem::path folder;
    expeer::BlobStore store;
    Scratch() : folder(made()), store(folder / "files") {}
    ~Scratch() {
        std::error_code ignored;
        std::filesystem::remove_all(folder, ignored);
    }
    static std::filesystem::path made() {
        std::string path = (std::filesystem::temp_directory_path() / "expeer-fuzz-XXXXXX").string();
        if (!::mkdtemp(path.data())) std::abort();
        return path;
    }
};

Scratch& scratch() {
    static Scratch s;
    return s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    expeer::ArchiveLimits limits;
    limits.max_entry_bytes = 64 << 10;
    limits.max_total_bytes = 256 << 10;
    limits.max_entries = 64;
    expeer::fuzz::expect_answer_or_refusal(
        [&] { (void)expeer::read_archive_in_memory(data, size, limits, scratch().store); });
    return 0;
}
