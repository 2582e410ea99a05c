#include "../scratch.hpp"
#include "config/config.hpp"
#include "config/secret_file.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>
#include <sys/stat.h>

using namespace expeer;
using Catch::Matchers::Contains;

namespace {

Config config_with(const std::string& key, const std::string& value) {
    Config config(expeer_config_keys(Environment{{{"HOME", "/home/tester"}}}));
    config.set(key, value, "environment EXPEER_SMTP_PASSWORD_FILE");
    return config;
}

} // namespace

TEST_CASE("a secret file is read when only its owner can") {
    test::ScratchDir dir;
    const auto file = dir.write("password", "s3cret\r\nignored\n");
    ::chmod(file.c_str(), 0600);
    CHECK(read_secret_file(config_with("smtp.password_file", file.string()),
                           "smtp.password_file") == "s3cret");
    ::chmod(file.c_str(), 0400);
    CHECK(read_secret_file(config_with("smtp.password_file", file.string()),
                           "smtp.password_file") == "s3cret");
}

TEST_CASE("a secret file others can read is refused, naming the key, the file and its mode") {
    test::ScratchDir dir;
    const auto file = dir.write("password", "s3cret\n");
    for (mode_t mode : {0640, 0604, 0620, 0644}) {
        INFO(mode);
        ::chmod(file.c_str(), mode);
        try {
            read_secret_file(config_with("smtp.password_file", file.string()),
                             "smtp.password_file");
            FAIL("read a file of mode " << mode);
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::config);
            CHECK_THAT(
                e.what(),
                Contains(
                    "smtp.password_file '" + file.string() +
                    "' (environment EXPEER_SMTP_PASSWORD_FILE): others can read or change it"));
            CHECK_THAT(e.what(), !Contains("s3cret"));
        }
    }
    const auto empty = dir.write("empty", "\n");
    ::chmod(empty.c_str(), 0600);
    CHECK_THROWS_WITH(
        read_secret_file(config_with("smtp.password_file", empty.string()), "smtp.password_file"),
        Contains("is empty"));
    CHECK_THROWS_WITH(read_secret_file(config_with("smtp.password_file", (dir / "none").string()),
                                       "smtp.password_file"),
                      Contains("cannot be read: No such file or directory"));
}
