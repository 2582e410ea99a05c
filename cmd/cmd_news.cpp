// expeer news post|list|comment
#include "commands.hpp"

#include "news/news.hpp"
#include "util/date_input.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>

namespace expeer::cli {

namespace {

NewsBoard board(Context& context) { return NewsBoard(context.database(), context.clock(), context.config().get("actor")); }

// The body from --body, or from --body-file (- for standard input).
std::string body_of(const std::string& body, const std::string& file) {
    if (!body.empty() && !file.empty()) throw Error(ErrorKind::usage, "give --body or --body-file, not both");
    if (file.empty()) return body;
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::no_input, fmt::format("cannot read '{}'", file));
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct PostCommand {
    std::string space, title, body, body_file, author;
    std::optional<std::string> at;
};

struct CommentCommand {
    std::int64_t news_id = 0;
    std::string body, body_file, author;
    std::optional<std::string> at;
};

struct ListCommand {
    NewsFilter filter;
    std::string format;
};

} // namespace

void add_news_commands(CLI::App& group, Context& context, Action& action) {
    {
        auto c = std::make_shared<PostCommand>();
        auto* post = group.add_subcommand("post", "Post news in a space's feed");
        post->add_option("space", c->space, "The space's slug")->required();
        post->add_option("--title", c->title, "The title")->required();
        post->add_option("--body", c->body, "The text, in Markdown");
        post->add_option("--body-file", c->body_file, "Read the text (Markdown) from this file, - for standard input");
        post->add_option("--as", c->author, "The author: email address or id")->required();
        post->add_option("--at", c->at, "When it was posted, if not now (2024-05-01T10:00:00Z)");
        post->callback([&, c] {
            action = [&, c] {
                if (c->at) c->at = format_timestamp(time_option("--at", *c->at, context.clock().now()));
                const auto body = body_of(c->body, c->body_file == "-" ? "/dev/stdin" : c->body_file);
                const News news = board(context).post(c->space, c->author, c->title, body, c->at);
                context.say(fmt::format("expeer: posted news {}", news.id));
            };
        });
    }
    {
        auto c = std::make_shared<CommentCommand>();
        auto* comment = group.add_subcommand("comment", "Comment on news");
        comment->add_option("news", c->news_id, "The news' id")->required();
        comment->add_option("--body", c->body, "The text");
        comment->add_option("--body-file", c->body_file, "Read the text from this file, - for standard input");
        comment->add_option("--as", c->author, "The author: email address or id")->required();
        comment->add_option("--at", c->at, "When it was written, if not now");
        comment->callback([&, c] {
            action = [&, c] {
                if (c->at) c->at = format_timestamp(time_option("--at", *c->at, context.clock().now()));
                const auto body = body_of(c->body, c->body_file == "-" ? "/dev/stdin" : c->body_file);
                const Comment comment = board(context).comment(c->news_id, c->author, body, c->at);
                context.say(fmt::format("expeer: added comment {}", comment.id));
            };
        });
    }
    {
        auto c = std::make_shared<ListCommand>();
        auto* list = group.add_subcommand("list", "List news, newest first");
        list->add_option("--space", c->filter.space, "Only this space's news");
        list->add_option("--author", c->filter.author, "Only this member's news");
        list->add_option("--since", c->filter.since, "Only news from this date or time on (2024-05-01, 7d, yesterday...)");
        list->add_flag("--public", c->filter.public_only, "Only news a public output may show");
        list->add_option("--limit", c->filter.limit, "Only the newest N");
        add_format_option(*list, c->format);
        list->callback([&, c] {
            action = [&, c] {
                auto& since = c->filter.since;
                if (since) since = format_timestamp(date_option("--since", *since, context.clock().now()).start);
                Records records;
                records.columns = {"id", "posted_at", "space", "author", "title", "comments", "body"};
                records.table_columns = {"id", "posted_at", "space", "author", "title", "comments"};
                for (const auto& item : board(context).list(c->filter)) {
                    nlohmann::ordered_json row;
                    row["id"] = item.news.id;
                    row["posted_at"] = item.news.posted_at;
                    row["space"] = item.space_slug;
                    row["author"] = item.author;
                    row["title"] = item.news.title;
                    row["comments"] = item.comments;
                    row["body"] = item.news.body;
                    records.rows.push_back(std::move(row));
                }
                print_records(context.out, records, context.format(c->format));
            };
        });
    }
}

} // namespace expeer::cli
