#pragma once

#include "events/talk.hpp"

#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Database;

std::optional<Talk> find_talk(Database& db, std::int64_t id);
// Inserts a talk without an id, updates one with; returns its id.
std::int64_t save_talk(Database& db, const Talk& talk);
// By time; those from `from` on when given.
std::vector<Talk> list_talks(Database& db, const std::optional<std::string>& from);

} // namespace expeer
