#pragma once

#include "activity/activity.hpp"
#include "news/post.hpp"

#include <functional>

namespace expeer {

class Database;

std::int64_t insert_news(Database& db, const News& news);
std::int64_t insert_comment(Database& db, const Comment& comment);
std::optional<News> find_news(Database& db, std::int64_t id);
// Newest first, with the number of comments of each.
void for_each_news(Database& db, const std::optional<std::int64_t>& space_id, const std::optional<std::int64_t>& author_id,
                   const std::optional<std::string>& since, const std::function<void(const News&, std::size_t)>& visit);
std::vector<Comment> comments_of(Database& db, std::int64_t news_id);
std::vector<News> news_by_author(Database& db, std::int64_t author_id);
std::vector<Comment> comments_by_author(Database& db, std::int64_t author_id);
std::optional<Comment> find_comment(Database& db, std::int64_t id);
// Records the activity a news item (comment_id none) or a comment made, tied to it.
void record_content_activity(Database& db, const Activity& activity, std::int64_t news_id,
                             std::optional<std::int64_t> comment_id);
// Writes an edited title, body and edited_at; the activities tied to the news take the new title.
void save_news_edit(Database& db, const News& news);
void save_comment_edit(Database& db, const Comment& comment);
// Deletes a news item with its comments and every activity tied to them; returns how many
// comments went.
std::size_t delete_news(Database& db, std::int64_t news_id);
void delete_comment(Database& db, std::int64_t comment_id);
// Erasure with --delete-content: the person's news (with their comments) and comments go.
std::size_t delete_content_of(Database& db, std::int64_t author_id);

} // namespace expeer
