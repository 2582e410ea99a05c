#include "util/atomic_file.hpp"

#include "util/error.hpp"
#include "util/scratch_file.hpp"
#include "util/write_failure.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <vector>

namespace expeer {

namespace {

[[noreturn]] void fail(ErrorKind kind, const std::string& what, const std::filesystem::path& file) {
    // A full disk is called one, whichever of ENOSPC, EDQUOT or EFBIG the kernel said.
    throw Error(kind, fmt::format("{} '{}': {}", what, file.string(), why_write_failed(errno)));
}

constexpr std::size_t buffer_size = 1 << 16;

// "report/" and "report" are the same directory; the name of the last component.
std::filesystem::path without_trailing_slash(const std::filesystem::path& path) {
    std::string text = path.string();
    while (text.size() > 1 && text.back() == '/') text.pop_back();
    return text;
}

std::string last_component(const std::filesystem::path& target) {
    const std::string name = target.filename().string();
    if (name.empty() || name == "." || name == ".." || name == "/")
        throw Error(ErrorKind::cannot_create,
                    fmt::format("'{}' cannot be replaced: give a name of its own", target.string()));
    return name;
}

const char* kind_of(mode_t mode) {
    if (S_ISLNK(mode)) return "a symbolic link";
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISREG(mode)) return "a file";
    return "not a regular file";
}

[[noreturn]] void not_regular(const std::filesystem::path& target, mode_t mode) {
    throw Error(ErrorKind::cannot_create,
                fmt::format("'{}' is {}: expeer replaces only regular files", target.string(),
                            kind_of(mode)));
}

// What is at `name` in `dir`, the link itself when it is one; false when nothing is (or it
// cannot be looked at: then creating the file beside it fails and says why).
bool look(int dir, const std::string& name, struct stat& st) {
    return ::fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

// ".NAME.XXXXXX": hidden beside the target, so that a crash leaves an obvious leftover.
std::string temporary_name(const std::string& name) {
    static constexpr char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static thread_local std::mt19937_64 random{std::random_device{}()};
    std::string suffix(6, 'x');
    for (char& c : suffix) c = letters[random() % (sizeof letters - 1)];
    return "." + name + "." + suffix;
}

void write_all(int fd, std::string_view data, const std::filesystem::path& file) {
    while (!data.empty()) {
        const ssize_t written = ::write(fd, data.data(), data.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            fail(ErrorKind::io, "cannot write", file);
        }
        data.remove_prefix(static_cast<std::size_t>(written));
    }
}

// The names in an open directory, without . and ..; `dir_fd` stays open.
std::vector<std::string> entries(int dir_fd) {
    std::vector<std::string> names;
    const int fd = ::dup(dir_fd);
    if (fd < 0) return names;
    DIR* dir = ::fdopendir(fd);
    if (!dir) {
        ::close(fd);
        return names;
    }
    ::rewinddir(dir);
    while (const dirent* entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..") names.push_back(name);
    }
    ::closedir(dir);
    return names;
}

// Removes the directory `name` of `parent` and the files in it; what cannot go stays.
void remove_directory(int parent, const std::string& name) {
    const int fd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
        for (const auto& entry : entries(fd)) ::unlinkat(fd, entry.c_str(), 0);
        ::close(fd);
    }
    ::unlinkat(parent, name.c_str(), AT_REMOVEDIR);
}

void copy_file(int from_dir, int to_dir, const std::string& name, const std::filesystem::path& shown) {
    const int in = ::openat(from_dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (in < 0) fail(ErrorKind::io, "cannot read", shown);
    struct stat st {};
    ::fstat(in, &st);
    const int out = ::openat(to_dir, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                             st.st_mode & 0777);
    if (out < 0) {
        ::close(in);
        fail(ErrorKind::cannot_create, "cannot keep", shown);
    }
    char buffer[buffer_size];
    for (;;) {
        const ssize_t n = ::read(in, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        try {
            write_all(out, std::string_view(buffer, static_cast<std::size_t>(n)), shown);
        } catch (...) {
            ::close(in);
            ::close(out);
            throw;
        }
    }
    ::close(in);
    if (::fsync(out) != 0 || ::close(out) != 0) fail(ErrorKind::io, "cannot write", shown);
}

} // namespace

void create_private_directories(const std::filesystem::path& dir) {
    if (dir.empty() || std::filesystem::exists(dir)) return;
    create_private_directories(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        throw Error(ErrorKind::cannot_create,
                    fmt::format("cannot create directory '{}': {}", dir.string(), std::strerror(errno)));
}

DirectoryHandle::DirectoryHandle(const std::filesystem::path& dir) {
    const std::filesystem::path shown = dir.empty() ? std::filesystem::path(".") : dir;
    fd_ = ::open(shown.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd_ >= 0) return;
    struct stat st {};
    if (errno == ELOOP || (errno == ENOTDIR && ::lstat(shown.c_str(), &st) == 0 && S_ISLNK(st.st_mode)))
        throw Error(ErrorKind::cannot_create,
                    fmt::format("'{}' is a symbolic link: give the directory it points to", shown.string()));
    fail(ErrorKind::cannot_create, "cannot write in", shown);
}

DirectoryHandle::~DirectoryHandle() {
    if (fd_ >= 0) ::close(fd_);
}

AtomicFile::AtomicFile(std::filesystem::path target, bool overwrite)
    : target_(std::move(target)), name_(last_component(target_)), directory_(target_.parent_path()),
      overwrite_(overwrite) {
    struct stat st {};
    if (look(directory_.fd(), name_, st)) {
        if (!overwrite_)
            throw Error(ErrorKind::cannot_create,
                        fmt::format("'{}' already exists: give --force to replace it", target_.string()));
        if (!S_ISREG(st.st_mode)) not_regular(target_, st.st_mode);
    }
    for (int attempt = 0; fd_ < 0; ++attempt) {
        temporary_ = temporary_name(name_);
        fd_ = ::openat(directory_.fd(), temporary_.c_str(),
                       O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd_ < 0 && (errno != EEXIST || attempt == 100))
            fail(ErrorKind::cannot_create, "cannot create a file beside", target_);
        if (fd_ < 0) continue;
        // Locked until commit or destruction (util/scratch_file): nobody else holds a lock on
        // a file just made, so this cannot block. Another write's sweep may have removed it
        // before the lock was taken: then make another.
        ::flock(fd_, LOCK_EX);
        struct stat opened {}, named{};
        if (::fstat(fd_, &opened) != 0 ||
            ::fstatat(directory_.fd(), temporary_.c_str(), &named, AT_SYMLINK_NOFOLLOW) != 0 ||
            opened.st_ino != named.st_ino || opened.st_dev != named.st_dev) {
            ::close(fd_);
            fd_ = -1;
        }
    }
    // A write of the same file killed before it could clean up (kill -9, power loss) left
    // its temporary behind, possibly personal data: no live process holds it, remove it.
    remove_orphan_scratch_files(target_.has_parent_path() ? target_.parent_path() : std::filesystem::path("."),
                                "." + name_ + ".");
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) {
        ::close(fd_);
        ::unlinkat(directory_.fd(), temporary_.c_str(), 0);
    }
}

void AtomicFile::write(std::string_view data) {
    buffer_.append(data);
    if (buffer_.size() >= buffer_size) flush_buffer();
}

void AtomicFile::flush_buffer() {
    write_all(fd_, buffer_, target_);
    buffer_.clear();
}

std::filesystem::path AtomicFile::written_so_far() {
    flush_buffer();
    return (target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".")) / temporary_;
}

void AtomicFile::commit() {
    flush_buffer();
    if (::fsync(fd_) != 0) fail(ErrorKind::io, "cannot write", target_);
    const int closed = ::close(fd_);
    fd_ = -1;
    try {
        if (closed != 0) fail(ErrorKind::io, "cannot write", target_);
        if (overwrite_) {
            replace();
        } else if (::renameat2(directory_.fd(), temporary_.c_str(), directory_.fd(), name_.c_str(),
                               RENAME_NOREPLACE) != 0) {
            // A file that appeared meanwhile is not replaced either.
            if (errno == EEXIST)
                throw Error(ErrorKind::cannot_create,
                            fmt::format("'{}' already exists: give --force to replace it", target_.string()));
            fail(ErrorKind::cannot_create, "cannot create", target_);
        }
    } catch (...) {
        ::unlinkat(directory_.fd(), temporary_.c_str(), 0);
        throw;
    }
    ::fsync(directory_.fd()); // the rename itself survives a crash
}

// The temporary file and the target swap places in one step, and what was swapped out is
// looked at afterwards: a FIFO or a link put there since the constructor's check goes back.
void AtomicFile::replace() {
    const int dir = directory_.fd();
    if (::renameat2(dir, temporary_.c_str(), dir, name_.c_str(), RENAME_EXCHANGE) == 0) {
        struct stat st {};
        if (::fstatat(dir, temporary_.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode)) {
            ::renameat2(dir, temporary_.c_str(), dir, name_.c_str(), RENAME_EXCHANGE);
            not_regular(target_, st.st_mode);
        }
        ::unlinkat(dir, temporary_.c_str(), 0); // the old file
        return;
    }
    if (errno == ENOENT) { // nothing to replace (any more)
        if (::renameat2(dir, temporary_.c_str(), dir, name_.c_str(), RENAME_NOREPLACE) != 0)
            fail(ErrorKind::cannot_create, "cannot create", target_);
        return;
    }
    if (errno != EINVAL && errno != ENOSYS) fail(ErrorKind::cannot_create, "cannot create", target_);
    // A file system without RENAME_EXCHANGE: check again, then rename.
    struct stat st {};
    if (look(dir, name_, st) && !S_ISREG(st.st_mode)) not_regular(target_, st.st_mode);
    if (::renameat(dir, temporary_.c_str(), dir, name_.c_str()) != 0)
        fail(ErrorKind::cannot_create, "cannot create", target_);
}

void write_file_atomically(const std::filesystem::path& target, std::string_view text, bool overwrite) {
    AtomicFile file(target, overwrite);
    file.write(text);
    file.commit();
}

namespace {

std::filesystem::path created_parent(const std::filesystem::path& target) {
    create_private_directories(target.parent_path());
    return target.parent_path();
}

} // namespace

AtomicDirectory::AtomicDirectory(std::filesystem::path target)
    : target_(without_trailing_slash(target)), name_(last_component(target_)),
      parent_(created_parent(target_)) {
    struct stat st {};
    existed_ = look(parent_.fd(), name_, st);
    if (existed_) {
        if (!S_ISDIR(st.st_mode))
            throw Error(ErrorKind::cannot_create,
                        fmt::format("'{}' is {}, not a directory", target_.string(), kind_of(st.st_mode)));
        const int old = ::openat(parent_.fd(), name_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (old < 0) fail(ErrorKind::cannot_create, "cannot read", target_);
        for (const auto& entry : entries(old)) {
            struct stat e {};
            if (::fstatat(old, entry.c_str(), &e, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(e.st_mode)) continue;
            ::close(old);
            throw Error(ErrorKind::cannot_create,
                        fmt::format("'{}' holds '{}', which is {}: the directory is replaced whole, so it may hold "
                                    "only files",
                                    target_.string(), entry, kind_of(e.st_mode)));
        }
        ::close(old);
    }
    for (int attempt = 0;; ++attempt) {
        temporary_ = temporary_name(name_);
        if (::mkdirat(parent_.fd(), temporary_.c_str(), 0700) == 0) break;
        if (errno != EEXIST || attempt == 100) fail(ErrorKind::cannot_create, "cannot create a directory beside", target_);
    }
    fd_ = ::openat(parent_.fd(), temporary_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd_ < 0) {
        const int saved = errno;
        ::unlinkat(parent_.fd(), temporary_.c_str(), AT_REMOVEDIR);
        errno = saved;
        fail(ErrorKind::cannot_create, "cannot create a directory beside", target_);
    }
}

AtomicDirectory::~AtomicDirectory() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) remove_directory(parent_.fd(), temporary_);
}

void AtomicDirectory::write(const std::string& name, std::string_view text) {
    const auto shown = target_ / name;
    if (name.find('/') != std::string::npos || name == "." || name == ".." || !written_.insert(name).second)
        throw Error(ErrorKind::cannot_create, fmt::format("'{}' cannot be written twice, or there", shown.string()));
    const int fd = ::openat(fd_, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) fail(ErrorKind::cannot_create, "cannot create", shown);
    try {
        write_all(fd, text, shown);
        if (::fsync(fd) != 0) fail(ErrorKind::io, "cannot write", shown);
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0) fail(ErrorKind::io, "cannot write", shown);
}

void AtomicDirectory::keep_old_files(int old_fd) {
    for (const auto& entry : entries(old_fd)) {
        if (written_.count(entry)) continue;
        if (::linkat(old_fd, entry.c_str(), fd_, entry.c_str(), 0) != 0)
            copy_file(old_fd, fd_, entry, target_ / entry); // another owner's file, say
    }
    struct stat st {};
    if (::fstat(old_fd, &st) == 0) ::fchmod(fd_, st.st_mode & 07777); // the directory keeps its mode
}

void AtomicDirectory::commit() {
    if (existed_) {
        const int old = ::openat(parent_.fd(), name_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (old < 0) fail(ErrorKind::cannot_create, "cannot read", target_);
        try {
            keep_old_files(old);
        } catch (...) {
            ::close(old);
            throw;
        }
        ::close(old);
    }
    if (::fsync(fd_) != 0) fail(ErrorKind::io, "cannot write", target_);
    swap_in();
    committed_ = true;
    ::fsync(parent_.fd());
}

// The new directory takes the target's place in one rename; the old one, now under the
// temporary name, is removed.
void AtomicDirectory::swap_in() {
    const int parent = parent_.fd();
    if (!existed_) {
        if (::renameat2(parent, temporary_.c_str(), parent, name_.c_str(), RENAME_NOREPLACE) != 0)
            fail(ErrorKind::cannot_create, "cannot create", target_);
        return;
    }
    if (::renameat2(parent, temporary_.c_str(), parent, name_.c_str(), RENAME_EXCHANGE) == 0) {
        struct stat st {};
        if (::fstatat(parent, temporary_.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode)) {
            ::renameat2(parent, temporary_.c_str(), parent, name_.c_str(), RENAME_EXCHANGE);
            throw Error(ErrorKind::cannot_create,
                        fmt::format("'{}' is {}, not a directory", target_.string(), kind_of(st.st_mode)));
        }
        remove_directory(parent, temporary_);
        return;
    }
    if (errno != EINVAL && errno != ENOSYS) fail(ErrorKind::cannot_create, "cannot replace", target_);
    // A file system without RENAME_EXCHANGE: the old directory steps aside first.
    const std::string aside = temporary_name(name_);
    if (::renameat(parent, name_.c_str(), parent, aside.c_str()) != 0)
        fail(ErrorKind::cannot_create, "cannot replace", target_);
    if (::renameat2(parent, temporary_.c_str(), parent, name_.c_str(), RENAME_NOREPLACE) != 0) {
        const int saved = errno;
        ::renameat(parent, aside.c_str(), parent, name_.c_str());
        errno = saved;
        fail(ErrorKind::cannot_create, "cannot replace", target_);
    }
    remove_directory(parent, aside);
}

} // namespace expeer
