// Bringing the network in from its collaboration platform: accounts become members (matched
// by the platform's id, else by email), spaces, memberships and roles, publications become
// news (a thread's first comment is its body), comments, library files and their versions,
// and the event feed becomes activity. A rerun asks only for what is new since the last one.
//
// What is kept is only what the statistics, the letter and the registry use. In a space that
// is not public (visibility.hpp), no title, body or file name: a placeholder; file bytes only
// when asked. The registry is committed first, then the spaces with where each feed stopped,
// written while the next is read, in transactions of at most a second: a crash loses at most
// those, and the next run takes them again.
#pragma once

#include "platform/tracim.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class BlobStore;
class Clock;
class Countries;
class Database;
class ErasureList;

struct PullRequest {
    bool dry_run = false;             // everything read and checked, nothing written
    std::optional<std::string> since; // YYYY-MM-DD: no content or event from before that day
    std::vector<std::string> spaces;  // platform slugs whose contents and feed to read; empty: all
    bool with_files = false;          // the bytes of every file version too
};

struct PullTally {
    std::size_t created = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t skipped = 0;
};

struct PullReport {
    // members, spaces, memberships, news, comments, library files, file versions, activities
    std::vector<std::pair<std::string, PullTally>> kinds;
    std::map<std::string, std::size_t> skipped_why; // why things were left out, how many
    std::vector<std::string> warnings;              // spaces that could not be read, and why
    std::vector<std::string> skipped_spaces;        // slugs of the spaces skipped
    std::vector<std::string> unfinished_spaces;     // feed stopped midway: read again next time
    std::uint64_t bytes = 0;                        // of file versions downloaded
    bool written = false;

    PullTally& operator[](const std::string& kind);
    void skip(const std::string& kind, const std::string& why); // counted, with why
    void add(const PullReport& other);                          // tallies, reasons, warnings
};

struct PullContext {
    const Clock& clock;
    std::string actor;
    const Countries& countries;
    std::string default_language;
    // People erased at their request: an account with such an address is not brought back.
    const ErasureList& erasures;
};

// `done` of `total` spaces read; `stage` names what is being read.
using PullProgress =
    std::function<void(const std::string& stage, std::size_t done, std::size_t total)>;

// The login must be an administrator of the platform (a pull reads every account and space);
// otherwise an Error of kind permission.
PullReport pull_platform(Database& db, BlobStore& blobs, TracimClient& tracim,
                         const PullRequest& request, const PullContext& context,
                         const PullProgress& progress = {});

// What a pull stores, field by field, for `platform pull --dry-run` and the man page.
struct StoredField {
    std::string table;  // "members"
    std::string fields; // "email, name, language..."
    std::string from;   // "GET /api/users"
};
const std::vector<StoredField>& pulled_fields();

} // namespace expeer
