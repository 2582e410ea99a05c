// The network's monthly webinars ("talks"), announced in the newsletter in both languages.
#pragma once

#include "events/talk.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Clock;
class Database;

struct TalkChanges {
    std::optional<std::string> starts_at;
    std::optional<std::string> title_fr;
    std::optional<std::string> title_en;
    std::optional<std::string> summary_fr; // empty clears the optional ones
    std::optional<std::string> summary_en;
    std::optional<std::string> speakers;
    std::optional<std::string> replay_url;
};

class TalkCalendar {
public:
    TalkCalendar(Database& db, const Clock& clock, std::string actor);
    Talk add(const TalkChanges& changes); // a time and both titles are required
    Talk update(std::int64_t id, const TalkChanges& changes);
    // By time; only those from now on when `upcoming`.
    std::vector<Talk> list(bool upcoming);

private:
    Database& db_;
    const Clock& clock_;
    std::string actor_;
};

} // namespace expeer
