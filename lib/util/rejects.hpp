// What an import does with the rows it refuses. By default one invalid row means nothing is
// written; with skip_invalid the valid rows are written and the others set aside, with a
// reason, in a rejects file in the input's own format, ready to be fixed and imported again.
// The member and activity imports share this, so both behave and are documented alike.
#pragma once

#include "util/atomic_file.hpp"

#include <filesystem>
#include <optional>
#include <string_view>

namespace expeer {

struct InvalidRows {
    bool skip = false;                                 // --skip-invalid
    std::optional<std::filesystem::path> rejects_file; // --rejects, with skip only
    bool overwrite_rejects = false;                    // --force

    // Whether an import that rejected `rejected` rows may commit the others.
    bool may_commit(std::size_t rejected) const { return rejected == 0 || skip; }
};

// The rejects file of one import: nothing is opened without skip and a file (nor in a dry
// run), and nothing appears at its path before commit(), which the import calls once its
// own transaction is settled (mode 0600: it holds personal data).
class RejectsFile {
public:
    RejectsFile(const InvalidRows& policy, bool dry_run);

    bool open() const { return file_.has_value(); }
    void write(std::string_view text); // a header, or one rejected row with its line end
    void commit();

private:
    std::optional<AtomicFile> file_;
};

} // namespace expeer
