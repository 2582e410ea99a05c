#include "library/archive_reader.hpp"

#include "../scratch.hpp"
#include "util/error.hpp"
#include "util/invalid_input.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <cstdlib>
#include <catch2/catch.hpp>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace expeer;

namespace {

// A tar of these (name, content) pairs, made in memory by libarchive.
std::string tar_of(const std::vector<std::pair<std::string, std::string>>& files) {
    std::string out(1 << 20, '\0');
    std::size_t used = 0;
    archive* a = archive_write_new();
    archive_write_set_format_pax_restricted(a);
    REQUIRE(archive_write_open_memory(a, out.data(), out.size(), &used) == ARCHIVE_OK);
    for (const auto& [name, content] : files) {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, name.c_str());
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_entry_set_size(entry, static_cast<la_int64_t>(content.size()));
        REQUIRE(archive_write_header(a, entry) == ARCHIVE_OK);
        archive_write_data(a, content.data(), content.size());
        archive_entry_free(entry);
    }
    archive_write_close(a);
    archive_write_free(a);
    out.resize(used);
    return out;
}

// TMPDIR pointed at a folder of the test's own while it lives: what other processes (the
// fuzz target of the same reader, run beside the unit tests) put in /tmp is not counted.
class OwnTemporaryDirectory {
  public:
    OwnTemporaryDirectory() {
        if (const char* old = std::getenv("TMPDIR")) old_ = old;
        ::setenv("TMPDIR", dir_.path().c_str(), 1);
    }
    ~OwnTemporaryDirectory() {
        if (old_) ::setenv("TMPDIR", old_->c_str(), 1);
        else ::unsetenv("TMPDIR");
    }

  private:
    test::ScratchDir dir_;
    std::optional<std::string> old_;
};

// The temporary folders read_archive_in_memory makes: none may outlive it.
std::size_t temporary_folders() {
    std::size_t count = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::temp_directory_path()))
        count += entry.path().filename().string().starts_with("expeer-archive-");
    return count;
}

} // namespace

TEST_CASE("an archive in memory is read with every check, and leaves nothing behind") {
    const OwnTemporaryDirectory tmp;
    const auto before = temporary_folders();
    REQUIRE(before == 0);
    const std::string tar =
        tar_of({{"dossier/rapport.txt", "rapport\n"}, {"__MACOSX/dossier/._rapport.txt", "x"}});
    const auto contents = read_archive_in_memory(tar.data(), tar.size(), {});
    REQUIRE(contents.files.size() == 1);
    CHECK(contents.files[0].path == "dossier/rapport.txt");
    CHECK(contents.files[0].blob.size == 8);
    CHECK(contents.skipped.size() == 1);
    CHECK(temporary_folders() == before);

    const std::string hostile = tar_of({{"../evil", "x"}, {"CON", "y"}, {"a.txt", "z"}});
    CHECK_THROWS_AS(read_archive_in_memory(hostile.data(), hostile.size(), {}), InvalidInput);
    ArchiveLimits two;
    two.max_entries = 2;
    CHECK_THROWS_WITH(read_archive_in_memory(hostile.data(), hostile.size(), two),
                      Catch::Contains("more than 2 entries"));
    const std::string garbage = "not an archive at all";
    CHECK_THROWS_AS(read_archive_in_memory(garbage.data(), garbage.size(), {}), Error);
    CHECK(temporary_folders() == before);
}
