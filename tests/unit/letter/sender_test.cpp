// The sender's TLS decision, made on the host libcurl will connect to.
#include "config/config.hpp"
#include "letter/sender.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

using namespace expeer;
using Catch::Matchers::Contains;

namespace {

SmtpSettings settings_for(const std::string& url) {
    Config config(expeer_config_keys(Environment{{{"HOME", "/home/tester"}}}));
    config.set("smtp.url", url, "environment EXPEER_SMTP_URL");
    return smtp_settings(config);
}

} // namespace

TEST_CASE("plain SMTP only to this machine, decided on the real host") {
    // The issue's URL: the host is 127.0.0.2 (this machine), not "localhost" from the userinfo.
    // 127.0.0.0/8 is this machine, so it may go in clear; the same userinfo before any other
    // host may not.
    const auto issue = settings_for("smtp://localhost:25@127.0.0.2:40125");
    CHECK(issue.url == "smtp://localhost:25@127.0.0.2:40125/");
    CHECK(issue.tls == SmtpTls::if_offered);
    CHECK(settings_for("smtp://localhost:25@mail.example:587").tls == SmtpTls::required);
    CHECK(settings_for("smtp://localhost:25@0.0.0.0:25").tls == SmtpTls::required);
    CHECK(settings_for("smtp://localhost.example:25").tls == SmtpTls::required);
    CHECK(settings_for("smtp://us%40er:pw@mail.example:587").tls == SmtpTls::required);
    CHECK(settings_for("SMTP://Mail.Example:587").tls == SmtpTls::required);
    CHECK(settings_for("smtp://[::1]:25").tls == SmtpTls::if_offered);
    CHECK(settings_for("smtp://127.0.0.1:25").tls == SmtpTls::if_offered);
    CHECK(settings_for("SMTP://LOCALHOST:25").tls == SmtpTls::if_offered);
    CHECK(settings_for("smtps://mail.example:465").tls == SmtpTls::implicit);
}

TEST_CASE("a URL that is not SMTP is refused, its password masked") {
    for (const char* url : {"http://user:s3cret@mail.example", "smtp://user:s3 cret@mail.example",
                            "smtp://a@localhost:s3cret@mail.example:25", "mail.example:25"}) {
        INFO(url);
        try {
            settings_for(url);
            FAIL("accepted");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::config);
            CHECK_THAT(e.what(), Contains("expected smtp://HOST:PORT or smtps://HOST:PORT"));
            CHECK_THAT(e.what(), !Contains("s3cret"));
        }
    }
}
