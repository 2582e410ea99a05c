#include "library/names.hpp"

#include "util/error.hpp"
#include "util/printable.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace expeer {

namespace {

const icu::Normalizer2& nfc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status))
        throw Error(ErrorKind::failure, "cannot load Unicode normalisation data");
    return *n;
}

std::string to_nfc(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const auto input =
        icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    if (nfc().isNormalized(input, status) && U_SUCCESS(status)) return std::string(s);
    status = U_ZERO_ERROR;
    const icu::UnicodeString normalised = nfc().normalize(input, status);
    if (U_FAILURE(status)) return std::string(s);
    std::string out;
    normalised.toUTF8String(out);
    return out;
}

// Characters that change how the text around them is shown or read, or that no file system
// should hold: C0 and C1 controls, DEL, line and paragraph separators, bidirectional controls.
std::optional<std::string> hidden_character(UChar32 c) {
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) return "a control character";
    if (c == 0x2028 || c == 0x2029) return "a line or paragraph separator";
    if (c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
        (c >= 0x2066 && c <= 0x2069))
        return "a bidirectional control character, which can make a name read as another";
    return std::nullopt;
}

bool is_reserved_on_windows(std::string_view name) {
    // The part before the first dot, without the spaces Windows drops: "aux.txt", "NUL .tar.gz".
    std::string base(name.substr(0, name.find('.')));
    while (!base.empty() && base.back() == ' ')
        base.pop_back();
    std::string upper;
    for (char c : base)
        upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    static constexpr std::array<std::string_view, 4> devices = {"CON", "PRN", "AUX", "NUL"};
    if (std::find(devices.begin(), devices.end(), upper) != devices.end()) return true;
    if (upper.size() >= 4 && (upper.starts_with("COM") || upper.starts_with("LPT"))) {
        const std::string_view digit = std::string_view(upper).substr(3);
        if (digit.size() == 1 && digit[0] >= '0' && digit[0] <= '9') return true;
        if (digit == "\xc2\xb9" || digit == "\xc2\xb2" || digit == "\xc2\xb3") return true; // ¹ ² ³
    }
    return false;
}

std::optional<std::string> component_problem(std::string_view part, bool first) {
    if (part.empty()) return "has an empty folder name";
    if (part == "." || part == "..") return "has a '.' or '..' folder";
    if (part.size() > 255)
        return fmt::format("has a name of {} bytes, over the 255 a file system allows",
                           part.size());
    if (first && part.size() == 2 && part[1] == ':' &&
        std::isalpha(static_cast<unsigned char>(part[0])))
        return "starts with a Windows drive (" + printable(part) + ")";
    for (char c : std::string_view("<>:\"|?*"))
        if (part.find(c) != std::string_view::npos)
            return fmt::format("contains '{}', which Windows refuses in names", c);
    if (part.back() == '.' || part.back() == ' ')
        return "has a name ending in a dot or a space, which Windows drops";
    if (is_reserved_on_windows(part))
        return fmt::format("has the name '{}', which Windows keeps for a device", printable(part));
    return std::nullopt;
}

} // namespace

std::string normalise_slashes(std::string_view path) {
    std::string out;
    for (char c : path) {
        if (c == '/' && (out.empty() || out.back() == '/')) continue;
        out += c;
    }
    if (!out.empty() && out.back() == '/') out.pop_back();
    return out;
}

std::string normalise_library_path(std::string_view path) {
    std::string out = normalise_slashes(path);
    return text::is_valid_utf8(out) ? to_nfc(out) : out;
}

std::optional<std::string> library_lookup_problem(std::string_view path) {
    if (path.empty()) return "is empty";
    if (path.front() == '/') return "must not start with /";
    if (path.size() > 1000) return "is longer than 1000 bytes";
    if (const auto problem = text::single_line_problem(path)) return problem;
    if (path.find('\t') != std::string_view::npos) return "contains a tab";
    if (path.find('\\') != std::string_view::npos) return "contains a backslash";
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        const auto part = path.substr(start, end - start);
        if (part.empty()) return "has an empty folder name";
        if (part == "." || part == "..") return "has a '.' or '..' folder";
        start = end + 1;
    }
    return std::nullopt;
}

std::optional<std::string> library_path_problem(std::string_view path) {
    if (const auto problem = library_lookup_problem(path)) return problem;
    const auto length = static_cast<int32_t>(path.size());
    const auto* bytes = reinterpret_cast<const uint8_t*>(path.data());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (const auto hidden = hidden_character(c)) return "contains " + *hidden;
    }
    std::size_t start = 0;
    for (bool first = true; start <= path.size(); first = false) {
        const auto end = std::min(path.find('/', start), path.size());
        if (const auto problem = component_problem(path.substr(start, end - start), first))
            return problem;
        start = end + 1;
    }
    return std::nullopt;
}

std::string name_key(std::string_view path) {
    auto folded = icu::UnicodeString::fromUTF8(
        icu::StringPiece(path.data(), static_cast<int32_t>(path.size())));
    UErrorCode status = U_ZERO_ERROR;
    folded = nfc().normalize(folded, status);
    folded.foldCase();
    folded = nfc().normalize(folded, status);
    std::string out;
    folded.toUTF8String(out);
    return out;
}

std::optional<std::string> NameClashes::add(const std::string& path) {
    const std::string key = name_key(path);
    if (const auto it = files_.find(key); it != files_.end())
        return it->second == path
                   ? std::nullopt
                   : std::optional(fmt::format("is the same file as '{}' on Windows and macOS",
                                               printable(it->second)));
    if (const auto it = folders_.find(key); it != folders_.end())
        return fmt::format("is a file where '{}' is a folder", printable(it->second));
    // Each folder above it: not a file, and spelled one way only.
    for (auto slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
        const std::string folder = path.substr(0, slash);
        const std::string folder_key = name_key(folder);
        if (const auto file = files_.find(folder_key); file != files_.end())
            return fmt::format("needs a folder where '{}' is a file", printable(file->second));
        const auto [it, added] = folders_.emplace(folder_key, folder);
        if (!added && it->second != folder)
            return fmt::format("is in folder '{}', the same folder as '{}' on Windows and macOS",
                               printable(folder), printable(it->second));
    }
    files_.emplace(key, path);
    return std::nullopt;
}

} // namespace expeer
