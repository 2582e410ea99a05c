#include "spaces/visibility.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

namespace {

Space space(std::int64_t id, const char* access, std::optional<std::int64_t> parent = {}) {
    Space s;
    s.id = id;
    s.slug = "s" + std::to_string(id);
    s.access = access;
    s.parent_id = parent;
    return s;
}

} // namespace

TEST_CASE("a space is public only when it and every ancestor is open") {
    std::map<std::int64_t, Space> all;
    for (const auto& s : {space(1, "open"), space(2, "confidential", 1), space(3, "open", 2), space(4, "open", 3),
                          space(5, "on-request"), space(6, "open", 5), space(7, "open", 1), space(8, "open", 99)})
        all.emplace(s.id, s);
    CHECK(is_public(all.at(1), all));
    CHECK_FALSE(is_public(all.at(2), all));  // confidential
    CHECK_FALSE(is_public(all.at(3), all));  // open, under a confidential one
    CHECK_FALSE(is_public(all.at(4), all));  // two levels below
    CHECK_FALSE(is_public(all.at(5), all));  // on request: content for its members
    CHECK_FALSE(is_public(all.at(6), all));
    CHECK(is_public(all.at(7), all));
    CHECK_FALSE(is_public(all.at(8), all));  // a parent that cannot be found is not assumed open
    CHECK(public_space_ids(all) == std::set<std::int64_t>{1, 7});
}

TEST_CASE("archived open spaces stay public, and a cycle cannot loop forever") {
    std::map<std::int64_t, Space> all;
    Space archived = space(1, "open");
    archived.archived_on = "2024-01-01";
    all.emplace(1, archived);
    all.emplace(2, space(2, "open", 3)); // a cycle the registry refuses, built by hand
    all.emplace(3, space(3, "open", 2));
    CHECK(is_public(all.at(1), all));
    CHECK_FALSE(is_public(all.at(2), all));
}
