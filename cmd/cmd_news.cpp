// expeer news post|comment|list|show|edit|delete, and news comments list|show|edit|delete
#include "commands.hpp"

#include "news/news.hpp"
#include "util/date_input.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>

namespace expeer::cli {

namespace {

NewsBoard board(Context& context, DatabaseAccess access = DatabaseAccess::read_write) {
    return NewsBoard(context.database(access), context.clock(), context.config().get("actor"));
}

// The body from --body, or from --body-file (- for standard input); none when neither is given.
std::optional<std::string> body_of(const std::optional<std::string>& body, const std::optional<std::string>& file) {
    if (body && file) throw Error(ErrorKind::usage, "give --body or --body-file, not both");
    if (!file) return body;
    const std::string path = *file == "-" ? "/dev/stdin" : *file;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::no_input, fmt::format("cannot read '{}'", *file));
    return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void add_body_options(CLI::App& command, std::optional<std::string>& body, std::optional<std::string>& file) {
    command.add_option("--body", body, "The text, in Markdown");
    command.add_option("--body-file", file, "Read the text (Markdown) from this file, - for standard input");
}

struct PostCommand {
    std::string space, title;
    std::optional<std::string> body, body_file, at;
    Acting acting;
};

struct CommentCommand {
    std::int64_t news_id = 0;
    std::optional<std::string> body, body_file, at;
    Acting acting;
};

struct ListCommand {
    NewsFilter filter;
    std::string format;
};

// show, edit, delete of one news item or comment.
struct ItemCommand {
    std::int64_t id = 0;
    std::optional<std::string> title, body, body_file, reader;
    Acting acting;
    std::string format;
};

nlohmann::ordered_json news_json(const NewsItem& item) {
    nlohmann::ordered_json row;
    row["id"] = item.news.id;
    row["posted_at"] = item.news.posted_at;
    row["space"] = item.space_slug;
    row["author"] = item.author;
    row["title"] = item.news.title;
    row["comments"] = item.comments;
    row["body"] = item.news.body;
    row["edited_at"] = item.news.edited_at ? nlohmann::ordered_json(*item.news.edited_at) : nullptr;
    return row;
}

nlohmann::ordered_json comment_json(const CommentItem& item) {
    nlohmann::ordered_json row;
    row["id"] = item.comment.id;
    row["news"] = item.comment.news_id;
    row["posted_at"] = item.comment.posted_at;
    row["author"] = item.author;
    row["body"] = item.comment.body;
    row["edited_at"] = item.comment.edited_at ? nlohmann::ordered_json(*item.comment.edited_at) : nullptr;
    return row;
}

const char* reader_help = "Only if this member (email address or id) may read the space";
const char* changer_help = "Who makes the change: email address or id (its author, or a content manager)";

void add_news_writing(CLI::App& group, Context& context, Action& action) {
    {
        auto c = std::make_shared<PostCommand>();
        auto* post = group.add_subcommand("post", "Post news in a space's feed (a contributor of the space)");
        post->add_option("space", c->space, "The space's slug")->required();
        post->add_option("--title", c->title, "The title")->required();
        add_body_options(*post, c->body, c->body_file);
        add_acting_options(*post, c->acting, "The author: email address or id");
        post->add_option("--at", c->at, "When it was posted, if not now (2024-05-01T10:00:00Z)");
        post->callback([&, c] {
            action = [&, c] {
                if (c->at) c->at = format_timestamp(time_option("--at", *c->at, context.clock().now()));
                const auto body = body_of(c->body, c->body_file).value_or("");
                const News news = board(context).post(c->space, c->acting, c->title, body, c->at);
                context.say(fmt::format("expeer: posted news {}", news.id));
            };
        });
    }
    {
        auto c = std::make_shared<CommentCommand>();
        auto* comment = group.add_subcommand("comment", "Comment on news (a contributor of its space)");
        comment->add_option("news", c->news_id, "The news' id")->required();
        add_body_options(*comment, c->body, c->body_file);
        add_acting_options(*comment, c->acting, "The author: email address or id");
        comment->add_option("--at", c->at, "When it was written, if not now");
        comment->callback([&, c] {
            action = [&, c] {
                if (c->at) c->at = format_timestamp(time_option("--at", *c->at, context.clock().now()));
                const auto body = body_of(c->body, c->body_file).value_or("");
                const Comment comment = board(context).comment(c->news_id, c->acting, body, c->at);
                context.say(fmt::format("expeer: added comment {}", comment.id));
            };
        });
    }
    {
        auto c = std::make_shared<ItemCommand>();
        auto* edit = group.add_subcommand("edit", "Change the title or text of news (its author or a content manager)");
        edit->add_option("news", c->id, "The news' id")->required();
        edit->add_option("--title", c->title, "The new title");
        add_body_options(*edit, c->body, c->body_file);
        add_acting_options(*edit, c->acting, changer_help);
        edit->callback([&, c] {
            action = [&, c] {
                const NewsEdit change{c->title, body_of(c->body, c->body_file)};
                if (!change.title && !change.body) throw Error(ErrorKind::usage, "give --title, --body or --body-file");
                const bool changed = board(context).edit(c->id, change, c->acting);
                context.say(changed ? fmt::format("expeer: edited news {}", c->id)
                                    : fmt::format("expeer: news {} unchanged", c->id));
            };
        });
    }
    {
        auto c = std::make_shared<ItemCommand>();
        auto* remove = group.add_subcommand("delete", "Delete news and its comments (its author or a content manager)");
        remove->add_option("news", c->id, "The news' id")->required();
        add_acting_options(*remove, c->acting, changer_help);
        remove->callback([&, c] {
            action = [&, c] {
                const Deletion deletion = board(context).remove(c->id, c->acting);
                context.say(fmt::format("expeer: deleted news {} and its {} comment{}", c->id, deletion.comments,
                                        deletion.comments == 1 ? "" : "s"));
            };
        });
    }
}

void add_news_reading(CLI::App& group, Context& context, Action& action) {
    {
        auto c = std::make_shared<ListCommand>();
        auto* list = group.add_subcommand("list", "List news, newest first");
        list->add_option("--space", c->filter.space, "Only this space's news");
        list->add_option("--author", c->filter.author, "Only this member's news");
        list->add_option("--since", c->filter.since, "Only news from this date or time on (2024-05-01, 7d, yesterday...)");
        list->add_flag("--public", c->filter.public_only, "Only news a public output may show");
        list->add_option("--as", c->filter.reader, "Only news this member (email address or id) may read");
        list->add_option("--limit", c->filter.limit, "Only the newest N");
        add_format_option(*list, c->format);
        list->callback([&, c] {
            action = [&, c] {
                auto& since = c->filter.since;
                if (since) since = format_timestamp(date_option("--since", *since, context.clock().now()).start);
                Records records;
                records.columns = {"id", "posted_at", "space", "author", "title", "comments", "body", "edited_at"};
                records.table_columns = {"id", "posted_at", "space", "author", "title", "comments"};
                for (const auto& item : board(context, DatabaseAccess::read_only).list(c->filter)) records.rows.push_back(news_json(item));
                print_records(context.out, records, context.format(c->format));
            };
        });
    }
    {
        auto c = std::make_shared<ItemCommand>();
        auto* show = group.add_subcommand("show", "Show one news item with its text");
        show->add_option("news", c->id, "The news' id")->required();
        show->add_option("--as", c->reader, reader_help);
        add_format_option(*show, c->format);
        show->callback([&, c] {
            action = [&, c] {
                print_record(context.out, news_json(board(context, DatabaseAccess::read_only).show(c->id, c->reader)), context.format(c->format));
            };
        });
    }
}

void add_comments_commands(CLI::App& news, Context& context, Action& action) {
    auto* group = news.add_subcommand("comments", "Read, edit and delete the comments on news");
    group->require_subcommand(1);
    {
        auto c = std::make_shared<ItemCommand>();
        auto* list = group->add_subcommand("list", "List the comments on news, oldest first");
        list->add_option("news", c->id, "The news' id")->required();
        list->add_option("--as", c->reader, reader_help);
        add_format_option(*list, c->format);
        list->callback([&, c] {
            action = [&, c] {
                Records records;
                records.columns = {"id", "news", "posted_at", "author", "body", "edited_at"};
                records.table_columns = {"id", "posted_at", "author", "body"};
                for (const auto& item : board(context, DatabaseAccess::read_only).comments_of(c->id, c->reader))
                    records.rows.push_back(comment_json(item));
                print_records(context.out, records, context.format(c->format));
            };
        });
    }
    {
        auto c = std::make_shared<ItemCommand>();
        auto* show = group->add_subcommand("show", "Show one comment");
        show->add_option("comment", c->id, "The comment's id")->required();
        show->add_option("--as", c->reader, reader_help);
        add_format_option(*show, c->format);
        show->callback([&, c] {
            action = [&, c] {
                print_record(context.out, comment_json(board(context, DatabaseAccess::read_only).show_comment(c->id, c->reader)),
                             context.format(c->format));
            };
        });
    }
    {
        auto c = std::make_shared<ItemCommand>();
        auto* edit = group->add_subcommand("edit", "Change the text of a comment (its author or a content manager)");
        edit->add_option("comment", c->id, "The comment's id")->required();
        add_body_options(*edit, c->body, c->body_file);
        add_acting_options(*edit, c->acting, changer_help);
        edit->callback([&, c] {
            action = [&, c] {
                const auto body = body_of(c->body, c->body_file);
                if (!body) throw Error(ErrorKind::usage, "give --body or --body-file");
                const bool changed = board(context).edit_comment(c->id, *body, c->acting);
                context.say(changed ? fmt::format("expeer: edited comment {}", c->id)
                                    : fmt::format("expeer: comment {} unchanged", c->id));
            };
        });
    }
    {
        auto c = std::make_shared<ItemCommand>();
        auto* remove = group->add_subcommand("delete", "Delete a comment (its author or a content manager)");
        remove->add_option("comment", c->id, "The comment's id")->required();
        add_acting_options(*remove, c->acting, changer_help);
        remove->callback([&, c] {
            action = [&, c] {
                board(context).remove_comment(c->id, c->acting);
                context.say(fmt::format("expeer: deleted comment {}", c->id));
            };
        });
    }
}

} // namespace

void add_news_commands(CLI::App& group, Context& context, Action& action) {
    add_news_writing(group, context, action);
    add_news_reading(group, context, action);
    add_comments_commands(group, context, action);
}

} // namespace expeer::cli
