#include "util/lock_file.hpp"

#include "util/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace expeer {

LockFile::LockFile(const std::filesystem::path& file, const char* what) {
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0)
        throw Error(ErrorKind::cannot_create, fmt::format("cannot open the lock '{}': {}", file.string(), std::strerror(errno)));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd_);
        fd_ = -1;
        throw Error(ErrorKind::temporary, fmt::format("{} is already running (lock '{}'): try again later", what, file.string()));
    }
}

LockFile::~LockFile() {
    if (fd_ >= 0) ::close(fd_);
}

} // namespace expeer
