#include "util/url.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

TEST_CASE("URLs are read by libcurl's parser: what it will connect to") {
    const auto u = parse_url("https://tracim.network.example:8443/api");
    REQUIRE(u);
    CHECK(u->scheme == "https");
    CHECK(u->host == "tracim.network.example");
    CHECK(u->port == 8443);
    CHECK_FALSE(u->has_credentials);
    // The host is what follows the credentials, however they look.
    const auto tricky = parse_url("http://localhost:25@tracim.example:80/");
    REQUIRE(tricky);
    CHECK(tricky->host == "tracim.example");
    CHECK(tricky->has_credentials);
    CHECK_FALSE(is_loopback_host(tricky->host));
    CHECK(parse_url("http://[::1]:8080/")->host == "::1");
    CHECK_FALSE(parse_url("not a url"));
}

TEST_CASE("loopback is this machine only") {
    for (const char* h : {"localhost", "LOCALHOST", "127.0.0.1", "127.8.9.10", "::1"})
        CHECK(is_loopback_host(h));
    for (const char* h :
         {"127.0.0.1.example", "128.0.0.1", "10.0.0.1", "localhost.example", "0x7f000001"})
        CHECK_FALSE(is_loopback_host(h));
}

TEST_CASE("credentials never reach a message") {
    CHECK(url_without_credentials("smtp://letter:s3cret@mail.example:587") ==
          "smtp://***:***@mail.example:587/");
    CHECK(url_without_credentials("https://tracim.example/") == "https://tracim.example/");
}
