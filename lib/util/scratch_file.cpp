#include "util/scratch_file.hpp"

#include "util/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace expeer {

ScratchFile::ScratchFile(const std::filesystem::path& directory, const std::string& prefix) {
    fd_ = create_locked(directory, prefix, path_);
}

int create_locked(const std::filesystem::path& directory, const std::string& prefix,
                  std::filesystem::path& path) {
    for (;;) {
        std::string pattern = (directory / (prefix + "XXXXXX")).string();
        const int fd = ::mkostemp(pattern.data(), O_CLOEXEC); // created 0600
        if (fd < 0)
            throw Error(ErrorKind::cannot_create,
                        fmt::format("cannot create a file in '{}': {}", directory.string(),
                                    std::strerror(errno)));
        // Nobody else holds a lock on a file just created: this cannot block. Another run's
        // sweep may have removed it before the lock was taken: then make another.
        ::flock(fd, LOCK_EX);
        struct stat opened {
        }, named{};
        if (::fstat(fd, &opened) == 0 && ::lstat(pattern.c_str(), &named) == 0 &&
            opened.st_ino == named.st_ino && opened.st_dev == named.st_dev) {
            path = pattern;
            return fd;
        }
        ::close(fd);
    }
}

ScratchFile::~ScratchFile() {
    ::unlink(path_.c_str());
    ::close(fd_);
}

std::size_t remove_orphan_scratch_files(const std::filesystem::path& directory,
                                        const std::string& prefix) {
    std::size_t removed = 0;
    std::error_code error;
    for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
         it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0)
            continue;
        if (!it->is_regular_file(error) || it->is_symlink(error)) continue;
        const int fd = ::open(it->path().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) continue;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::unlink(it->path().c_str()) == 0) {
            ++removed;
            // A database worked on under a scratch name (a restore) has SQLite's files beside.
            for (const char* suffix : {"-wal", "-shm", "-journal"})
                ::unlink((it->path().string() + suffix).c_str());
        }
        ::close(fd);
    }
    return removed;
}

} // namespace expeer
