#include "geo/countries.hpp"

#include "../scratch.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

using namespace expeer;
using Catch::Matchers::Contains;

TEST_CASE("countries are found by code, French or English name and the usual variants") {
    const auto& c = test::countries();
    for (const char* input : {"CD", "cd", "COD", "RDC", "Congo (RDC)", "République démocratique du Congo",
                              "Republique democratique du congo", "Democratic Republic of the Congo",
                              "DR Congo", "Congo-Kinshasa"})
        CHECK(c.find(input) == std::optional<std::string>("CD"));
    for (const char* input : {"Tunisie", "Tunisia", "TN", " tunisie "})
        CHECK(c.find(input) == std::optional<std::string>("TN"));
    CHECK(c.find("Congo") == std::optional<std::string>("CG"));
    CHECK(c.find("Belgique") == std::optional<std::string>("BE"));
    CHECK(c.find("Côte d’Ivoire") == std::optional<std::string>("CI"));
    CHECK(c.find("Cote d'Ivoire") == std::optional<std::string>("CI"));
    CHECK(c.find("République centrafricaine") == std::optional<std::string>("CF"));
    CHECK(c.find("État de Palestine") == std::optional<std::string>("PS"));
    CHECK(c.find("Royaume-Uni") == std::optional<std::string>("GB"));
    CHECK_FALSE(c.find("Narnia"));
    CHECK_FALSE(c.find("XX"));
    CHECK_FALSE(c.find(""));
}

TEST_CASE("a reordered name that fits two countries is not guessed") {
    // "Korea, Republic of" and "Korea, Democratic People's Republic of" both start "Korea".
    CHECK_FALSE(test::countries().find("Korea"));
}

TEST_CASE("an unknown country gets the nearest names as suggestions") {
    const auto suggestions = test::countries().suggest("Tunisi");
    REQUIRE_FALSE(suggestions.empty());
    CHECK(suggestions.front() == "Tunisia (TN)");
    CHECK(test::countries().suggest("Qwxzyvb").empty());
}

TEST_CASE("names are given in French and English") {
    const auto& c = test::countries();
    CHECK(c.name("CD", "fr") == "République démocratique du Congo");
    CHECK(c.name("CD", "en") == "Congo, The Democratic Republic of the");
    CHECK(c.name("SY", "en") == "Syria");
    CHECK(c.name("TN", "fr") == "Tunisie");
    CHECK(c.size() > 240);
}

TEST_CASE("missing iso-codes data is a configuration error naming the file") {
    try {
        Countries::load("/nonexistent", "/nonexistent");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::config);
        CHECK_THAT(e.what(), Contains("/nonexistent/iso_3166-1.json"));
    }
}
