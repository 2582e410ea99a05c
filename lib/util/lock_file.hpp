// An advisory lock held for a process's lifetime (flock), so that two cron runs of the same
// job never overlap; the kernel releases it when the process dies, even by kill -9.
#pragma once

#include <filesystem>

namespace expeer {

class LockFile {
public:
    // Throws a temporary Error (exit 75: cron retries later) when another process holds it.
    explicit LockFile(const std::filesystem::path& file, const char* what);
    ~LockFile();
    LockFile(const LockFile&) = delete;
    LockFile& operator=(const LockFile&) = delete;

private:
    int fd_ = -1;
};

} // namespace expeer
