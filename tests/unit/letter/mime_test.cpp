#include "letter/mime.hpp"
#include "letter/unsubscribe.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace expeer;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2)
        out.push_back(text.substr(start, end - start));
    if (start < text.size()) out.push_back(text.substr(start));
    return out;
}

} // namespace

TEST_CASE("quoted-printable keeps lines short and encodes what must be") {
    const std::string long_line(300, 'a');
    const auto encoded = mime::quoted_printable("Élodie = ok\n" + long_line + "\n.dot first\nFrom here\ntrailing \n");
    for (const auto& line : lines(encoded)) CHECK(line.size() <= 76);
    CHECK(encoded.starts_with("=C3=89lodie =3D ok\r\n"));
    CHECK(encoded.find("\r\n=2Edot first\r\n") != std::string::npos);
    CHECK(encoded.find("\r\n=46rom here\r\n") != std::string::npos);
    CHECK(encoded.find("trailing=20\r\n") != std::string::npos);
    CHECK(encoded.find('\n') == encoded.find("\r\n") + 1); // no bare line feed

    // A space at the end of a full line, once encoded, must not push it past 76.
    for (const auto& line : lines(mime::quoted_printable(std::string(74, 'a') + " \n" + std::string(75, 'b') + " ")))
        CHECK(line.size() <= 76);
}

TEST_CASE("headers: encoded words for non-ASCII, folded lines, and no way to inject one") {
    CHECK(mime::encode_words("Plain subject") == "Plain subject");
    const auto subject = mime::encode_words("La Lettre ExPEERience – septembre 2024, numéro spécial très long encore");
    CHECK(subject.starts_with("=?UTF-8?B?"));
    const auto header = mime::header("Subject", subject);
    for (const auto& line : lines(header)) CHECK(line.size() < 78);
    CHECK(header.starts_with("Subject: =?UTF-8?B?")); // the value starts on the header's line

    // A name carrying a line break cannot start a header of its own.
    const auto to = mime::header("To", mime::mailbox("Eve\r\nBcc: everyone@example.org", "eve@example.org"));
    CHECK(lines(to).size() == 1);
    CHECK(to.find("\r\nBcc") == std::string::npos);
    CHECK(mime::mailbox("Zoë \"Z\"", "z@example.org").starts_with("=?UTF-8?B?"));
    CHECK(mime::mailbox("Jean \"JB\" Dupont", "jb@example.org") == "\"Jean \\\"JB\\\" Dupont\" <jb@example.org>");
}

TEST_CASE("addresses that could smuggle SMTP commands are refused") {
    CHECK(mime::plausible_address("amina@example.org"));
    CHECK_FALSE(mime::plausible_address("amina@example.org\r\nRCPT TO:<x@y>"));
    CHECK_FALSE(mime::plausible_address("a b@example.org"));
    CHECK_FALSE(mime::plausible_address("<a@example.org>"));
    CHECK_FALSE(mime::plausible_address("a@b@example.org"));
    CHECK_FALSE(mime::plausible_address("noatsign"));
}

TEST_CASE("dates as RFC 5322 writes them") {
    CHECK(mime::rfc5322_date("2024-09-15T08:30:00Z") == "Sun, 15 Sep 2024 08:30:00 +0000");
}

TEST_CASE("unsubscribe tokens name a member and cannot be forged") {
    const std::string secret = "a-secret-of-sixteen+";
    const auto token = unsubscribe_token(secret, 42);
    CHECK(token.starts_with("42-"));
    CHECK(verify_unsubscribe_token(secret, token) == 42);
    CHECK_FALSE(verify_unsubscribe_token("another-secret-entirely", token));
    CHECK_FALSE(verify_unsubscribe_token(secret, "43" + token.substr(2)));
    CHECK_FALSE(verify_unsubscribe_token(secret, token.substr(0, token.size() - 1)));
    CHECK_FALSE(verify_unsubscribe_token(secret, "garbage"));
}

TEST_CASE("a domain in another script goes out in ASCII, as IDNA writes it") {
    CHECK(mime::ascii_domain("amina@bücher.example") == "amina@xn--bcher-kva.example");
    CHECK(mime::ascii_domain("info@مثال.example") == "info@xn--mgbh0fb.example");
    CHECK(mime::ascii_domain("x@straße.de") == "x@xn--strae-oqa.de"); // nontransitional: ß stays
    CHECK(mime::ascii_domain("amina@example.org") == "amina@example.org");
    CHECK(mime::ascii_domain("élodie@exemple.fr") == "élodie@exemple.fr"); // the local part is the owner's
    CHECK(mime::ascii_domain("bad@exa mple.bücher") == "bad@exa mple.bücher"); // refused: unchanged
}
