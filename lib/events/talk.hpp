// A talk (webinar) as stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace expeer {

struct Talk {
    std::int64_t id = 0;
    std::string starts_at; // ISO 8601 UTC
    std::string title_fr;
    std::string title_en;
    std::optional<std::string> summary_fr;
    std::optional<std::string> summary_en;
    std::optional<std::string> speakers;
    std::optional<std::string> replay_url; // https://
    std::string created_at;
    std::string updated_at;
};

} // namespace expeer
