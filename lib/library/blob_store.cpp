#include "library/blob_store.hpp"

#include "util/error.hpp"
#include "util/sha256.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

namespace expeer {

namespace {

constexpr std::size_t chunk = 1 << 16;

void make_private_directory(const std::filesystem::path& dir) {
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        throw Error(ErrorKind::cannot_create, fmt::format("cannot create directory '{}': {}", dir.string(), std::strerror(errno)));
}

bool is_hash(const std::string& s) {
    return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace

BlobStore::BlobStore(std::filesystem::path root) : root_(std::move(root)) {}

std::filesystem::path BlobStore::path_of(const std::string& sha256) const {
    if (!is_hash(sha256)) throw Error(ErrorKind::failure, fmt::format("'{}' is not a SHA-256", sha256));
    return root_ / sha256.substr(0, 2) / sha256;
}

bool BlobStore::contains(const std::string& sha256) const { return std::filesystem::exists(path_of(sha256)); }

StoredBlob BlobStore::put_file(const std::filesystem::path& source) {
    const int in = ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) throw Error(ErrorKind::no_input, fmt::format("cannot read '{}': {}", source.string(), std::strerror(errno)));
    struct stat st{};
    if (::fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(in);
        throw Error(ErrorKind::no_input, fmt::format("cannot read '{}': not a regular file", source.string()));
    }
    try {
        const auto blob = put_stream([&](char* buffer, std::size_t size) -> std::size_t {
            for (;;) {
                const ssize_t n = ::read(in, buffer, size);
                if (n >= 0) return static_cast<std::size_t>(n);
                if (errno != EINTR)
                    throw Error(ErrorKind::io, fmt::format("cannot read '{}': {}", source.string(), std::strerror(errno)));
            }
        });
        ::close(in);
        return blob;
    } catch (...) {
        ::close(in);
        throw;
    }
}

StoredBlob BlobStore::put_stream(const Reader& read) {
    make_private_directory(root_);
    make_private_directory(root_ / "tmp");
    std::string temporary = (root_ / "tmp" / "incoming-XXXXXX").string();
    const int out = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (out < 0) throw Error(ErrorKind::cannot_create, fmt::format("cannot write in '{}': {}", root_.string(), std::strerror(errno)));
    StoredBlob blob;
    try {
        Sha256 sha;
        std::vector<char> buffer(chunk);
        for (std::size_t n; (n = read(buffer.data(), buffer.size())) > 0;) {
            sha.update(std::string_view(buffer.data(), n));
            blob.size += n;
            for (std::size_t done = 0; done < n;) {
                const ssize_t w = ::write(out, buffer.data() + done, n - done);
                if (w < 0 && errno == EINTR) continue;
                if (w < 0) throw Error(ErrorKind::io, fmt::format("cannot write in '{}': {}", root_.string(), std::strerror(errno)));
                done += static_cast<std::size_t>(w);
            }
        }
        if (!deferred_sync_ && ::fsync(out) != 0)
            throw Error(ErrorKind::io, fmt::format("cannot write in '{}': {}", root_.string(), std::strerror(errno)));
#ifdef __linux__
        // Start writing it to disk now, without waiting: by the batch's fsync most of it is
        // there, and the disk worked while the next entries were read and hashed.
        if (deferred_sync_) ::sync_file_range(out, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
        blob.sha256 = sha.hex_digest();
    } catch (...) {
        ::close(out);
        ::unlink(temporary.c_str());
        throw;
    }
    ::close(out);
    const auto target = path_of(blob.sha256);
    if (std::filesystem::exists(target) || pending_.count(blob.sha256)) {
        ::unlink(temporary.c_str()); // stored already: that is the point
        return blob;
    }
    if (deferred_sync_) {
        pending_.emplace(blob.sha256, temporary);
        blob.created = true;
        return blob;
    }
    make_private_directory(target.parent_path());
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        ::unlink(temporary.c_str());
        throw Error(ErrorKind::cannot_create, fmt::format("cannot store in '{}': {}", root_.string(), std::strerror(errno)));
    }
    blob.created = true;
    return blob;
}

void BlobStore::read(const std::string& sha256, const std::function<void(std::string_view)>& sink) const {
    std::ifstream in(path_of(sha256), std::ios::binary);
    if (!in) throw Error(ErrorKind::io, fmt::format("the stored content {} is missing from '{}'", sha256, root_.string()));
    Sha256 sha;
    std::vector<char> buffer(chunk);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const std::string_view piece(buffer.data(), static_cast<std::size_t>(in.gcount()));
        if (piece.empty()) break;
        sha.update(piece);
        sink(piece);
    }
    if (sha.hex_digest() != sha256)
        throw Error(ErrorKind::io, fmt::format("the stored content {} is damaged: its SHA-256 does not match", sha256));
}

void BlobStore::commit_pending() {
    std::set<std::filesystem::path> directories;
    // Sync every file first, then rename: a content appears under its name only once complete.
    for (const auto& [sha256, temporary] : pending_) {
        const int fd = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || ::fsync(fd) != 0) {
            if (fd >= 0) ::close(fd);
            throw Error(ErrorKind::io, fmt::format("cannot write in '{}': {}", root_.string(), std::strerror(errno)));
        }
        ::close(fd);
    }
    for (auto it = pending_.begin(); it != pending_.end(); it = pending_.erase(it)) {
        const auto target = path_of(it->first);
        make_private_directory(target.parent_path());
        if (::rename(it->second.c_str(), target.c_str()) != 0)
            throw Error(ErrorKind::cannot_create, fmt::format("cannot store in '{}': {}", root_.string(), std::strerror(errno)));
        directories.insert(target.parent_path());
    }
    directories.insert(root_);
    for (const auto& dir : directories) { // the renames themselves survive a crash
        const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0) {
            ::fsync(fd);
            ::close(fd);
        }
    }
    deferred_sync_ = false;
}

void BlobStore::discard_pending() {
    for (const auto& [sha256, temporary] : pending_) ::unlink(temporary.c_str());
    pending_.clear();
    deferred_sync_ = false;
}

void BlobStore::remove(const std::string& sha256) { std::filesystem::remove(path_of(sha256)); }

NewBlobs::~NewBlobs() {
    for (const auto& sha256 : created_) {
        std::error_code ignored;
        std::filesystem::remove(store_.path_of(sha256), ignored);
    }
}

void NewBlobs::add(const StoredBlob& blob) {
    if (blob.created) created_.insert(blob.sha256);
}

} // namespace expeer
