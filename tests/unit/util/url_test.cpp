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

TEST_CASE("the host is the one libcurl connects to, whatever the userinfo says") {
    // The issue's URL: "localhost:25" is a user and a password, the host is 127.0.0.2.
    const auto issue = parse_url("smtp://localhost:25@127.0.0.2:40125");
    REQUIRE(issue);
    CHECK(issue->host == "127.0.0.2");
    CHECK(issue->port == 40125);
    CHECK(issue->has_credentials);
    const auto remote = parse_url("smtp://localhost:25@mail.example:587");
    REQUIRE(remote);
    CHECK(remote->host == "mail.example");
    CHECK_FALSE(is_loopback_host(remote->host));
    // An @ inside the userinfo must be written %40; unencoded, libcurl refuses the URL, and
    // so does expeer, rather than guess.
    const auto encoded = parse_url("smtp://us%40er:p%40ss@mail.example:587");
    REQUIRE(encoded);
    CHECK(encoded->host == "mail.example");
    CHECK_FALSE(parse_url("smtp://a@localhost:c@mail.example:25"));
    // IPv6, an upper-case scheme and host, a percent-encoded host.
    CHECK(parse_url("smtp://[::1]:25")->host == "::1");
    CHECK(is_loopback_host(parse_url("smtp://[::1]:25")->host));
    const auto upper = parse_url("SMTP://LOCALHOST:25");
    REQUIRE(upper);
    CHECK(upper->scheme == "smtp");
    CHECK(is_loopback_host(upper->host));
    CHECK(parse_url("smtp://%6c%6fcalhost:25")->host == "localhost");
    // IPv4 written otherwise: libcurl normalises it, so the test sees what is connected to.
    CHECK(parse_url("smtp://127.1:25")->host == "127.0.0.1");
    CHECK(parse_url("smtp://0x7f000001:25")->host == "127.0.0.1");
    CHECK(parse_url("smtp://0:25")->host == "0.0.0.0");
    CHECK(parse_url("smtp://user:pw@mail.example:587")->url == "smtp://user:pw@mail.example:587/");
}

TEST_CASE("loopback is decided on the address, strictly") {
    for (const char* h : {"0.0.0.0", "localhost.", "127.0.0.1 ", "+127.0.0.1", "127.0.0.1.", "::ffff:10.0.0.1",
                          "::", "[::1]", "127.0.0.256"})
        CHECK_FALSE(is_loopback_host(h));
}

TEST_CASE("credentials are masked in any URL, even one libcurl cannot read") {
    CHECK(url_without_credentials("smtp://letter@mail.example:587") == "smtp://***@mail.example:587/");
    CHECK(url_without_credentials("smtp://localhost:25@127.0.0.2:40125") == "smtp://***:***@127.0.0.2:40125/");
    CHECK(url_without_credentials("smtp://user:pass word@mail.example") == "smtp://***@mail.example");
    CHECK(url_without_credentials("smtp://a@b:c@mail.example:25") == "smtp://***@mail.example:25");
    CHECK(url_without_credentials("letter@network.example") == "letter@network.example");
    CHECK(url_without_credentials("") == "");
    CHECK(url_without_credentials("not a url") == "not a url");
}
