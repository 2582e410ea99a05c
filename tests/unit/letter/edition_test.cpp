#include "letter/edition.hpp"
#include "util/text.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

namespace {

EditionOptions options(bool personal) {
    EditionOptions o;
    o.templates_dir = std::filesystem::path(EXPEER_SOURCE_DIR) / "templates";
    o.personal = personal;
    o.unsubscribe_url = "https://network.example/unsubscribe";
    return o;
}

NetworkDigest no_activity() {
    NetworkDigest d;
    d.month = "2024-08";
    return d;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

LetterSource source_with(const std::string& editorial_fr, const std::string& editorial_en) {
    auto quoted = [](const std::string& s) {
        std::string out = "\"";
        for (char c : s)
            out += c == '"' ? std::string("\\\"") : std::string(1, c);
        return out + "\"";
    };
    return parse_letter_source("subject: {fr: Sujet, en: Subject}\neditorial:\n  fr: " +
                                   quoted(editorial_fr) + "\n  en: " + quoted(editorial_en) + "\n" +
                                   "sections:\n  analyses:\n    - title: {fr: \"Détention : ce qui "
                                   "change\", en: \"Detention: what changes\"}\n",
                               "2024-09", "2024-09.yaml");
}

} // namespace

TEST_CASE("a member is greeted once: the skeleton's editorial has no greeting of its own") {
    const LetterSource skeleton =
        parse_letter_source(new_letter_source("2024-09"), "2024-09", "2024-09.yaml");
    for (const auto& language : letter_languages()) {
        const LetterEdition edition =
            build_edition(skeleton, no_activity(), language, options(true));
        const PersonalCopy copy =
            personalise(edition, "Amina", "https://network.example/u?token=T");
        for (const char* greeting : {"Bonjour", "Dear", "Chères et chers", "Dear members"}) {
            CHECK(occurrences(copy.text, greeting) <= 1);
            CHECK(occurrences(copy.html, greeting) <= 1);
        }
        CHECK(occurrences(copy.text, language == "fr" ? "Bonjour Amina," : "Dear Amina,") == 1);
        const LetterEdition archive =
            build_edition(skeleton, no_activity(), language, options(false));
        CHECK(occurrences(archive.text, language == "fr" ? "Chères et chers membres du réseau,"
                                                         : "Dear members of the network,") == 1);
    }
}

TEST_CASE("the text edition lists every link's address at its end") {
    const LetterSource source = source_with("Lisez [le rapport](https://example.org/rapport).",
                                            "Read [the report](https://example.org/report).");
    const LetterEdition fr = build_edition(source, no_activity(), "fr", options(true));
    CHECK(fr.text.find("Lisez le rapport\u00A0[1].") != std::string::npos);
    CHECK(fr.text.find("== Liens ==\n\n[1] https://example.org/rapport\n") != std::string::npos);
    const LetterEdition en = build_edition(source, no_activity(), "en", options(true));
    CHECK(en.text.find("== Links ==\n\n[1] https://example.org/report\n") != std::string::npos);
    // Without links, no list.
    CHECK(build_edition(source_with("Rien.", "Nothing."), no_activity(), "en", options(true))
              .text.find("== Links ==") == std::string::npos);
}

TEST_CASE("French editions are set with French spacing, English ones as written") {
    const LetterSource source =
        source_with("Quoi de neuf ? Tout : la loi change !", "What's new? Everything: the law!");
    const LetterEdition fr = build_edition(source, no_activity(), "fr", options(true));
    CHECK(fr.text.find("Quoi de neuf\u202F? Tout\u202F: la loi change\u202F!") !=
          std::string::npos);
    CHECK(fr.html.find("Détention\u202F: ce qui change") != std::string::npos);
    CHECK(fr.text.find("Nouveaux membres\u202F:") != std::string::npos);
    CHECK(fr.html.find("lang=\"fr\"") != std::string::npos); // attributes untouched
    const LetterEdition en = build_edition(source, no_activity(), "en", options(true));
    CHECK(en.text.find("What's new? Everything: the law!") != std::string::npos);
    CHECK(en.text.find('\xe2' /* no U+202F */ + std::string("\x80\xaf")) == std::string::npos);
}

TEST_CASE("the preheader is whole characters, cut at a word, with an ellipsis") {
    const std::string long_text =
        "La rentrée du réseau : des défenseuses et défenseurs des droits humains se "
        "réunissent à Tunis, à Rabat et à Alger pour préparer la nouvelle année, avec "
        "des ateliers, des analyses et des rencontres ouvertes à toutes et à tous.";
    const LetterEdition fr = build_edition(source_with(long_text, "The network is back."),
                                           no_activity(), "fr", options(true));
    const auto start =
        fr.html.find("overflow:hidden;\">") + std::string("overflow:hidden;\">").size();
    const std::string preheader = fr.html.substr(start, fr.html.find("</div>", start) - start);
    CHECK(text::is_valid_utf8(preheader));
    CHECK(text::character_count(preheader) <= 120);
    CHECK(preheader.ends_with("…"));
    CHECK(preheader.starts_with("La rentrée du réseau\u202F: des défenseuses"));
}

TEST_CASE("members' copies link to the archive's pages; the archive's copy has no unsubscribe") {
    const auto source = source_with("Bonjour.", "Hello.");
    EditionOptions with_archive = options(true);
    with_archive.archive_url = "https://network.example/letter";
    const auto fr = build_edition(source, no_activity(), "fr", with_archive);
    CHECK(fr.html.find("href=\"https://network.example/letter/2024-09.fr.html\"") != std::string::npos);
    CHECK(fr.html.find("href=\"https://network.example/letter/2024-09.en.html\" hreflang=\"en\"") != std::string::npos);
    CHECK(fr.text.find("https://network.example/letter/2024-09.en.html") != std::string::npos);
    // Without an archive address, no links to nowhere.
    const auto plain = build_edition(source, no_activity(), "en", options(true));
    CHECK(plain.html.find("2024-09.fr.html") == std::string::npos);
    CHECK(plain.html.find("https://network.example/unsubscribe") == std::string::npos); // a mark for each member
    const auto archive = build_edition(source, no_activity(), "en", options(false));
    CHECK(archive.html.find("Unsubscribe") == std::string::npos);
    CHECK(archive.text.find("Unsubscribe") == std::string::npos);
    CHECK(archive.html.find("Hello.") != std::string::npos);
    CHECK(archive.html.find("2024-09.fr.html") == std::string::npos);
}
