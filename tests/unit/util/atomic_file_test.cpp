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
