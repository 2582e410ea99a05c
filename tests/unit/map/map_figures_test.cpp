#include "map/map_figures.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace expeer;

namespace {

const std::vector<MapCategory> vocabulary = {
    {"gender", "genre", "gender"}, {"origin", "origine", "origin"}, {"disability", "handicap", "disability"}};

MapRecord record(const std::string& region, const std::string& category, RecordGender gender, CaseStatus status) {
    static int next = 0;
    return {std::to_string(++next), "2024-03-01", region, category, gender, status, std::nullopt};
}

} // namespace

TEST_CASE("a map publishes counts by region and breakdowns, hiding what could single out a case", "[map]") {
    MapTally tally({"TN-11", "TN-12", "TN-13", "TN-14"}, vocabulary);
    for (int i = 0; i < 20; ++i) tally.add(record("TN-14", "origin", RecordGender::man, CaseStatus::in_court));
    for (int i = 0; i < 40; ++i)
        tally.add(record("TN-11", i % 2 ? "gender" : "origin", i % 3 ? RecordGender::woman : RecordGender::man,
                         CaseStatus::open));
    for (int i = 0; i < 3; ++i) tally.add(record("TN-12", "disability", RecordGender::woman, CaseStatus::closed));
    tally.add(record("TN-11", "disability", RecordGender::non_binary, CaseStatus::decided));

    const MapFigures f = tally.disclose(5);
    CHECK(f.audit.passed());
    CHECK(f.country.total.shown == Shown::exact);
    CHECK(f.country.total.value == 64);
    REQUIRE(f.regions.size() == 4);
    // The country's total less the others would give TN-12 away: the smallest other region
    // with cases covers it.
    CHECK(f.regions[3].figures.total.shown == Shown::hidden);
    // Three records: "fewer than 5", and nothing of them by category, gender or status.
    const auto& tn12 = f.regions[1].figures;
    CHECK(tn12.total.shown == Shown::fewer_than);
    for (const auto* parts : {&tn12.by_category, &tn12.by_gender, &tn12.by_status})
        for (const auto& c : *parts) CHECK(c.shown != Shown::exact);
    // A region with none shows 0.
    CHECK(f.regions[2].figures.total.shown == Shown::exact);
    CHECK(f.regions[2].figures.total.value == 0);
    // The one non-binary person of TN-11 is not shown, and neither is what would give them away.
    const auto& tn11 = f.regions[0].figures;
    CHECK(tn11.total.shown == Shown::exact);
    CHECK(tn11.by_gender[static_cast<std::size_t>(RecordGender::non_binary)].shown != Shown::exact);
    const bool women_and_men_both_shown = tn11.by_gender[0].shown == Shown::exact && tn11.by_gender[1].shown == Shown::exact &&
                                          tn11.by_gender[3].shown == Shown::exact;
    CHECK_FALSE(women_and_men_both_shown);
}

TEST_CASE("a map of 24 regions with an uneven spread of cases passes its disclosure audit", "[map]") {
    std::vector<std::string> regions;
    for (int r = 0; r < 24; ++r) regions.push_back("TN-" + std::to_string(11 + r));
    std::vector<MapCategory> categories;
    for (int c = 0; c < 8; ++c) categories.push_back({"c" + std::to_string(c), "fr", "en"});
    MapTally tally(regions, categories);
    std::mt19937 random(7);
    for (int i = 0; i < 600; ++i) {
        // Most cases in a few governorates, some with fewer than 5.
        const auto r = static_cast<std::size_t>(std::min<int>(23, static_cast<int>(std::exponential_distribution<>(0.25)(random))));
        tally.add(record(regions[r], categories[random() % 8].code, static_cast<RecordGender>(random() % 4),
                         static_cast<CaseStatus>(random() % 5)));
    }
    const MapFigures f = tally.disclose(5);
    CHECK(f.audit.passed());
    CHECK(f.country.total.value == 600);
    CHECK(f.hidden > 0);
}
