#include "util/atomic_file.hpp"

#include "util/error.hpp"
#include "util/scratch_file.hpp"
#include "util/write_failure.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace expeer {

namespace {

[[noreturn]] void fail(ErrorKind kind, const std::string& what, const std::filesystem::path& file) {
    // A full disk is called one, whichever of ENOSPC, EDQUOT or EFBIG the kernel said.
    throw Error(kind, fmt::format("{} '{}': {}", what, file.string(), why_write_failed(errno)));
}

constexpr std::size_t buffer_size = 1 << 16;

} // namespace

void create_private_directories(const std::filesystem::path& dir) {
    if (dir.empty() || std::filesystem::exists(dir)) return;
    create_private_directories(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        throw Error(ErrorKind::cannot_create,
                    fmt::format("cannot create directory '{}': {}", dir.string(), std::strerror(errno)));
}

AtomicFile::AtomicFile(std::filesystem::path target, bool overwrite)
    : target_(std::move(target)), overwrite_(overwrite) {
    if (!overwrite_ && std::filesystem::exists(target_))
        throw Error(ErrorKind::cannot_create,
                    fmt::format("'{}' already exists: give --force to replace it", target_.string()));
    const auto directory = target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
    const std::string prefix = "." + target_.filename().string() + ".";
    fd_ = create_locked(directory, prefix, temporary_); // 0600, locked until commit or destruction
    // A write of the same file killed before it could clean up (kill -9, power loss) left
    // its temporary behind, possibly personal data: no live process holds it, remove it.
    remove_orphan_scratch_files(directory, prefix);
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) {
        ::close(fd_);
        ::unlink(temporary_.c_str());
    }
}

void AtomicFile::write(std::string_view data) {
    buffer_.append(data);
    if (buffer_.size() >= buffer_size) flush_buffer();
}

void AtomicFile::flush_buffer() {
    std::string_view rest = buffer_;
    while (!rest.empty()) {
        const ssize_t written = ::write(fd_, rest.data(), rest.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            fail(ErrorKind::io, "cannot write", target_);
        }
        rest.remove_prefix(static_cast<std::size_t>(written));
    }
    buffer_.clear();
}

void AtomicFile::commit() {
    flush_buffer();
    if (::fsync(fd_) != 0) fail(ErrorKind::io, "cannot write", target_);
    if (::close(fd_) != 0) {
        fd_ = -1;
        ::unlink(temporary_.c_str());
        fail(ErrorKind::io, "cannot write", target_);
    }
    fd_ = -1;
    // Without --force, a file that appeared meanwhile is not replaced either.
    const int flags = overwrite_ ? 0 : RENAME_NOREPLACE;
    if (::renameat2(AT_FDCWD, temporary_.c_str(), AT_FDCWD, target_.c_str(), flags) != 0) {
        const int saved = errno;
        ::unlink(temporary_.c_str());
        errno = saved;
        if (saved == EEXIST)
            throw Error(ErrorKind::cannot_create,
                        fmt::format("'{}' already exists: give --force to replace it", target_.string()));
        fail(ErrorKind::cannot_create, "cannot create", target_);
    }
    const auto directory = target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
    const int dir_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        ::fsync(dir_fd); // the rename itself survives a crash
        ::close(dir_fd);
    }
}

void write_file_atomically(const std::filesystem::path& target, std::string_view text, bool overwrite) {
    AtomicFile file(target, overwrite);
    file.write(text);
    file.commit();
}

} // namespace expeer
