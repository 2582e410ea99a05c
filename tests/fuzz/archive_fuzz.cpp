// The archive reader of `library import`: any bytes as a zip, tar, tar.gz... with every check
// on names and sizes. The limits are small so that the fuzzer meets them, not the disk.
#include "fuzz_target.hpp"
#include "library/archive_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    expeer::ArchiveLimits limits;
    limits.max_entry_bytes = 64 << 10;
    limits.max_total_bytes = 256 << 10;
    limits.max_entries = 64;
    expeer::fuzz::expect_answer_or_refusal([&] { (void)expeer::read_archive_in_memory(data, size, limits); });
    return 0;
}
