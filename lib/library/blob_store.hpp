// File contents stored once, by SHA-256, in a private directory: the same report shared in ten
// spaces takes its space once. Layout: ROOT/ab/abcdef... (the first two hex digits shard it).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>

namespace expeer {

struct StoredBlob {
    std::string sha256;
    std::uint64_t size = 0;
    bool created = false; // false when the content was stored already
};

class BlobStore {
public:
    explicit BlobStore(std::filesystem::path root);

    // Copies `source` in, hashing as it reads (one pass, bounded memory); written 0600 to a
    // temporary file, synced, then renamed into place.
    StoredBlob put_file(const std::filesystem::path& source);
    // The same from any source: `read` fills a buffer and returns how much it put there, 0 at
    // the end; it may throw to abandon the content (nothing is kept then).
    using Reader = std::function<std::size_t(char* buffer, std::size_t size)>;
    StoredBlob put_stream(const Reader& read);
    // Batches write many contents without waiting for each to reach the disk: they stay in
    // temporary files until commit_pending() syncs each and renames it into place (so a final
    // name always holds complete data), before the database commit that refers to them.
    // discard_pending() removes what was not committed. Outside a batch, each content is
    // synced and renamed at once.
    void begin_batch() { deferred_sync_ = true; }
    void commit_pending();
    void discard_pending();
    bool contains(const std::string& sha256) const;
    std::filesystem::path path_of(const std::string& sha256) const;
    // Reads a stored content, checking it still has its hash.
    void read(const std::string& sha256, const std::function<void(std::string_view)>& sink) const;
    void remove(const std::string& sha256);
    const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path root_;
    bool deferred_sync_ = false;
    std::map<std::string, std::string> pending_; // sha256 -> temporary file
};

// Removes the contents a failed operation created, unless it was committed: a refused or
// interrupted change leaves no file behind.
class NewBlobs {
public:
    explicit NewBlobs(BlobStore& store) : store_(store) {}
    ~NewBlobs();
    void add(const StoredBlob& blob);
    void keep() { created_.clear(); }

private:
    BlobStore& store_;
    std::set<std::string> created_;
};

} // namespace expeer
