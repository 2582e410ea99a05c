#include "library/archive_reader.hpp"

#include "library/library.hpp"
#include "util/error.hpp"
#include "util/invalid_input.hpp"
#include "util/text.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>

#include <memory>
#include <set>

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
    case AE_IFDIR: return "";
    case AE_IFLNK: return "is a symbolic link";
    case AE_IFCHR:
    case AE_IFBLK: return "is a device";
    case AE_IFIFO: return "is a named pipe";
    case AE_IFSOCK: return "is a socket";
    default: return "is not a regular file";
    }
}

} // namespace

std::vector<ArchivedFile> read_archive(const std::filesystem::path& path, const std::string& folder,
                                       const ArchiveLimits& limits, BlobStore& blobs, NewBlobs& created) {
    std::error_code error;
    const auto archive_size = std::filesystem::file_size(path, error);
    if (error) throw Error(ErrorKind::no_input, fmt::format("cannot read '{}': {}", path.string(), error.message()));
    std::unique_ptr<archive, ArchiveCloser> a(archive_read_new());
    archive_read_support_filter_all(a.get());
    archive_read_support_format_zip(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_format_gnutar(a.get());
    archive_read_support_format_7zip(a.get());
    if (archive_read_open_filename(a.get(), path.c_str(), 1 << 16) != ARCHIVE_OK)
        throw Error(ErrorKind::data, fmt::format("'{}' is not an archive expeer reads (zip, tar, tar.gz, tar.xz, 7z): {}",
                                                 path.string(), archive_error_string(a.get())));
    const std::string prefix = normalise_library_path(folder);
    std::vector<FieldError> problems;
    std::vector<ArchivedFile> files;
    std::set<std::string> seen;
    std::uint64_t total = 0;
    const auto refuse = [&](const std::string& entry, const std::string& reason) {
        problems.push_back({"entry", shown_value(entry), reason});
    };
    try {
        for (;;) {
            archive_entry* entry = nullptr;
            const int status = archive_read_next_header(a.get(), &entry);
            if (status == ARCHIVE_EOF) break;
            if (status < ARCHIVE_WARN)
                throw Error(ErrorKind::data, fmt::format("'{}' is damaged: {}", path.string(), archive_error_string(a.get())));
            const char* raw = archive_entry_pathname(entry);
            std::string name = raw ? raw : "";
            if (!text::is_valid_utf8(name)) {
                refuse(name, "its name is not valid UTF-8");
                continue;
            }
            while (name.starts_with("./")) name.erase(0, 2);
            if (const auto problem = kind_problem(entry); !problem.empty()) {
                refuse(name, problem);
                continue;
            }
            if (name.starts_with("/")) {
                refuse(name, "is an absolute path");
                continue;
            }
            const std::string entry_path = normalise_library_path(name);
            if (entry_path.empty() && archive_entry_filetype(entry) == AE_IFDIR) continue; // "./" itself
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
            if (archive_entry_size_is_set(entry) && static_cast<std::uint64_t>(archive_entry_size(entry)) > limits.max_entry_bytes)
                throw Refused(fmt::format("entry '{}' is {:.1f} MB, over the limit of {:.1f} MB", shown_value(name),
                                          archive_entry_size(entry) / 1e6, limits.max_entry_bytes / 1e6));
            if (!problems.empty()) { // refused already: no need to store more
                archive_read_data_skip(a.get());
                continue;
            }
            std::uint64_t entry_bytes = 0;
            auto blob = blobs.put_stream([&](char* buffer, std::size_t size) -> std::size_t {
                const la_ssize_t n = archive_read_data(a.get(), buffer, size);
                if (n < 0)
                    throw Error(ErrorKind::data, fmt::format("'{}': entry '{}' is damaged: {}", path.string(),
                                                             shown_value(name), archive_error_string(a.get())));
                entry_bytes += static_cast<std::uint64_t>(n);
                total += static_cast<std::uint64_t>(n);
                // The sizes a header gives can lie: count what comes out.
                if (entry_bytes > limits.max_entry_bytes)
                    throw Refused(fmt::format("entry '{}' is over the limit of {:.1f} MB", shown_value(name),
                                              limits.max_entry_bytes / 1e6));
                if (total > limits.max_total_bytes)
                    throw Refused(fmt::format("the archive holds more than the limit of {:.1f} MB",
                                              limits.max_total_bytes / 1e6));
                if (total > (1u << 20) && total > limits.max_ratio * static_cast<double>(archive_size))
                    throw Refused(fmt::format("entry '{}' unpacks to more than {:g} times the archive's size: a "
                                              "compression bomb?", shown_value(name), limits.max_ratio));
                return static_cast<std::size_t>(n);
            });
            created.add(blob);
            files.push_back({target, std::move(blob)});
        }
    } catch (const Refused& e) {
        throw Error(ErrorKind::data, fmt::format("'{}' refused: {}; nothing was added", path.string(), e.what()));
    }
    if (!problems.empty()) throw InvalidInput(std::move(problems));
    return files;
}

} // namespace expeer
