// A private scratch file (mode 0600) that a process killed before it could remove it leaves
// to the next run to remove: the file is locked (flock) while in use, and the kernel drops
// the lock when its process dies, even by kill -9, so an unlocked one is an orphan.
#pragma once

#include <filesystem>
#include <string>

namespace expeer {

class ScratchFile {
  public:
    // Creates `directory`/`prefix`XXXXXX, locked. Removes it when destroyed.
    ScratchFile(const std::filesystem::path& directory, const std::string& prefix);
    ~ScratchFile();
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;

    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
    int fd_ = -1;
};

// Creates `directory`/`prefix`XXXXXX (mode 0600) locked, sets `path`, and returns its
// descriptor: the one way such a file is made, so that the sweep below never takes a file
// in use for an orphan.
int create_locked(const std::filesystem::path& directory, const std::string& prefix,
                  std::filesystem::path& path);

// Removes the files `directory`/`prefix`XXXXXX (six characters, as mkstemp makes them) that
// no live process holds locked, and SQLite's -wal, -shm and -journal files beside them; returns
// how many. What cannot be removed is left alone.
std::size_t remove_orphan_scratch_files(const std::filesystem::path& directory,
                                        const std::string& prefix);

} // namespace expeer
