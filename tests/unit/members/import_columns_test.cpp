#include "members/import_columns.hpp"

#include "../scratch.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

namespace {

std::vector<std::string> names(const ColumnLayout& layout) {
    std::vector<std::string> out;
    for (const auto& c : layout.columns) out.push_back(c ? column_name(*c) : "?");
    return out;
}

} // namespace

TEST_CASE("French and English headers are recognised, case, accents and punctuation aside") {
    const auto layout = recognise_columns({"Courriel", "E-mail address", "NOM COMPLET", "Pays", "Organization",
                                           "Langue préférée", "Lettre d'information", "Date d’inscription",
                                           "Téléphone"},
                                          {});
    CHECK(names(layout) == std::vector<std::string>{"email", "email", "name", "country", "organisation", "language",
                                                    "newsletter", "registered_on", "?"});
    CHECK(layout.unknown == std::vector<std::string>{"Téléphone"});
    REQUIRE(layout.problems.size() == 1);
    CHECK(layout.problems[0] == "two columns hold the email");
}

TEST_CASE("Nom beside Prénom is the family name") {
    CHECK(names(recognise_columns({"email", "Prénom", "Nom"}, {})) ==
          std::vector<std::string>{"email", "first_name", "last_name"});
    CHECK(names(recognise_columns({"email", "Nom"}, {})) == std::vector<std::string>{"email", "name"});
}

TEST_CASE("a file without an email column is refused") {
    const auto layout = recognise_columns({"nom", "pays"}, {});
    REQUIRE(layout.problems.size() == 1);
    CHECK(layout.problems[0] == "no email column (email, courriel, e-mail...)");
}

TEST_CASE("a map file names other headers, and is checked") {
    test::ScratchDir dir;
    const auto map = load_column_map(dir.write("map.yaml", "columns:\n  \"Adresse de contact\": email\n  Tél: ignore\n"));
    CHECK(names(recognise_columns({"Adresse de contact", "TÉL", "nom"}, map)) ==
          std::vector<std::string>{"email", "ignore", "name"});
    CHECK_THROWS_WITH(load_column_map(dir.write("bad.yaml", "columns:\n  X: telephone\n")),
                      Catch::Matchers::Contains("bad.yaml:2: 'X' maps to 'telephone', which is not one of"));
    CHECK_THROWS_AS(load_column_map(dir.write("empty.yaml", "other: 1\n")), Error);
}
