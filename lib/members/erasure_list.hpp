// The list of erased people, so that an erasure holds: the next import of the same
// registration form, `members add` and a restored backup must not bring them back.
//
// It holds no address, only keyed hashes of them (HMAC-SHA256 of the address as the registry
// compares it), and lives outside the database, in one file (mode 0600) with its key:
// a copy of the database, or a backup, tells nothing of who was erased, and the list
// survives the restore of a backup made before an erasure, which it then replays. The
// database records the key's fingerprint, so that a list gone missing or replaced is
// noticed instead of silently letting erased people back in.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace expeer {

class Database;

struct ErasedAddress {
    std::string hash;
    std::string erased_at;
    bool content_deleted = false;
};

class ErasureList;

// Why an address is refused: "was erased at the person's request (on 2024-09-15; ...)".
std::string erased_reason(const ErasedAddress& erasure);

// What `members add` and an import do with an address on the list: refuse it, or, when the
// person asked to come back (--allow-erased), let them in, audited and noted in the list.
struct ErasedAddresses {
    ErasureList& list;
    bool allow = false;
};

class ErasureList {
  public:
    // Reads `file` if it exists; it is created, with a new random key, at the first erasure.
    explicit ErasureList(std::filesystem::path file);

    const std::filesystem::path& file() const { return file_; }
    // An Error when the database says erasures were recorded with a key this list does not
    // hold (the file is missing, or another one): nothing may then be checked against it.
    void check_matches(Database& db) const;

    // The erasure of `email`, when it was erased and has not come back since.
    std::optional<ErasedAddress> find(std::string_view email) const;
    // Every address erased and not come back, for a restore to replay.
    std::vector<ErasedAddress> erased() const;
    // The hash of an address under this list's key (which must exist).
    std::string hash(std::string_view email) const;

    // Appended and flushed to disk before the erasure is committed: a crash in between
    // leaves the address refused, never the person back. Records the key in `db`.
    void record_erasure(Database& db, std::string_view email, const std::string& at,
                        bool content_deleted);
    // The person asked to come back (--allow-erased).
    void record_return(std::string_view email, const std::string& at);
    // Records this list's key in `db` (a restored database), if it has one.
    void record_key(Database& db) const;

  private:
    void create();
    void append(const std::string& line);
    std::string fingerprint() const;

    std::filesystem::path file_;
    std::string key_; // raw bytes; empty until the file exists
    std::map<std::string, std::optional<ErasedAddress>> entries_; // by hash; nullopt: came back
};

} // namespace expeer
