// Writes a file so that readers see the old content or the whole new one, never half of it:
// a temporary file beside the target (mode 0600), fsync, rename, fsync of the directory.
// The temporary is locked while in use; one a killed process left is removed by the next
// write of the same target (util/scratch_file).
#pragma once

#include <filesystem>
#include <string_view>

namespace expeer {

// Creates each missing directory of `dir` with mode 0700: who is in the network is nobody
// else's business, not even other accounts on the machine.
void create_private_directories(const std::filesystem::path& dir);

class AtomicFile {
public:
    // Refuses an existing `target` unless `overwrite`. Nothing appears at `target` before
    // commit(); a destroyed AtomicFile that was not committed leaves nothing behind.
    AtomicFile(std::filesystem::path target, bool overwrite);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view data);
    void commit();
    const std::filesystem::path& target() const { return target_; }

private:
    void flush_buffer();

    std::filesystem::path target_;
    std::filesystem::path temporary_;
    bool overwrite_;
    int fd_ = -1;
    std::string buffer_;
};

// The whole of `text` as `target`, through an AtomicFile.
void write_file_atomically(const std::filesystem::path& target, std::string_view text, bool overwrite);

} // namespace expeer
