// Reads a compiled gettext catalogue (.mo), such as the translations of country names
// that Debian's iso-codes package installs. libc's gettext would need the locale itself to
// be installed on the machine; reading the file does not.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace expeer {

// original text -> translation; empty when the file does not exist.
// A file that exists but is not a catalogue is an Error.
std::map<std::string, std::string> read_mo_catalog(const std::filesystem::path& file);

} // namespace expeer
