// The rule for the names of files and folders in a library. A library is exported as an
// archive that people unpack on Windows, macOS and Linux, so a name must be one that each of
// them can create, and no two names may land on the same file on a system that ignores case
// or Unicode normalisation (Windows, macOS). Names are kept in NFC: the same text typed on a
// Mac (NFD) and on Windows (NFC) is the same name.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace expeer {

// "a//b/" -> "a/b".
std::string normalise_slashes(std::string_view path);
// "a//b/" -> "a/b", in NFC when it is valid UTF-8; the caller checks the result with
// library_path_problem.
std::string normalise_library_path(std::string_view path);

// Why `path` cannot name a new file in a library, if it cannot: empty, absolute, a drive
// ("C:"), a "." or ".." component, not UTF-8, control or bidirectional control characters,
// a character Windows refuses (< > : " \ | ? *), a name Windows keeps for devices (CON,
// aux.txt, NUL, COM1...), a name ending in a dot or a space, a name over 255 bytes, a path
// over 1000 bytes.
std::optional<std::string> library_path_problem(std::string_view path);

// The looser rule for naming a file that is there already: any name a library could hold
// before the rule above existed, so that such a file can still be read, moved or purged.
std::optional<std::string> library_lookup_problem(std::string_view path);

// Two paths with the same key are the same file on Windows or macOS: case-folded NFC.
std::string name_key(std::string_view path);

// Paths that would collide once unpacked: the same file but for case or normalisation, or a
// file where another path needs a folder. Add paths one at a time; add() says why a path
// clashes with one added before.
class NameClashes {
  public:
    // `path` is checked against every path added before. A path equal to one added before is
    // no clash (it names the same file).
    std::optional<std::string> add(const std::string& path);

  private:
    std::map<std::string, std::string> files_;   // key -> path as given
    std::map<std::string, std::string> folders_; // key -> folder as first given
};

} // namespace expeer
