// The news feed of each space, and comments on it. Who may read, post, edit and delete is
// decided by the space's roles (spaces/permissions.hpp).
#pragma once

#include "news/post.hpp"
#include "spaces/permissions.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Clock;
class Database;

// A news item as listed: with its space and its author's name ("former member" once erased).
struct NewsItem {
    News news;
    std::string space_slug;
    std::string author;
    std::size_t comments = 0;
};

struct CommentItem {
    Comment comment;
    std::string author;
};

// What an edit changes; unset is left as it is.
struct NewsEdit {
    std::optional<std::string> title;
    std::optional<std::string> body;
};

struct Deletion {
    std::size_t comments = 0; // the comments deleted with a news item
};

struct NewsFilter {
    std::optional<std::string> space;  // slug
    std::optional<std::string> author; // email or id
    std::optional<std::string> since;  // ISO date or time
    bool public_only = false;          // only public spaces' news (visibility.hpp)
    std::optional<std::string> reader; // only what this member (email or id) may read
    std::size_t limit = 0;             // 0: all; otherwise the newest `limit`
};

// The name shown for an author whose data was erased.
inline constexpr const char* former_member = "former member";

class NewsBoard {
public:
    NewsBoard(Database& db, const Clock& clock, std::string actor);
    // `author.as` is the author, a contributor of the space (or --as-admin). `at` is the
    // posting time when it is not now (history brought in from elsewhere).
    News post(const std::string& space, const Acting& author, const std::string& title, const std::string& body,
              const std::optional<std::string>& at = {});
    Comment comment(std::int64_t news_id, const Acting& author, const std::string& body,
                    const std::optional<std::string>& at = {});
    std::vector<NewsItem> list(const NewsFilter& filter); // newest first

    // Reading one item, or a news item's comments (oldest first). `reader`, when given, must
    // be allowed to read the space.
    NewsItem show(std::int64_t news_id, const std::optional<std::string>& reader = {});
    std::vector<CommentItem> comments_of(std::int64_t news_id, const std::optional<std::string>& reader = {});
    CommentItem show_comment(std::int64_t comment_id, const std::optional<std::string>& reader = {});

    // Their author (a contributor) or a content manager changes or deletes them; an edit
    // keeps its time, a deletion takes the comments and the activities that counted them.
    // False, an edit that changes nothing: nothing is written.
    bool edit(std::int64_t news_id, const NewsEdit& edit, const Acting& who);
    Deletion remove(std::int64_t news_id, const Acting& who);
    bool edit_comment(std::int64_t comment_id, const std::string& body, const Acting& who);
    void remove_comment(std::int64_t comment_id, const Acting& who);

private:
    Database& db_;
    const Clock& clock_;
    std::string actor_;
};

} // namespace expeer
