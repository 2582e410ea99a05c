#include "library/blob_store.hpp"

#include "util/error.hpp"
#include "util/sha256.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace expeer {

namespace {

constexpr std::size_t chunk = 1 << 16;

void make_private_directory(const std::filesystem::path& dir) {
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        throw Error(ErrorKind::cannot_create, fmt::format("cannot create directory '{}': {}",
                                                          dir.string(), std::strerror(errno)));
}

bool is_hash(const std::string& s) {
    return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

void sync_directory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
    struct stat sa {
    }, sb{};
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

[[noreturn]] void cannot_store(const std::filesystem::path& root) {
    throw Error(ErrorKind::cannot_create,
                fmt::format("cannot store in '{}': {}", root.string(), std::strerror(errno)));
}

} // namespace

BlobStore::BlobStore(std::filesystem::path root) : root_(std::move(root)) {}

BlobStore::~BlobStore() {
    discard_pending();
    if (!run_) return;
    // Nothing left to settle: the folder goes. Otherwise it stays for recover(), which asks
    // the database what was recorded.
    if (published_.empty() && withdrawn_.empty()) {
        std::error_code ignored;
        for (const auto& entry : std::filesystem::directory_iterator(*run_, ignored))
            if (entry.path().filename() != "lock") std::filesystem::remove(entry.path(), ignored);
        ::unlink((*run_ / "lock").c_str());
        ::rmdir(run_->c_str());
    }
    ::close(run_lock_);
}

const std::filesystem::path& BlobStore::run_directory() {
    if (run_) return *run_;
    make_private_directory(root_);
    make_private_directory(root_ / "tmp");
    // Made under another name and locked before it is given its name, so that no other
    // process ever sees an unlocked run folder and takes it for a dead one.
    std::string making = (root_ / "tmp" / "new-XXXXXX").string();
    if (!::mkdtemp(making.data())) cannot_store(root_);
    const std::filesystem::path lock = std::filesystem::path(making) / "lock";
    run_lock_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (run_lock_ < 0 || ::flock(run_lock_, LOCK_EX | LOCK_NB) != 0) cannot_store(root_);
    const auto name = std::filesystem::path(making).filename().string().substr(4);
    const std::filesystem::path run = root_ / "tmp" / ("run-" + name);
    if (::rename(making.c_str(), run.c_str()) != 0) cannot_store(root_);
    run_ = run;
    return *run_;
}

std::filesystem::path BlobStore::path_of(const std::string& sha256) const {
    if (!is_hash(sha256))
        throw Error(ErrorKind::failure, fmt::format("'{}' is not a SHA-256", sha256));
    return root_ / sha256.substr(0, 2) / sha256;
}

bool BlobStore::contains(const std::string& sha256) const {
    return std::filesystem::exists(path_of(sha256));
}

StoredBlob BlobStore::put_file(const std::filesystem::path& source) {
    const int in = ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        throw Error(ErrorKind::no_input,
                    fmt::format("cannot read '{}': {}", source.string(), std::strerror(errno)));
    struct stat st {};
    if (::fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(in);
        throw Error(ErrorKind::no_input,
                    fmt::format("cannot read '{}': not a regular file", source.string()));
    }
    try {
        const auto blob = put_stream([&](char* buffer, std::size_t size) -> std::size_t {
            for (;;) {
                const ssize_t n = ::read(in, buffer, size);
                if (n >= 0) return static_cast<std::size_t>(n);
                if (errno != EINTR)
                    throw Error(ErrorKind::io, fmt::format("cannot read '{}': {}", source.string(),
                                                           std::strerror(errno)));
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
    std::string temporary = (run_directory() / "incoming-XXXXXX").string();
    const int out = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (out < 0)
        throw Error(ErrorKind::cannot_create,
                    fmt::format("cannot write in '{}': {}", root_.string(), std::strerror(errno)));
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
                if (w < 0)
                    throw Error(ErrorKind::io, fmt::format("cannot write in '{}': {}",
                                                           root_.string(), std::strerror(errno)));
                done += static_cast<std::size_t>(w);
            }
        }
        if (!deferred_sync_ && ::fsync(out) != 0)
            throw Error(ErrorKind::io, fmt::format("cannot write in '{}': {}", root_.string(),
                                                   std::strerror(errno)));
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
    if (pending_.count(blob.sha256) || std::filesystem::exists(path_of(blob.sha256))) {
        ::unlink(temporary.c_str()); // stored already: that is the point
        if (deferred_sync_ && !pending_.count(blob.sha256)) relied_on_.insert(blob.sha256);
        return blob;
    }
    if (deferred_sync_) {
        pending_.emplace(blob.sha256, temporary);
        blob.created = true;
        return blob;
    }
    // At once: in place, with its second name kept until settled.
    const auto journal = *run_ / blob.sha256;
    const auto target = path_of(blob.sha256);
    if (::rename(temporary.c_str(), journal.c_str()) != 0) {
        ::unlink(temporary.c_str());
        cannot_store(root_);
    }
    make_private_directory(target.parent_path());
    if (::link(journal.c_str(), target.c_str()) != 0) {
        const int error = errno;
        ::unlink(journal.c_str());
        if (error == EEXIST) return blob; // another process stored it meanwhile
        errno = error;
        cannot_store(root_);
    }
    published_.insert(blob.sha256);
    blob.created = true;
    return blob;
}

void BlobStore::read(const std::string& sha256,
                     const std::function<void(std::string_view)>& sink) const {
    std::ifstream in(path_of(sha256), std::ios::binary);
    if (!in)
        throw Error(ErrorKind::io, fmt::format("the stored content {} is missing from '{}'", sha256,
                                               root_.string()));
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
        throw Error(
            ErrorKind::io,
            fmt::format("the stored content {} is damaged: its SHA-256 does not match", sha256));
}

void BlobStore::sync_pending() {
    for (const auto& [sha256, temporary] : pending_) {
        const int fd = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || ::fsync(fd) != 0) {
            if (fd >= 0) ::close(fd);
            throw Error(ErrorKind::io, fmt::format("cannot write in '{}': {}", root_.string(),
                                                   std::strerror(errno)));
        }
        ::close(fd);
    }
}

void BlobStore::publish_pending() {
    // Found stored when read, and since removed (a purge in between): the content is not here
    // to record. Nothing was written; the same command run again stores it.
    for (const auto& sha256 : relied_on_)
        if (!contains(sha256))
            throw Error(ErrorKind::temporary,
                        fmt::format("the stored content {} was removed while this command ran "
                                    "(a purge?): nothing was added; run it again",
                                    sha256));
    std::set<std::filesystem::path> directories;
    for (auto it = pending_.begin(); it != pending_.end(); it = pending_.erase(it)) {
        const auto& [sha256, temporary] = *it;
        const auto target = path_of(sha256);
        const auto journal = *run_ / sha256;
        if (::rename(temporary.c_str(), journal.c_str()) != 0) cannot_store(root_);
        make_private_directory(target.parent_path());
        if (::link(journal.c_str(), target.c_str()) != 0) {
            const int error = errno;
            ::unlink(journal.c_str());
            if (error == EEXIST) continue; // another process stored it meanwhile: theirs stays
            errno = error;
            cannot_store(root_);
        }
        published_.insert(sha256);
        directories.insert(target.parent_path());
    }
    directories.insert(*run_);
    for (const auto& dir : directories)
        sync_directory(dir); // the names themselves survive a crash
    relied_on_.clear();
    deferred_sync_ = false;
}

void BlobStore::discard_pending() {
    for (const auto& [sha256, temporary] : pending_)
        ::unlink(temporary.c_str());
    pending_.clear();
    relied_on_.clear();
    deferred_sync_ = false;
}

void BlobStore::settle(const std::set<std::string>& sha256s) {
    for (const auto& sha256 : sha256s)
        if (published_.erase(sha256)) ::unlink((*run_ / sha256).c_str());
}

void BlobStore::unpublish(const std::string& sha256) {
    if (!published_.erase(sha256)) return;
    ::unlink(path_of(sha256).c_str());
    ::unlink((*run_ / sha256).c_str());
}

void BlobStore::remove(const std::string& sha256) {
    std::filesystem::remove(path_of(sha256));
}

void BlobStore::withdraw(const std::string& sha256) {
    const auto journal = run_directory() / sha256;
    if (::rename(path_of(sha256).c_str(), journal.c_str()) != 0) {
        if (errno == ENOENT) return; // missing already: nothing to erase
        cannot_store(root_);
    }
    withdrawn_.insert(sha256);
}

namespace {

// Overwrites a file's bytes with zeros, on disk, before its name goes: on a file system that
// writes in place (ext4, xfs) the old bytes are gone, not only unreachable. (Copy-on-write file
// systems and SSDs may keep old blocks; the man page says so.) Left alone when the file has
// another name: that one still needs its bytes.
void overwrite_and_unlink(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st {};
    if (fd >= 0 && ::fstat(fd, &st) == 0 && st.st_nlink == 1 && S_ISREG(st.st_mode)) {
        const std::vector<char> zeros(chunk, '\0');
        for (off_t done = 0; done < st.st_size;) {
            const auto n = std::min<off_t>(st.st_size - done, static_cast<off_t>(zeros.size()));
            const ssize_t w = ::pwrite(fd, zeros.data(), static_cast<std::size_t>(n), done);
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) break;
            done += w;
        }
        ::fsync(fd);
    }
    if (fd >= 0) ::close(fd);
    ::unlink(file.c_str());
}

} // namespace

void BlobStore::drop_withdrawn() {
    for (const auto& sha256 : withdrawn_)
        overwrite_and_unlink(*run_ / sha256);
    withdrawn_.clear();
    if (run_) sync_directory(*run_);
}

void BlobStore::put_back_withdrawn() {
    for (const auto& sha256 : withdrawn_)
        ::rename((*run_ / sha256).c_str(), path_of(sha256).c_str());
    withdrawn_.clear();
}

std::vector<std::filesystem::path> BlobStore::dead_runs(std::vector<int>& locks) {
    std::vector<std::filesystem::path> dead;
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(root_ / "tmp", ignored)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with("run-") || entry.path() == run_) continue;
        const int fd = ::open((entry.path() / "lock").c_str(), O_RDWR | O_CLOEXEC);
        if (fd < 0) { // its process was removing it as it ended
            dead.push_back(entry.path());
            continue;
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) { // alive
            ::close(fd);
            continue;
        }
        locks.push_back(fd);
        dead.push_back(entry.path());
    }
    return dead;
}

bool BlobStore::has_dead_runs() {
    std::vector<int> locks;
    const bool any = !dead_runs(locks).empty();
    for (const int fd : locks)
        ::close(fd);
    return any;
}

std::set<std::string> BlobStore::in_use() {
    std::set<std::string> out;
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(root_ / "tmp", ignored)) {
        if (!entry.path().filename().string().starts_with("run-")) continue;
        const int fd = ::open((entry.path() / "lock").c_str(), O_RDWR | O_CLOEXEC);
        if (fd < 0) continue;
        const bool alive = entry.path() == run_ || ::flock(fd, LOCK_EX | LOCK_NB) != 0;
        ::close(fd);
        if (!alive) continue;
        for (const auto& file : std::filesystem::directory_iterator(entry.path(), ignored))
            if (is_hash(file.path().filename().string()))
                out.insert(file.path().filename().string());
    }
    return out;
}

Recovery BlobStore::recover(const std::function<bool(const std::string&)>& recorded, bool apply) {
    Recovery recovery;
    std::vector<int> locks;
    const auto dead = dead_runs(locks);
    std::error_code ignored;
    for (const auto& run : dead) {
        for (const auto& entry : std::filesystem::directory_iterator(run, ignored)) {
            const std::string name = entry.path().filename().string();
            if (name == "lock") continue;
            if (!is_hash(name)) { // a temporary file: never complete, or never put in place
                ++recovery.temporaries;
                recovery.temporary_bytes += entry.file_size(ignored);
                if (apply) std::filesystem::remove(entry.path(), ignored);
                continue;
            }
            const auto target = path_of(name);
            if (recorded(name)) {
                if (!std::filesystem::exists(target)) {
                    ++recovery.restored;
                    if (apply) {
                        make_private_directory(target.parent_path());
                        if (::link(entry.path().c_str(), target.c_str()) != 0) cannot_store(root_);
                    }
                }
            } else {
                if (same_file(entry.path(), target)) {
                    recovery.orphans.push_back(name);
                    if (apply) std::filesystem::remove(target, ignored);
                }
                // Unrecorded: a purge's, committed, or an import's, never recorded.
                if (apply) overwrite_and_unlink(entry.path());
                continue;
            }
            if (apply) std::filesystem::remove(entry.path(), ignored);
        }
        ++recovery.runs;
        if (!apply) continue;
        std::filesystem::remove(run / "lock", ignored);
        std::filesystem::remove(run, ignored);
    }
    for (const int fd : locks)
        ::close(fd);
    return recovery;
}

std::vector<std::string> BlobStore::stored() const {
    std::vector<std::string> out;
    std::error_code ignored;
    for (const auto& shard : std::filesystem::directory_iterator(root_, ignored)) {
        const std::string prefix = shard.path().filename().string();
        if (prefix.size() != 2 || !shard.is_directory(ignored)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(shard.path(), ignored)) {
            const std::string name = entry.path().filename().string();
            if (is_hash(name) && name.starts_with(prefix) && entry.is_regular_file(ignored))
                out.push_back(name);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::filesystem::path> BlobStore::strays() {
    // Everything that is not a content in its place nor in a run folder (live ones are in use;
    // recover() takes the dead ones): temporary files from before run folders, downloads the
    // platform pull left beside the contents, a run folder caught being made.
    std::vector<std::filesystem::path> out;
    std::error_code ignored;
    for (auto it = std::filesystem::recursive_directory_iterator(root_, ignored);
         it != std::filesystem::recursive_directory_iterator(); it.increment(ignored)) {
        const auto& path = it->path();
        const auto relative = std::filesystem::relative(path, root_, ignored);
        const std::string first = relative.begin()->string();
        if (it->is_directory(ignored)) {
            if (first == "tmp" && relative.has_parent_path() &&
                path.filename().string().starts_with("run-"))
                it.disable_recursion_pending();
            continue;
        }
        const std::string name = path.filename().string();
        if (first.size() == 2 && is_hash(name) && name.starts_with(first) &&
            std::distance(relative.begin(), relative.end()) == 2)
            continue;
        out.push_back(path);
    }
    std::sort(out.begin(), out.end());
    return out;
}

NewBlobs::~NewBlobs() {
    discard();
}

void NewBlobs::discard() {
    for (const auto& sha256 : created_)
        store_.unpublish(sha256);
    created_.clear();
}

void NewBlobs::add(const StoredBlob& blob) {
    if (blob.created) created_.insert(blob.sha256);
}

void NewBlobs::keep() {
    store_.settle(created_);
    created_.clear();
}

} // namespace expeer
