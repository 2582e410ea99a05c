#include "letter/source.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

namespace {

std::vector<FieldError> errors_of(const std::string& text) {
    try {
        parse_letter_source(text, "2024-09", "2024-09.yaml");
    } catch (const InvalidInput& e) {
        return e.errors();
    }
    return {};
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("an image in the source is refused, at its line, however it is written") {
    const auto errors =
        errors_of("subject:\n"                                                       // 1
                  "  fr: Sujet\n"                                                    // 2
                  "  en: Subject\n"                                                  // 3
                  "editorial:\n"                                                     // 4
                  "  fr: |\n"                                                        // 5
                  "    Bonjour.\n"                                                   // 6
                  "\n"                                                               // 7
                  "    ![x](https://tracker.example/p.gif)\n"                        // 8
                  "  en: \"Hello ![x][p]\\n\\n[p]: http://tracker.example/p.gif\"\n" // 9
                  "sections:\n"                                                      // 10
                  "  analyses:\n"                                                    // 11
                  "    - title: {fr: Titre, en: Title}\n"                            // 12
                  "      body:\n"                                                    // 13
                  "        fr: |\n"                                                  // 14
                  "          | a | b |\n"                                            // 15
                  "          |---|---|\n"                                            // 16
                  "          | 1 | ![t](https://tracker.example/t.gif) |\n"          // 17
                  "        en: Text\n");                                             // 18
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].field == "2024-09.yaml:8");
    CHECK(errors[0].value == "editorial.fr");
    CHECK(errors[0].reason.find("'https://tracker.example/p.gif'") != std::string::npos);
    CHECK(errors[0].reason.find("images are not supported") != std::string::npos);
    CHECK(errors[1].field == "2024-09.yaml:9"); // a quoted text: named by its first line
    CHECK(errors[1].value == "editorial.en");
    CHECK(errors[2].field == "2024-09.yaml:17");
    CHECK(errors[2].value == "sections.analyses[1].body.fr");
}

TEST_CASE("the skeleton of a new issue cannot be approved until every placeholder is written") {
    const std::string skeleton = new_letter_source("2024-09");
    const LetterSource source =
        parse_letter_source(skeleton, "2024-09", "2024-09.yaml"); // it builds
    const auto left = placeholders_left(source);
    std::vector<std::string> fields;
    for (const auto& error : left)
        fields.push_back(error.field + " " + error.value);
    CHECK(fields == std::vector<std::string>{
                        "2024-09.yaml:11 editorial.fr",
                        "2024-09.yaml:13 editorial.en",
                        "2024-09.yaml:17 sections.analyses[1].title.fr",
                        "2024-09.yaml:18 sections.analyses[1].title.en",
                        "2024-09.yaml:21 sections.analyses[1].body.fr",
                        "2024-09.yaml:23 sections.analyses[1].body.en",
                        "2024-09.yaml:25 sections.analyses[1].links[1].url",
                    });
    CHECK(left[0].reason == "'[[L'éditorial]]' is still to be written");

    std::string written = skeleton;
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"[[L'éditorial]]", "La rentrée."},
             {"[[The editorial]]", "The network is back."},
             {"[[Titre de l'analyse]]", "Détention"},
             {"[[Title of the analysis]]", "Detention"},
             {"[[Texte de l'analyse.]]", "Une analyse."},
             {"[[Text of the analysis.]]", "An analysis."},
             {"[[analysis]]", "detention"}})
        written = replaced(written, from, to);
    CHECK(placeholders_left(parse_letter_source(written, "2024-09", "2024-09.yaml")).empty());
    // Brackets that are not a placeholder: a link, or a pair split over two lines.
    CHECK(placeholders_left(parse_letter_source(replaced(written, "Une analyse.",
                                                         "[a] [[b\n          c]] [link](x)"),
                                                "2024-09", "2024-09.yaml"))
              .empty());
}
