#include "../scratch.hpp"
#include "library/blob_store.hpp"
#include "util/error.hpp"
#include "util/sha256.hpp"

#include <catch2/catch.hpp>
#include <csignal>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace expeer;

TEST_CASE("SHA-256 matches the standard's test vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    Sha256 pieces;
    pieces.update("a");
    pieces.update("bc");
    CHECK(pieces.hex_digest() == sha256_hex("abc"));
}

TEST_CASE("contents are stored once, private, and read back checked") {
    test::ScratchDir dir;
    BlobStore store(dir / "files");
    const std::string big(300000, 'x'); // more than one read chunk
    const auto a = store.put_file(dir.write("a.pdf", big));
    const auto b = store.put_file(dir.write("b.pdf", big));
    CHECK(a.sha256 == sha256_hex(big));
    CHECK(a.size == big.size());
    CHECK(a.created);
    CHECK_FALSE(b.created); // the same content: stored already
    struct stat st {};
    REQUIRE(::stat(store.path_of(a.sha256).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(::stat((dir / "files").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    std::string back;
    store.read(a.sha256, [&](std::string_view s) { back += s; });
    CHECK(back == big);
    // A damaged content is refused, not served.
    std::ofstream(store.path_of(a.sha256), std::ios::binary) << "tampered";
    CHECK_THROWS_AS(store.read(a.sha256, [](std::string_view) {}), Error);
}

TEST_CASE("what a failed operation stored is removed, unless kept") {
    test::ScratchDir dir;
    BlobStore store(dir / "files");
    std::string sha;
    {
        NewBlobs created(store);
        const auto blob = store.put_file(dir.write("a.txt", "secret draft"));
        created.add(blob);
        sha = blob.sha256;
        CHECK(store.contains(sha));
    }
    CHECK_FALSE(store.contains(sha));
    {
        NewBlobs created(store);
        created.add(store.put_file(dir.write("b.txt", "kept")));
        created.keep();
    }
    CHECK(store.contains(sha256_hex("kept")));
    CHECK_THROWS_AS(store.put_file(dir / "missing.txt"), Error);
    CHECK_THROWS_AS(store.put_file(dir.path()), Error); // a directory
}

namespace {

// Runs `body` in a child process that kills itself with SIGKILL where the body ends: a real
// kill -9 at an exact point, which no transcript can time.
void killed_after(const std::function<void()>& body) {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        body();
        ::raise(SIGKILL);
        ::_exit(0);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(WTERMSIG(status) == SIGKILL);
}

std::size_t files_under(const std::filesystem::path& dir) {
    std::size_t n = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
        n += entry.is_regular_file();
    return n;
}

} // namespace

TEST_CASE("a process killed after putting contents in place and before recording them leaves them "
          "listed") {
    test::ScratchDir dir;
    const auto root = dir / "files";
    const auto recorded_content = sha256_hex("recorded by an earlier transaction");
    killed_after([&] {
        BlobStore store(root);
        store.begin_batch();
        store.put_file(dir.write("a.txt", "never recorded"));
        store.put_file(dir.write("b.txt", "recorded by an earlier transaction"));
        store.put_file(dir.write("c.txt", "also never recorded"));
        store.sync_pending();
        store.publish_pending(); // in place: the database commit would come next
    });
    BlobStore store(root);
    CHECK(store.contains(sha256_hex("never recorded")));
    CHECK(store.has_dead_runs());
    // A look changes nothing.
    const auto look =
        store.recover([&](const std::string& sha) { return sha == recorded_content; }, false);
    CHECK(look.runs == 1);
    CHECK(look.orphans.size() == 2);
    CHECK(store.contains(sha256_hex("never recorded")));
    const auto recovery =
        store.recover([&](const std::string& sha) { return sha == recorded_content; });
    CHECK(recovery.runs == 1);
    CHECK(recovery.orphans.size() == 2);
    CHECK_FALSE(store.contains(sha256_hex("never recorded")));
    CHECK_FALSE(store.contains(sha256_hex("also never recorded")));
    CHECK(store.contains(recorded_content)); // the database records it: it stays
    CHECK(files_under(root) == 1);
    CHECK_FALSE(store.has_dead_runs());
}

TEST_CASE("a process killed while writing leaves temporary files that recovery removes") {
    test::ScratchDir dir;
    const auto root = dir / "files";
    killed_after([&] {
        BlobStore store(root);
        store.begin_batch();
        store.put_file(dir.write("a.txt", "complete, never put in place"));
        std::size_t calls = 0;
        store.put_stream([&](char* buffer, std::size_t size) -> std::size_t {
            if (++calls == 3) ::raise(SIGKILL); // killed mid-content
            std::fill(buffer, buffer + size, 'x');
            return size;
        });
    });
    BlobStore store(root);
    CHECK(files_under(root) == 3); // two temporary files and the lock
    const auto recovery = store.recover([](const std::string&) { return false; });
    CHECK(recovery.temporaries == 2);
    CHECK(recovery.orphans.empty());
    CHECK(files_under(root) == 0);
}

TEST_CASE("a live process's folder is never taken for a dead one's") {
    test::ScratchDir dir;
    BlobStore writing(dir / "files");
    writing.begin_batch();
    writing.put_file(dir.write("a.txt", "being written"));
    BlobStore other(dir / "files");
    CHECK_FALSE(other.has_dead_runs());
    CHECK(other.recover([](const std::string&) { return false; }).runs == 0);
    writing.sync_pending();
    writing.publish_pending();
    CHECK(other.in_use().count(sha256_hex("being written")) == 1);
}

TEST_CASE("a purge killed before its commit has its contents put back; after it, they go") {
    test::ScratchDir dir;
    const auto root = dir / "files";
    std::string kept, erased;
    {
        BlobStore store(root);
        NewBlobs created(store);
        kept = store.put_file(dir.write("a.txt", "purge rolled back")).sha256;
        erased = store.put_file(dir.write("b.txt", "purge committed")).sha256;
        created.add({kept, 0, true});
        created.add({erased, 0, true});
        created.keep();
    }
    killed_after([&] {
        BlobStore store(root);
        store.withdraw(kept);
        store.withdraw(erased);
    });
    BlobStore store(root);
    CHECK_FALSE(store.contains(kept));
    // The transaction that deleted `kept`'s row never committed; `erased`'s did.
    const auto recovery = store.recover([&](const std::string& sha) { return sha == kept; });
    CHECK(recovery.restored == 1);
    CHECK(store.contains(kept));
    CHECK_FALSE(store.contains(erased));
    CHECK(files_under(root) == 1);
}
