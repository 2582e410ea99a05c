#include "util/atomic_file.hpp"

#include "../scratch.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>
#include <sys/stat.h>

using namespace expeer;

namespace {

std::string content(const std::filesystem::path& file) {
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t files_in(const std::filesystem::path& dir) {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
}

} // namespace

TEST_CASE("a committed file appears whole, private") {
    test::ScratchDir dir;
    AtomicFile file(dir / "out.csv", false);
    file.write("a,b\n");
    file.write(std::string(200000, 'x'));
    CHECK_FALSE(std::filesystem::exists(dir / "out.csv")); // nothing before commit
    file.commit();
    CHECK(content(dir / "out.csv").size() == 200004);
    struct stat st{};
    REQUIRE(::stat((dir / "out.csv").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(files_in(dir.path()) == 1); // no temporary left
}

TEST_CASE("an abandoned file leaves nothing behind") {
    test::ScratchDir dir;
    {
        AtomicFile file(dir / "out.csv", false);
        file.write("half");
    }
    CHECK(files_in(dir.path()) == 0);
}

TEST_CASE("an existing file is replaced only when asked") {
    test::ScratchDir dir;
    dir.write("out.csv", "old");
    CHECK_THROWS_AS(AtomicFile(dir / "out.csv", false), Error);
    // One that appears between opening and committing is not replaced either.
    test::ScratchDir other;
    AtomicFile late(other / "late.csv", false);
    late.write("new");
    other.write("late.csv", "someone else's");
    CHECK_THROWS_AS(late.commit(), Error);
    CHECK(content(other / "late.csv") == "someone else's");
    CHECK(files_in(other.path()) == 1);

    AtomicFile replace(dir / "out.csv", true);
    replace.write("new");
    replace.commit();
    CHECK(content(dir / "out.csv") == "new");
}

TEST_CASE("a directory that cannot be written is an error naming the file") {
    CHECK_THROWS_AS(AtomicFile("/nonexistent/dir/out.csv", false), Error);
}

TEST_CASE("a temporary left by a killed write is removed by the next write, one in use is not") {
    test::ScratchDir dir;
    const auto orphan = dir.write(".out.csv.Ab12Cd", "personal data a killed process left");
    const auto unrelated = dir.write(".out.csv.longer-name", "not ours");
    AtomicFile first(dir / "out.csv", true);
    CHECK_FALSE(std::filesystem::exists(orphan));
    CHECK(std::filesystem::exists(unrelated));
    // A second writer of the same file while the first is still writing leaves its
    // temporary alone: the first one still commits.
    AtomicFile second(dir / "out.csv", true);
    first.write("first\n");
    CHECK_NOTHROW(first.commit());
    second.write("second\n");
    second.commit();
    CHECK(content(dir / "out.csv") == "second\n");
    CHECK(files_in(dir.path()) == 2);
}

TEST_CASE("--force replaces only a regular file: never a FIFO, a device or a link") {
    test::ScratchDir dir;
    REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
    dir.write("real.csv", "kept");
    std::filesystem::create_symlink(dir / "real.csv", dir / "link.csv");
    std::filesystem::create_symlink(dir / "nowhere.csv", dir / "dangling.csv");
    for (const char* name : {"fifo", "link.csv", "dangling.csv"}) {
        INFO(name);
        CHECK_THROWS_WITH(AtomicFile(dir / name, true),
                          Catch::Contains("expeer replaces only regular files"));
    }
    CHECK_THROWS_WITH(AtomicFile("/dev/null", true), "'/dev/null' is a device: expeer replaces only regular files");
    CHECK_THROWS_WITH(AtomicFile(dir.path(), true), Catch::Contains("is a directory: expeer replaces only regular files"));
    struct stat st {};
    REQUIRE(::lstat((dir / "fifo").c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    REQUIRE(::lstat((dir / "link.csv").c_str(), &st) == 0);
    CHECK(S_ISLNK(st.st_mode));
    CHECK(content(dir / "real.csv") == "kept");
    CHECK(files_in(dir.path()) == 4); // no temporary left
}

TEST_CASE("a FIFO put in place of the target after the check is not replaced") {
    test::ScratchDir dir;
    dir.write("out.csv", "old");
    AtomicFile file(dir / "out.csv", true);
    file.write("new");
    std::filesystem::remove(dir / "out.csv");
    REQUIRE(::mkfifo((dir / "out.csv").c_str(), 0600) == 0);
    CHECK_THROWS_WITH(file.commit(), Catch::Contains("is a FIFO"));
    struct stat st {};
    REQUIRE(::lstat((dir / "out.csv").c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK(files_in(dir.path()) == 1);
}

TEST_CASE("the directory written into is not followed when it is a link") {
    test::ScratchDir dir;
    std::filesystem::create_directory(dir / "real");
    std::filesystem::create_directory_symlink(dir / "real", dir / "link");
    CHECK_THROWS_WITH(AtomicFile(dir / "link" / "out.csv", false),
                      Catch::Contains("is a symbolic link: give the directory it points to"));
    CHECK(files_in(dir / "real") == 0);

    // A link higher up is the system's layout, and is followed.
    std::filesystem::create_directory(dir / "real" / "sub");
    AtomicFile file(dir / "link" / "sub" / "out.csv", false);
    file.commit();
    CHECK(std::filesystem::exists(dir / "real" / "sub" / "out.csv"));
}

TEST_CASE("a set of files appears whole, keeps the old set's other files, and its mode") {
    test::ScratchDir dir;
    std::filesystem::create_directory(dir / "report");
    ::chmod((dir / "report").c_str(), 0750);
    dir.write("report/a.csv", "old a");
    dir.write("report/2023.csv", "another year");
    {
        AtomicDirectory set(dir / "report/");
        set.write("a.csv", "new a");
        set.write("b.html", "new b");
        CHECK(content(dir / "report/a.csv") == "old a"); // nothing before commit
        CHECK_FALSE(std::filesystem::exists(dir / "report/b.html"));
        set.commit();
    }
    CHECK(content(dir / "report/a.csv") == "new a");
    CHECK(content(dir / "report/b.html") == "new b");
    CHECK(content(dir / "report/2023.csv") == "another year");
    struct stat st {};
    REQUIRE(::stat((dir / "report").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0750);
    REQUIRE(::stat((dir / "report/b.html").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(files_in(dir.path()) == 1); // no temporary directory left
}

TEST_CASE("a set of files not committed leaves the old set as it was, and nothing else") {
    test::ScratchDir dir;
    dir.write("report/a.csv", "old a");
    {
        AtomicDirectory set(dir / "report");
        set.write("a.csv", "new a");
    }
    CHECK(content(dir / "report/a.csv") == "old a");
    CHECK(files_in(dir.path()) == 1);
    CHECK(files_in(dir / "report") == 1);
    // A new directory, abandoned, does not appear.
    {
        AtomicDirectory set(dir / "new");
        set.write("a.csv", "x");
    }
    CHECK_FALSE(std::filesystem::exists(dir / "new"));
    CHECK(files_in(dir.path()) == 1);
}

TEST_CASE("a set of files refuses a target it could not replace whole") {
    test::ScratchDir dir;
    dir.write("report/sub/notes.txt", "mine");
    CHECK_THROWS_WITH(AtomicDirectory(dir / "report"), Catch::Contains("holds 'sub', which is a directory"));
    std::filesystem::create_directory_symlink(dir / "report", dir / "link");
    CHECK_THROWS_WITH(AtomicDirectory(dir / "link"), Catch::Contains("is a symbolic link, not a directory"));
    dir.write("file", "x");
    CHECK_THROWS_WITH(AtomicDirectory(dir / "file"), Catch::Contains("is a file, not a directory"));
    CHECK_THROWS_WITH(AtomicDirectory(dir / "."), Catch::Contains("give a name of its own"));
    CHECK(files_in(dir.path()) == 3);
}
