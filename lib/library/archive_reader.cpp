#include "library/archive_reader.hpp"
#include "library/archive_error.hpp"

#include "library/names.hpp"
#include "util/error.hpp"
#include "util/invalid_input.hpp"
#include "util/printable.hpp"
#include "util/text.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <memory>
#include <set>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

namespace expeer {

namespace {

struct ArchiveCloser {
    void operator()(archive* a) const { archive_read_free(a); }
};

// Stops reading at once: what is left cannot be trusted.
class Refused : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

std::string kind_problem(archive_entry* entry) {
    if (archive_entry_hardlink(entry)) return "is a hard link";
    switch (archive_entry_filetype(entry)) {
    case AE_IFREG:
    case AE_IFDIR:
        return "";
    case AE_IFLNK:
        return "is a symbolic link";
    case AE_IFCHR:
    case AE_IFBLK:
        return "is a device";
    case AE_IFIFO:
        return "is a named pipe";
    case AE_IFSOCK:
        return "is a socket";
    default:
        return "is not a regular file";
    }
}

// What an operating system adds to an archive on its own, never one of the sender's files.
std::optional<std::string> metadata_kind(std::string_view name) {
    std::string_view rest = name;
    while (!rest.empty()) {
        const auto slash = rest.find('/');
        const std::string_view part = rest.substr(0, slash);
        if (part == "__MACOSX") return "macOS resource forks (__MACOSX/)";
        if (slash == std::string_view::npos) {
            if (part == ".DS_Store") return "macOS folder settings (.DS_Store)";
            if (part == "Icon\r") return "macOS folder icons (Icon)";
            if (part == "Thumbs.db" || part == "ehthumbs.db")
                return "Windows thumbnail caches (Thumbs.db)";
            if (part == "desktop.ini") return "Windows folder settings (desktop.ini)";
            return std::nullopt;
        }
        rest.remove_prefix(slash + 1);
    }
    return std::nullopt;
}

class Converter {
  public:
    explicit Converter(const std::string& name) {
        UErrorCode status = U_ZERO_ERROR;
        converter_ = ucnv_open(name.c_str(), &status);
        if (U_FAILURE(status)) converter_ = nullptr;
    }
    ~Converter() {
        if (converter_) ucnv_close(converter_);
    }
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;
    explicit operator bool() const { return converter_ != nullptr; }

    // The bytes read in this encoding, as UTF-8; nothing when they are not of it.
    std::optional<std::string> to_utf8(std::string_view bytes) {
        ucnv_reset(converter_);
        UErrorCode status = U_ZERO_ERROR;
        ucnv_setToUCallBack(converter_, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                            &status);
        const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter_,
                                      status);
        if (U_FAILURE(status)) return std::nullopt;
        std::string out;
        text.toUTF8String(out);
        return out;
    }

  private:
    UConverter* converter_ = nullptr;
};

// Turns an entry's name into UTF-8, or says why it cannot.
class NameReader {
  public:
    NameReader(const std::string& encoding)
        : encoding_(encoding), given_(encoding.empty() ? "cp437" : encoding) {}

    std::optional<std::string> read(const std::string& raw, bool zip, std::string& problem) {
        if (text::is_valid_utf8(raw)) return raw;
        if (!encoding_.empty()) {
            if (auto name = given_.to_utf8(raw)) return name;
            problem = fmt::format("its name cannot be read as {}", encoding_);
            return std::nullopt;
        }
        // Windows Explorer writes a zip's names in the OEM code page without saying which: CP437
        // in the US, CP850 in western Europe. They read accented letters alike; where they
        // differ, only the sender knows.
        if (zip) {
            const auto as_437 = given_.to_utf8(raw);
            const auto as_850 = cp850_.to_utf8(raw);
            if (as_437 && as_437 == as_850) {
                guessed_ = "CP437";
                return as_437;
            }
            if (as_437 && as_850) {
                problem = fmt::format(
                    "its name is not UTF-8, and reads '{}' in CP437 but '{}' in CP850: give "
                    "--name-encoding",
                    printable(*as_437), printable(*as_850));
                return std::nullopt;
            }
        }
        problem = "its name is not UTF-8: give --name-encoding (cp437, cp850, latin1, cp1252...)";
        return std::nullopt;
    }
    const std::string& guessed() const { return guessed_; }

  private:
    std::string encoding_;
    Converter given_;
    Converter cp850_{"cp850"};
    std::string guessed_;
};

} // namespace

std::optional<std::string> name_encoding_problem(const std::string& encoding) {
    if (encoding.empty()) return std::nullopt;
    Converter converter(encoding);
    if (!converter)
        return "is not an encoding expeer knows (cp437, cp850, latin1, cp1252, shift_jis...)";
    return std::nullopt;
}

namespace {

using ArchivePointer = std::unique_ptr<archive, ArchiveCloser>;

ArchivePointer new_reader(const ArchiveLimits& limits) {
    if (const auto problem = name_encoding_problem(limits.name_encoding))
        throw InvalidInput({{"name-encoding", printable(limits.name_encoding), *problem}});
    ArchivePointer a(archive_read_new());
    // The compressions libarchive decodes itself, and no other: for the rest (lrzip, lzop,
    // grzip) it would run an outside program on the file, which hostile input must not choose.
    for (auto* support : {archive_read_support_filter_gzip, archive_read_support_filter_bzip2,
                          archive_read_support_filter_xz, archive_read_support_filter_lzma,
                          archive_read_support_filter_lzip, archive_read_support_filter_zstd,
                          archive_read_support_filter_lz4, archive_read_support_filter_compress})
        support(a.get());
    archive_read_support_format_zip(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_format_gnutar(a.get());
    archive_read_support_format_7zip(a.get());
    return a;
}

[[noreturn]] void unreadable(const std::string& label, archive* a) {
    throw Error(
        ErrorKind::data,
        fmt::format("'{}' is not an archive expeer reads (zip, tar, tar.gz, tar.xz, 7z): {}", label,
                    archive_error(a)));
}

// The entries of an opened archive; `label` names it in messages.
ArchiveContents read_entries(archive* a, const std::string& label, std::uint64_t archive_size,
                             const std::string& folder, const ArchiveLimits& limits,
                             BlobStore& blobs, NewBlobs& created);

} // namespace

ArchiveContents read_archive(const std::filesystem::path& path, const std::string& folder,
                             const ArchiveLimits& limits, BlobStore& blobs, NewBlobs& created) {
    std::error_code error;
    const auto archive_size = std::filesystem::file_size(path, error);
    if (error)
        throw Error(ErrorKind::no_input,
                    fmt::format("cannot read '{}': {}", path.string(), error.message()));
    auto a = new_reader(limits);
    if (archive_read_open_filename(a.get(), path.c_str(), 1 << 16) != ARCHIVE_OK)
        unreadable(path.string(), a.get());
    return read_entries(a.get(), path.string(), archive_size, folder, limits, blobs, created);
}

ArchiveContents read_archive_in_memory(const void* data, std::size_t size,
                                       const ArchiveLimits& limits) {
    // A store of its own in a fresh temporary folder, removed however this ends.
    std::string made = (std::filesystem::temp_directory_path() / "expeer-archive-XXXXXX").string();
    if (!::mkdtemp(made.data()))
        throw Error(ErrorKind::cannot_create,
                    fmt::format("cannot make a temporary folder: {}", std::strerror(errno)));
    struct Remove {
        std::filesystem::path path;
        ~Remove() {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    } remove{made};
    BlobStore blobs(remove.path / "files");
    return read_archive_in_memory(data, size, limits, blobs);
}

ArchiveContents read_archive_in_memory(const void* data, std::size_t size,
                                       const ArchiveLimits& limits, BlobStore& scratch) {
    scratch.begin_batch(); // contents stay temporary files: nothing synced, nothing kept
    struct Discard {
        BlobStore& blobs;
        ~Discard() { blobs.discard_pending(); }
    } discard{scratch};
    NewBlobs created(scratch);
    auto a = new_reader(limits);
    if (archive_read_open_memory(a.get(), data, size) != ARCHIVE_OK)
        unreadable("archive in memory", a.get());
    return read_entries(a.get(), "archive in memory", size, "", limits, scratch, created);
}

namespace {

ArchiveContents read_entries(archive* a_raw, const std::string& label, std::uint64_t archive_size,
                             const std::string& folder, const ArchiveLimits& limits,
                             BlobStore& blobs, NewBlobs& created) {
    const std::string prefix = normalise_library_path(folder);
    std::vector<FieldError> problems;
    ArchiveContents contents;
    NameReader names(limits.name_encoding);
    NameClashes clashes;
    std::set<std::string> seen;
    std::uint64_t total = 0;
    std::uint64_t entries = 0;
    const auto refuse = [&](const std::string& entry, const std::string& reason) {
        problems.push_back({"entry", printable(entry), reason});
    };
    try {
        for (;;) {
            archive_entry* entry = nullptr;
            const int status = archive_read_next_header(a_raw, &entry);
            if (status == ARCHIVE_EOF) break;
            if (status < ARCHIVE_WARN)
                throw Error(ErrorKind::data,
                            fmt::format("'{}' is damaged: {}", label, archive_error(a_raw)));
            // Before anything else: 200,000 empty files cost nothing to send and a row, an audit
            // entry and a lookup each to take in.
            if (++entries > limits.max_entries)
                throw Refused(fmt::format(
                    "it holds more than {} entries, the limit (library.max_archive_entries)",
                    limits.max_entries));
            const char* raw = archive_entry_pathname(entry);
            std::string name_problem;
            const auto decoded = names.read(
                raw ? raw : "", archive_format(a_raw) == ARCHIVE_FORMAT_ZIP, name_problem);
            if (!decoded) {
                refuse(raw ? raw : "", name_problem);
                continue;
            }
            std::string name = *decoded;
            while (name.starts_with("./"))
                name.erase(0, 2);
            if (const auto kind = metadata_kind(name)) {
                contents.skipped.push_back({name, *kind});
                continue;
            }
            if (const auto problem = kind_problem(entry); !problem.empty()) {
                refuse(name, problem);
                continue;
            }
            if (name.starts_with("/")) {
                refuse(name, "is an absolute path");
                continue;
            }
            const std::string entry_path = normalise_library_path(name);
            if (entry_path.empty() && archive_entry_filetype(entry) == AE_IFDIR)
                continue; // "./" itself
            const std::string target = prefix.empty() ? entry_path : prefix + "/" + entry_path;
            if (const auto problem = library_path_problem(target)) {
                refuse(name, *problem);
                continue;
            }
            if (archive_entry_filetype(entry) == AE_IFDIR) continue; // folders follow from paths
            if (!seen.insert(target).second) {
                refuse(name, "appears twice in the archive");
                continue;
            }
            if (const auto clash = clashes.add(target)) {
                refuse(name, *clash);
                continue;
            }
            if (archive_entry_size_is_set(entry) &&
                static_cast<std::uint64_t>(archive_entry_size(entry)) > limits.max_entry_bytes)
                throw Refused(fmt::format("entry '{}' is {:.1f} MB, over the limit of {:.1f} MB",
                                          printable(name), archive_entry_size(entry) / 1e6,
                                          limits.max_entry_bytes / 1e6));
            if (!problems.empty()) continue; // refused already: no need to store more
            std::uint64_t entry_bytes = 0;
            auto blob = blobs.put_stream([&](char* buffer, std::size_t size) -> std::size_t {
                const la_ssize_t n = archive_read_data(a_raw, buffer, size);
                if (n < 0)
                    throw Error(ErrorKind::data,
                                fmt::format("'{}': entry '{}' is damaged: {}", label,
                                            printable(name), archive_error(a_raw)));
                entry_bytes += static_cast<std::uint64_t>(n);
                total += static_cast<std::uint64_t>(n);
                // The sizes a header gives can lie: count what comes out.
                if (entry_bytes > limits.max_entry_bytes)
                    throw Refused(fmt::format("entry '{}' is over the limit of {:.1f} MB",
                                              printable(name), limits.max_entry_bytes / 1e6));
                if (total > limits.max_total_bytes)
                    throw Refused(fmt::format("the archive holds more than the limit of {:.1f} MB",
                                              limits.max_total_bytes / 1e6));
                if (total > (1u << 20) &&
                    total > limits.max_ratio * static_cast<double>(archive_size))
                    throw Refused(fmt::format(
                        "entry '{}' unpacks to more than {:g} times the archive's size: a "
                        "compression bomb?",
                        printable(name), limits.max_ratio));
                return static_cast<std::size_t>(n);
            });
            created.add(blob);
            contents.files.push_back({target, std::move(blob)});
        }
    } catch (const Refused& e) {
        throw Error(ErrorKind::data,
                    fmt::format("'{}' refused: {}; nothing was added", label, e.what()));
    }
    if (!problems.empty()) throw InvalidInput(std::move(problems));
    contents.guessed_encoding = names.guessed();
    return contents;
}

} // namespace

} // namespace expeer
