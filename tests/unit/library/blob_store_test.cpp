#include "library/blob_store.hpp"
#include "library/library.hpp"

#include "../scratch.hpp"
#include "util/error.hpp"
#include "util/sha256.hpp"

#include <catch2/catch.hpp>
#include <sys/stat.h>

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
    struct stat st{};
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

TEST_CASE("library paths stay inside the library") {
    CHECK_FALSE(library_path_problem("études/2024/rapport.pdf"));
    CHECK(library_path_problem("/etc/passwd"));
    CHECK(library_path_problem("../secret"));
    CHECK(library_path_problem("a/../../b"));
    CHECK(library_path_problem("a/./b"));
    CHECK(library_path_problem("a\\b"));
    CHECK(library_path_problem("a\nb"));
    CHECK(library_path_problem(""));
    CHECK(normalise_library_path("a//b/") == "a/b");
}
