#include "library/archive_writer.hpp"
#include "library/archive_error.hpp"

#include "util/error.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <set>

namespace expeer {

namespace {

constexpr time_t fixed_time = 946684800; // 2000-01-01T00:00:00Z: zip cannot say 1970

struct Sink {
    const std::function<void(std::string_view)>* write;
};

la_ssize_t write_callback(archive*, void* data, const void* buffer, size_t length) {
    auto* sink = static_cast<Sink*>(data);
    (*sink->write)(std::string_view(static_cast<const char*>(buffer), length));
    return static_cast<la_ssize_t>(length);
}

struct WriterCloser {
    void operator()(archive* a) const { archive_write_free(a); }
};
struct EntryFree {
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};

void check(archive* a, int status) {
    if (status < ARCHIVE_WARN) throw Error(ErrorKind::io, fmt::format("cannot write the archive: {}", archive_error(a)));
}

std::unique_ptr<archive_entry, EntryFree> entry_for(const std::string& path, bool directory, std::uint64_t size) {
    std::unique_ptr<archive_entry, EntryFree> e(archive_entry_new());
    archive_entry_copy_pathname(e.get(), path.c_str()); // the bytes are UTF-8 already
    archive_entry_set_filetype(e.get(), directory ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(e.get(), directory ? 0755 : 0644);
    archive_entry_set_size(e.get(), directory ? 0 : static_cast<la_int64_t>(size));
    archive_entry_set_mtime(e.get(), fixed_time, 0);
    archive_entry_set_uid(e.get(), 0);
    archive_entry_set_gid(e.get(), 0);
    return e;
}

} // namespace

void write_archive(std::vector<ArchiveMember> members, ArchiveFormat format, const BlobStore& blobs,
                   const std::function<void(std::string_view)>& write) {
    std::sort(members.begin(), members.end(), [](const auto& x, const auto& y) { return x.path < y.path; });
    std::set<std::string> folders;
    for (const auto& m : members)
        for (auto slash = m.path.find('/'); slash != std::string::npos; slash = m.path.find('/', slash + 1))
            folders.insert(m.path.substr(0, slash) + "/");

    std::unique_ptr<archive, WriterCloser> a(archive_write_new());
    if (format == ArchiveFormat::zip) {
        check(a.get(), archive_write_set_format_zip(a.get()));
    } else {
        check(a.get(), archive_write_set_format_pax_restricted(a.get()));
        check(a.get(), archive_write_add_filter_gzip(a.get()));
        check(a.get(), archive_write_set_options(a.get(), "gzip:!timestamp")); // no time in the gzip header
    }
    archive_write_set_bytes_in_last_block(a.get(), 1); // no padding that depends on the block size
    Sink sink{&write};
    check(a.get(), archive_write_open2(a.get(), &sink, nullptr, write_callback, nullptr, nullptr));
    // Folders first, in order, then the files: the same content gives the same bytes.
    for (const auto& folder : folders) {
        auto e = entry_for(folder, true, 0);
        check(a.get(), archive_write_header(a.get(), e.get()));
    }
    for (const auto& m : members) {
        auto e = entry_for(m.path, false, m.size);
        check(a.get(), archive_write_header(a.get(), e.get()));
        blobs.read(m.sha256, [&](std::string_view piece) {
            if (archive_write_data(a.get(), piece.data(), piece.size()) < 0)
                throw Error(ErrorKind::io, fmt::format("cannot write the archive: {}", archive_error(a.get())));
        });
    }
    check(a.get(), archive_write_close(a.get()));
}

} // namespace expeer
