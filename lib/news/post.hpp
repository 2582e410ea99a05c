// A news item of a space and a comment on it, as stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace expeer {

struct News {
    std::int64_t id = 0;
    std::int64_t space_id = 0;
    std::optional<std::int64_t> author_id;
    std::string title;
    std::string body; // Markdown
    std::string posted_at;
    std::optional<std::string> edited_at;
    std::optional<std::string> external_id; // pulled from the platform: changed there, not here
};

struct Comment {
    std::int64_t id = 0;
    std::int64_t news_id = 0;
    std::optional<std::int64_t> author_id;
    std::string body;
    std::string posted_at;
    std::optional<std::string> edited_at;
    std::optional<std::string> external_id;
};

} // namespace expeer
