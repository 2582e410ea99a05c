// File contents stored once, by SHA-256, in a private directory: the same report shared in ten
// spaces takes its space once. Layout: ROOT/ab/abcdef... (the first two hex digits shard it).
//
// Crashes. Each process that writes keeps its temporary files in a folder of its own,
// ROOT/tmp/run-XXXXXX, holding a lock (flock) on ROOT/tmp/run-XXXXXX/lock for as long as it
// lives; the kernel lets the lock go when the process dies, even by kill -9. A content put in
// place before the database records it keeps a second name (a hard link) in that folder
// until the database commit is settled, so a process killed in between leaves a list of
// what it may have left unrecorded. recover() removes the folders of dead processes, and the
// contents they list that the database does not record.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace expeer {

struct StoredBlob {
    std::string sha256;
    std::uint64_t size = 0;
    bool created = false; // false when the content was stored already
};

// What recover() found in the folders of processes that died.
struct Recovery {
    std::size_t runs = 0;        // folders of dead processes, removed
    std::size_t temporaries = 0; // half-written or never-recorded temporary files, removed
    std::uint64_t temporary_bytes = 0;
    std::vector<std::string> orphans; // contents put in place but never recorded, removed
    std::size_t restored = 0;         // recorded contents whose name had gone, put back
};

class BlobStore {
  public:
    explicit BlobStore(std::filesystem::path root);
    ~BlobStore();
    BlobStore(const BlobStore&) = delete;
    BlobStore& operator=(const BlobStore&) = delete;

    // Copies `source` in, hashing as it reads (one pass, bounded memory); written 0600 to a
    // temporary file, synced, then renamed into place.
    StoredBlob put_file(const std::filesystem::path& source);
    // The same from any source: `read` fills a buffer and returns how much it put there, 0 at
    // the end; it may throw to abandon the content (nothing is kept then).
    using Reader = std::function<std::size_t(char* buffer, std::size_t size)>;
    StoredBlob put_stream(const Reader& read);
    // Batches write many contents without waiting for each to reach the disk: they stay in
    // temporary files until publish_pending() puts them in place, which the caller does inside
    // the database transaction that records them (so that what is in place and not recorded
    // only ever exists while that transaction holds the write lock); sync_pending() first
    // waits for them to reach the disk, outside the transaction. publish_pending() also
    // checks that every content the batch found stored already is still there.
    // discard_pending() removes what was not published. Outside a batch, each content is
    // synced and put in place at once.
    void begin_batch() { deferred_sync_ = true; }
    void sync_pending();
    void publish_pending();
    void commit_pending() {
        sync_pending();
        publish_pending();
    }
    void discard_pending();
    // The contents are recorded (the database committed): forget their second names.
    void settle(const std::set<std::string>& sha256s);
    // A content this process put in place and the database does not record after all.
    void unpublish(const std::string& sha256);

    bool contains(const std::string& sha256) const;
    std::filesystem::path path_of(const std::string& sha256) const;
    // Reads a stored content, checking it still has its hash.
    void read(const std::string& sha256, const std::function<void(std::string_view)>& sink) const;
    void remove(const std::string& sha256);
    // Erasing contents: withdraw() moves each out of its place into this process's folder,
    // inside the transaction that deletes its record; after the commit drop_withdrawn()
    // deletes them, or put_back_withdrawn() puts them back if the transaction failed. A crash
    // in between leaves them to recover(), which puts back what is still recorded.
    void withdraw(const std::string& sha256);
    void drop_withdrawn();
    void put_back_withdrawn();
    const std::filesystem::path& root() const { return root_; }
    // This process's own folder for temporary files (made, and locked, on first use).
    const std::filesystem::path& run_directory();

    // Cleans after processes that died: see the top of this file. `recorded` says whether the
    // database records a content; call it inside a write transaction, so that no other
    // process can be between putting a content in place and recording it.
    // With `apply` false, only says what it would do.
    Recovery recover(const std::function<bool(const std::string& sha256)>& recorded,
                     bool apply = true);
    // The contents live processes have put in place and not yet settled (not orphans).
    std::set<std::string> in_use();
    // Whether a dead process left a folder: cheap, and without the database.
    bool has_dead_runs();
    // Every content file in the store (ROOT/ab/abcd...), and every other file under ROOT
    // that is neither a content nor a live process's (stray temporary files).
    std::vector<std::string> stored() const;
    std::vector<std::filesystem::path> strays();

  private:
    std::vector<std::filesystem::path> dead_runs(std::vector<int>& locks);

    std::filesystem::path root_;
    bool deferred_sync_ = false;
    std::map<std::string, std::string> pending_; // sha256 -> temporary file
    std::set<std::string> relied_on_;            // found stored already by this batch
    std::set<std::string> published_;            // put in place, not yet settled
    std::set<std::string> withdrawn_;            // taken out of place, not yet dropped
    std::optional<std::filesystem::path> run_;
    int run_lock_ = -1;
};

// Removes the contents a failed operation created, unless it was committed: a refused or
// interrupted change leaves no file behind.
class NewBlobs {
  public:
    explicit NewBlobs(BlobStore& store) : store_(store) {}
    ~NewBlobs();
    void add(const StoredBlob& blob);
    void keep();
    void discard(); // what the destructor does, at once: removes what was created

  private:
    BlobStore& store_;
    std::set<std::string> created_;
};

} // namespace expeer
