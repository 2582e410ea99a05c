// The news feed of each space, and comments on it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Clock;
class Database;

struct News {
    std::int64_t id = 0;
    std::int64_t space_id = 0;
    std::optional<std::int64_t> author_id;
    std::string title;
    std::string body; // Markdown
    std::string posted_at;
};

struct Comment {
    std::int64_t id = 0;
    std::int64_t news_id = 0;
    std::optional<std::int64_t> author_id;
    std::string body;
    std::string posted_at;
};

// A news item as listed: with its space and its author's name ("former member" once erased).
struct NewsItem {
    News news;
    std::string space_slug;
    std::string author;
    std::size_t comments = 0;
};

struct NewsFilter {
    std::optional<std::string> space;  // slug
    std::optional<std::string> author; // email or id
    std::optional<std::string> since;  // ISO date or time
    bool public_only = false;          // only public spaces' news (visibility.hpp)
    std::size_t limit = 0;             // 0: all; otherwise the newest `limit`
};

// The name shown for an author whose data was erased.
inline constexpr const char* former_member = "former member";

class NewsBoard {
public:
    NewsBoard(Database& db, const Clock& clock, std::string actor);
    // `at` is the posting time when it is not now (history brought in from elsewhere).
    News post(const std::string& space, const std::string& author, const std::string& title, const std::string& body,
              const std::optional<std::string>& at = {});
    Comment comment(std::int64_t news_id, const std::string& author, const std::string& body,
                    const std::optional<std::string>& at = {});
    std::vector<NewsItem> list(const NewsFilter& filter); // newest first
    std::vector<Comment> comments_of(std::int64_t news_id);

private:
    Database& db_;
    const Clock& clock_;
    std::string actor_;
};

} // namespace expeer
